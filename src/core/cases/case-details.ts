// Loads cases with all their invoices (debit invoices and credit notes, in the order they were
// created), for dialects that show a case as one object (a Billogram billogram). The first debit
// invoice of a case is its primary invoice: the one a case's state, number and dates come from.

import type { Contact } from '../../domain/contacts/contact.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { Executor } from '../../storage/database.ts'
import { contactFromRow } from '../contacts/contact-record.ts'
import { type CaseDunning, loadCaseDunning } from '../dunning/case-dunning.ts'
import { invoicesOfRows } from '../invoices/invoice-record.ts'
import type { CaseExtra } from './case-record.ts'

export type CaseRecord = Readonly<{
  caseId: string
  caseNo: bigint
  contactId: string
  contact: Contact
  pageToken: string
  extra: CaseExtra
  invoices: readonly Invoice[]
  /** The dunning progress of each invoice of the case that has any, by invoice id. */
  dunning: ReadonlyMap<string, CaseDunning>
  createdAt: string
  updatedAt: string
}>

/**
 * The first debit invoice of the case, or for a case opened with a stand-alone credit invoice (a
 * credit note that credits no invoice) that credit.
 */
export function primaryInvoiceOf(record: CaseRecord): Invoice | undefined {
  return (
    record.invoices.find((invoice) => invoice.kind === 'invoice') ??
    record.invoices.find((invoice) => invoice.kind === 'credit_note' && invoice.creditedInvoiceId === null)
  )
}

/** Loads the cases in the order of `caseIds`, each with its invoices; unknown ids are skipped. */
export async function loadCases(
  db: Executor,
  organizationId: string,
  caseIds: readonly string[],
): Promise<CaseRecord[]> {
  if (caseIds.length === 0) return []
  const [rows, invoiceRows] = await Promise.all([
    db
      .selectFrom('cases')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('case_id', 'in', caseIds)
      .execute(),
    db
      .selectFrom('invoices')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('case_id', 'in', caseIds)
      .where('state', '!=', 'deleted')
      .execute(),
  ])
  // Ordered here rather than by the query: ORDER BY invoice_seq over several cases lets SQLite,
  // without statistics, prefer walking the organization's invoices in (organization, invoice_seq)
  // order to sorting the few rows the case index finds.
  invoiceRows.sort((a, b) => (a.invoice_seq < b.invoice_seq ? -1 : a.invoice_seq > b.invoice_seq ? 1 : 0))
  const caseInfo = new Map(
    rows.map((row) => [row.case_id, { caseNo: row.case_no, pageToken: row.page_token }]),
  )
  const contactIds = [...new Set(rows.map((row) => row.contact_id))]
  const invoiceIds = invoiceRows.map((row) => row.invoice_id)
  const [invoices, contactRows, dunning] = await Promise.all([
    invoicesOfRows(db, organizationId, invoiceRows, caseInfo),
    contactIds.length === 0
      ? []
      : db
          .selectFrom('contacts')
          .selectAll()
          .where('organization_id', '=', organizationId)
          .where('contact_id', 'in', contactIds)
          .execute(),
    loadCaseDunning(db, organizationId, invoiceIds),
  ])
  const contacts = new Map(contactRows.map((row) => [row.contact_id, contactFromRow(row)]))
  const byCase = new Map<string, Invoice[]>()
  for (const invoice of invoices) {
    const list = byCase.get(invoice.caseId)
    if (list) list.push(invoice)
    else byCase.set(invoice.caseId, [invoice])
  }
  const byId = new Map(rows.map((row) => [row.case_id, row]))
  return caseIds.flatMap((caseId) => {
    const row = byId.get(caseId)
    const contact = row && contacts.get(row.contact_id)
    if (!row || !contact) return []
    return [
      {
        caseId,
        caseNo: row.case_no,
        contactId: row.contact_id,
        contact,
        pageToken: row.page_token,
        extra: JSON.parse(row.extra) as CaseExtra,
        invoices: byCase.get(caseId) ?? [],
        dunning,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
    ]
  })
}

export async function loadCase(
  db: Executor,
  organizationId: string,
  caseId: string,
): Promise<CaseRecord | undefined> {
  return (await loadCases(db, organizationId, [caseId]))[0]
}

/** The case id behind a case number, the whole number some dialects derive their ids from. */
export async function caseIdOfNo(
  db: Executor,
  organizationId: string,
  caseNo: bigint,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('cases')
    .select('case_id')
    .where('organization_id', '=', organizationId)
    .where('case_no', '=', caseNo)
    .executeTakeFirst()
  return row?.case_id
}
