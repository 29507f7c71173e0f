// Maps invoice, line and case rows to the domain's Invoice and back; the one place that knows
// those columns. The tax breakdown is summed from the stored lines, which carry their exact share.

import type { CheckedLine } from '../../domain/invoicing/draft.ts'
import type {
  Invoice,
  InvoiceLine,
  StoredDiscount,
  TaxBreakdownLine,
} from '../../domain/invoicing/invoice.ts'
import { type InvoiceState, openBalanceMinor } from '../../domain/invoicing/lifecycle.ts'
import type { InvoiceTotals } from '../../domain/invoicing/totals.ts'
import { formatDecimal } from '../../domain/money/decimal.ts'
import type { PaymentReferenceKind } from '../../domain/payments/payment-reference.ts'
import type { TaxTreatment } from '../../domain/tax/tax-treatment.ts'
import { type Executor, forUpdate, type Storage } from '../../storage/database.ts'
import type { InvoiceLinesTable, InvoicesTable } from '../../storage/schema.ts'

export function discountFromText(text: string | null): StoredDiscount | null {
  if (!text) return null
  const parsed = JSON.parse(text) as { kind: string; ratePercent?: string; amountMinor?: string }
  return parsed.kind === 'percent'
    ? { kind: 'percent', ratePercent: String(parsed.ratePercent) }
    : { kind: 'amount', amountMinor: BigInt(parsed.amountMinor ?? '0') }
}

export function discountToText(discount: StoredDiscount | null): string | null {
  if (!discount) return null
  return JSON.stringify(
    discount.kind === 'percent' ? discount : { kind: 'amount', amountMinor: String(discount.amountMinor) },
  )
}

/** A stored line; a sales document's line row has the same columns without a credited line. */
export function lineFromRow(
  row: Omit<InvoiceLinesTable, 'invoice_id' | 'credited_line_no'> & { credited_line_no?: number | null },
): InvoiceLine {
  return {
    lineNo: row.line_no,
    productId: row.product_id,
    description: row.description,
    quantity: row.quantity,
    unit: row.unit,
    unitPrice: row.unit_price,
    discount: discountFromText(row.discount),
    vatRatePercent: row.vat_rate_percent,
    taxTreatment: row.tax_treatment as TaxTreatment,
    revenueAccountNumber: row.revenue_account_number,
    creditedLineNo: row.credited_line_no ?? null,
    netMinor: row.net_minor,
    vatMinor: row.vat_minor,
    grossMinor: row.gross_minor,
    discountMinor: row.discount_minor,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
  }
}

export function breakdownOf(lines: readonly InvoiceLine[]): TaxBreakdownLine[] {
  const groups = new Map<
    string,
    {
      vatRatePercent: string
      taxTreatment: TaxTreatment
      netMinor: bigint
      vatMinor: bigint
      grossMinor: bigint
    }
  >()
  for (const line of lines) {
    const rate = line.taxTreatment === 'standard' ? line.vatRatePercent : '0'
    const key = `${rate}|${line.taxTreatment}`
    const group = groups.get(key) ?? {
      vatRatePercent: rate,
      taxTreatment: line.taxTreatment,
      netMinor: 0n,
      vatMinor: 0n,
      grossMinor: 0n,
    }
    group.netMinor += line.netMinor
    group.vatMinor += line.vatMinor
    group.grossMinor += line.grossMinor
    groups.set(key, group)
  }
  return [...groups.values()]
}

export type CaseInfo = Readonly<{ caseNo: bigint; pageToken: string }>

export function invoiceFromRows(
  row: InvoicesTable,
  lineRows: readonly InvoiceLinesTable[],
  caseInfo: CaseInfo,
): Invoice {
  const lines = lineRows.map(lineFromRow).sort((a, b) => a.lineNo - b.lineNo)
  return {
    invoiceId: row.invoice_id,
    invoiceSeq: row.invoice_seq,
    caseId: row.case_id,
    caseNo: caseInfo.caseNo,
    pageToken: caseInfo.pageToken,
    kind: row.kind === 'credit_note' ? 'credit_note' : 'invoice',
    creditedInvoiceId: row.credited_invoice_id,
    state: row.state as InvoiceState,
    contactId: row.contact_id,
    currency: row.currency,
    exchangeRate: row.exchange_rate,
    seriesKey: row.series_key,
    numberSeq: row.number_seq,
    number: row.number,
    invoiceDate: row.invoice_date,
    dueDate: row.due_date,
    deliveryDate: row.delivery_date,
    paymentTermsDays: row.payment_terms_days,
    priceBasis: row.price_basis === 'gross' ? 'gross' : 'net',
    roundingScope: row.rounding_scope === 'document' ? 'document' : 'line',
    documentDiscount: discountFromText(row.document_discount),
    paymentReference: row.payment_reference,
    paymentReferenceKind: row.payment_reference_kind as PaymentReferenceKind | null,
    ourReference: row.our_reference,
    yourReference: row.your_reference,
    locale: row.locale,
    recipient: JSON.parse(row.recipient) as Invoice['recipient'],
    notes: row.notes,
    netMinor: row.net_minor,
    vatMinor: row.vat_minor,
    grossMinor: row.gross_minor,
    paidMinor: row.paid_minor,
    creditedMinor: row.credited_minor,
    writtenOffMinor: row.written_off_minor,
    feesMinor: row.fees_minor,
    balanceMinor: openBalanceMinor({
      grossMinor: row.gross_minor,
      feesMinor: row.fees_minor,
      paidMinor: row.paid_minor,
      creditedMinor: row.credited_minor,
      writtenOffMinor: row.written_off_minor,
    }),
    unreducedNetMinor: row.unreduced_net_minor,
    unreducedGrossMinor: row.unreduced_gross_minor,
    documentDiscountMinor: row.document_discount_minor,
    breakdown: breakdownOf(lines),
    lines,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    version: row.version,
    approvedAt: row.approved_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The amount columns of an invoice row, from freshly computed totals. */
export function totalsColumns(totals: InvoiceTotals) {
  return {
    net_minor: totals.totals.netMinor,
    vat_minor: totals.totals.vatMinor,
    gross_minor: totals.totals.grossMinor,
    document_discount_minor: totals.totals.discountMinor,
    unreduced_net_minor: totals.totals.unreducedNetMinor,
    unreduced_gross_minor: totals.totals.unreducedGrossMinor,
  }
}

export function lineRows(
  organizationId: string,
  invoiceId: string,
  lines: readonly CheckedLine[],
  totals: InvoiceTotals,
): InvoiceLinesTable[] {
  return lines.map((line, index) => {
    const amounts = totals.lines[index]
    if (!amounts) throw new Error('totals must have one entry per line')
    return {
      organization_id: organizationId,
      invoice_id: invoiceId,
      line_no: index + 1,
      product_id: line.productId,
      description: line.description,
      quantity: formatDecimal(line.quantity),
      unit: line.unit,
      unit_price: formatDecimal(line.unitPrice),
      discount: discountToText(
        line.discount?.kind === 'percent'
          ? { kind: 'percent', ratePercent: formatDecimal(line.discount.ratePercent) }
          : line.discount
            ? { kind: 'amount', amountMinor: line.discount.amountMinor }
            : null,
      ),
      vat_rate_percent: formatDecimal(line.vatRatePercent),
      tax_treatment: line.taxTreatment,
      revenue_account_number: line.revenueAccountNumber,
      credited_line_no: line.creditedLineNo,
      net_minor: amounts.netMinor,
      vat_minor: amounts.vatMinor,
      gross_minor: amounts.grossMinor,
      discount_minor: amounts.discountMinor + amounts.documentDiscountMinor,
      extra: JSON.stringify(line.extra),
    }
  })
}

export async function loadInvoice(
  db: Executor,
  organizationId: string,
  invoiceId: string,
): Promise<Invoice | undefined> {
  return (await loadInvoices(db, organizationId, [invoiceId]))[0]
}

/** Loads invoices with their lines and cases in three queries, in the order of `invoiceIds`. */
export async function loadInvoices(
  db: Executor,
  organizationId: string,
  invoiceIds: readonly string[],
  options: Readonly<{ lockFor?: Pick<Storage, 'engine'> }> = {},
): Promise<Invoice[]> {
  if (invoiceIds.length === 0) return []
  const select = db
    .selectFrom('invoices')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('invoice_id', 'in', invoiceIds)
  // Locking the invoice rows in the statement that reads them saves a round trip per change.
  const rows = await (options.lockFor ? forUpdate(options.lockFor, select) : select).execute()
  const byId = new Map(
    (await invoicesOfRows(db, organizationId, rows)).map((invoice) => [invoice.invoiceId, invoice]),
  )
  return invoiceIds.flatMap((id) => {
    const invoice = byId.get(id)
    return invoice ? [invoice] : []
  })
}

/**
 * Invoices from rows already read, in their order, with their lines; the cases' numbers and tokens
 * are read unless the caller has them (a case list read the cases first).
 */
export async function invoicesOfRows(
  db: Executor,
  organizationId: string,
  rows: readonly InvoicesTable[],
  knownCases?: ReadonlyMap<string, CaseInfo>,
): Promise<Invoice[]> {
  if (rows.length === 0) return []
  const caseIds = [...new Set(rows.map((row) => row.case_id))]
  const [lines, cases] = await Promise.all([
    db
      .selectFrom('invoice_lines')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where(
        'invoice_id',
        'in',
        rows.map((row) => row.invoice_id),
      )
      .execute(),
    knownCases
      ? []
      : db
          .selectFrom('cases')
          .select(['case_id', 'case_no', 'page_token'])
          .where('organization_id', '=', organizationId)
          .where('case_id', 'in', caseIds)
          .execute(),
  ])
  const linesByInvoice = new Map<string, InvoiceLinesTable[]>()
  for (const line of lines) {
    const list = linesByInvoice.get(line.invoice_id)
    if (list) list.push(line)
    else linesByInvoice.set(line.invoice_id, [line])
  }
  const caseById =
    knownCases ??
    new Map(cases.map((row) => [row.case_id, { caseNo: row.case_no, pageToken: row.page_token }]))
  return rows.map((row) => {
    const caseInfo = caseById.get(row.case_id)
    if (!caseInfo) throw new Error(`invoice ${row.invoice_id} has no case`)
    return invoiceFromRows(row, linesByInvoice.get(row.invoice_id) ?? [], caseInfo)
  })
}
