// Maps sales document and line rows to the domain's SalesDocument and back; the one place that
// knows those columns. Lines are stored and read exactly as an invoice's are, so their amounts
// and the tax breakdown come from the same code.

import type { CheckedLine } from '../../domain/invoicing/draft.ts'
import type { InvoiceTotals } from '../../domain/invoicing/totals.ts'
import type {
  SalesDocument,
  SalesDocumentKind,
  SalesDocumentState,
} from '../../domain/sales/sales-document.ts'
import { type Executor, forUpdate, type Storage } from '../../storage/database.ts'
import type { SalesDocumentLinesTable, SalesDocumentsTable } from '../../storage/schema-sales.ts'
import { breakdownOf, discountFromText, lineFromRow, lineRows } from '../invoices/invoice-record.ts'

function documentFromRows(
  row: SalesDocumentsTable,
  lineRowsOfDocument: readonly SalesDocumentLinesTable[],
): SalesDocument {
  const lines = lineRowsOfDocument
    .map((row) => ({ ...lineFromRow(row), optional: row.optional === 1, chosen: row.chosen === 1 }))
    .sort((a, b) => a.lineNo - b.lineNo)
  return {
    documentId: row.document_id,
    documentSeq: row.document_seq,
    kind: row.kind as SalesDocumentKind,
    state: row.state as SalesDocumentState,
    priorState: row.prior_state as SalesDocumentState | null,
    contactId: row.contact_id,
    currency: row.currency,
    seriesKey: row.series_key,
    numberSeq: row.number_seq,
    number: row.number,
    documentDate: row.document_date,
    validUntil: row.valid_until,
    priceBasis: row.price_basis === 'gross' ? 'gross' : 'net',
    roundingScope: row.rounding_scope === 'document' ? 'document' : 'line',
    documentDiscount: discountFromText(row.document_discount),
    locale: row.locale,
    notes: row.notes,
    netMinor: row.net_minor,
    vatMinor: row.vat_minor,
    grossMinor: row.gross_minor,
    unreducedNetMinor: row.unreduced_net_minor,
    unreducedGrossMinor: row.unreduced_gross_minor,
    documentDiscountMinor: row.document_discount_minor,
    // The tax breakdown is of the totals, which leave optional lines out.
    breakdown: breakdownOf(lines.filter((line) => !line.optional)),
    lines,
    pageToken: row.page_token,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    version: row.version,
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The line rows of a sales document: an invoice's line rows under the document's id. */
export function salesLineRows(
  organizationId: string,
  documentId: string,
  lines: readonly CheckedLine[],
  totals: InvoiceTotals,
  optional: readonly boolean[],
): SalesDocumentLinesTable[] {
  return lineRows(organizationId, documentId, lines, totals).map(
    ({ invoice_id: _invoice, credited_line_no: _credited, ...row }, index) => ({
      ...row,
      document_id: documentId,
      optional: optional[index] ? 1 : 0,
      chosen: 0,
    }),
  )
}

/** Loads documents with their lines in two queries, in the order of `documentIds`. */
export async function loadSalesDocuments(
  db: Executor,
  organizationId: string,
  documentIds: readonly string[],
  options: Readonly<{ lockFor?: Pick<Storage, 'engine'> }> = {},
): Promise<SalesDocument[]> {
  if (documentIds.length === 0) return []
  const select = db
    .selectFrom('sales_documents')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('document_id', 'in', documentIds)
  const rows = await (options.lockFor ? forUpdate(options.lockFor, select) : select).execute()
  if (rows.length === 0) return []
  const lines = await db
    .selectFrom('sales_document_lines')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(
      'document_id',
      'in',
      rows.map((row) => row.document_id),
    )
    .execute()
  const linesByDocument = new Map<string, SalesDocumentLinesTable[]>()
  for (const line of lines)
    linesByDocument.set(line.document_id, [...(linesByDocument.get(line.document_id) ?? []), line])
  const byId = new Map(
    rows.map((row) => [row.document_id, documentFromRows(row, linesByDocument.get(row.document_id) ?? [])]),
  )
  return documentIds.flatMap((id) => byId.get(id) ?? [])
}

export async function loadSalesDocument(
  db: Executor,
  organizationId: string,
  documentId: string,
  options: Readonly<{ lockFor?: Pick<Storage, 'engine'> }> = {},
): Promise<SalesDocument | undefined> {
  return (await loadSalesDocuments(db, organizationId, [documentId], options))[0]
}
