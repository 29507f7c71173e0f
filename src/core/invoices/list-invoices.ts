// Lists a page of the tenant's invoices and credit notes by the shared list spec, with the total
// count for paging. The fields below are what dialects may filter and order by.

import { sql } from 'kysely'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { Executor } from '../../storage/database.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { checkPage, type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'
import { loadInvoices } from './invoice-record.ts'

export const INVOICE_FIELDS: FieldMap = {
  invoiceId: 'invoices.invoice_id',
  invoiceSeq: 'invoices.invoice_seq',
  kind: 'invoices.kind',
  state: 'invoices.state',
  number: 'invoices.number',
  numberSeq: 'invoices.number_seq',
  caseId: 'invoices.case_id',
  caseNo: 'cases.case_no',
  contactId: 'invoices.contact_id',
  contactNo: 'contacts.contact_no',
  contactName: 'contacts.name',
  contactOrgNo: 'contacts.org_no',
  contactEmail: 'contacts.email',
  creditedInvoiceId: 'invoices.credited_invoice_id',
  currency: 'invoices.currency',
  invoiceDate: 'invoices.invoice_date',
  dueDate: 'invoices.due_date',
  paymentReference: 'invoices.payment_reference',
  ourReference: 'invoices.our_reference',
  yourReference: 'invoices.your_reference',
  notes: 'invoices.notes',
  netMinor: 'invoices.net_minor',
  grossMinor: 'invoices.gross_minor',
  paidMinor: 'invoices.paid_minor',
  balanceMinor:
    'invoices.gross_minor + invoices.fees_minor - invoices.paid_minor - invoices.credited_minor - invoices.written_off_minor',
  approvedAt: 'invoices.approved_at',
  createdAt: 'invoices.created_at',
  updatedAt: 'invoices.updated_at',
}

/** The fields a spec names, so a list joins only the tables those fields live in. */
function namedFields(spec: ListSpec): Set<string> {
  return new Set([
    ...(spec.filters ?? []).map((filter) => filter.field),
    ...(spec.anyOf ?? []).flatMap((group) => group.map((filter) => filter.field)),
    ...(spec.orderBy ?? []).map((order) => order.field),
  ])
}

/**
 * All of an organization's invoices but the deleted, counted as all of them less the deleted:
 * counting every entry of the shortest index under the organization is about half the work of
 * checking each entry's state, and the deleted are a short range of the state index.
 */
async function countLiveInvoices(db: Executor, org: string): Promise<number> {
  const { rows } = await sql<{ count: bigint | number }>`select
    (select count(*) from invoices where organization_id = ${org})
    - (select count(*) from invoices where organization_id = ${org} and state = 'deleted') as count`.execute(
    db,
  )
  return Number(rows[0]?.count ?? 0)
}

/**
 * A page of every live invoice in the order they were made, with the total. A page past the middle
 * is walked to from the end, in the opposite order and turned round, so no page walks more than
 * half the list (Billy pages by number, and a deep offset is a walk). The count and the page read
 * one snapshot, so the page from the end is the page the offset names.
 */
async function pageInMadeOrder(
  context: CoreContext,
  org: string,
  spec: ListSpec,
): Promise<{ ids: string[]; totalCount: number }> {
  checkPage(spec)
  return context.storage.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const totalCount = await countLiveInvoices(tx, org)
      const live = tx
        .selectFrom('invoices')
        .select('invoice_id')
        .where('organization_id', '=', org)
        .where('state', '!=', 'deleted')
      const end = Math.min(spec.offset + spec.limit, totalCount)
      if (spec.offset >= totalCount) return { ids: [], totalCount }
      if (spec.offset + end <= totalCount) {
        const rows = await live.orderBy('invoice_seq').limit(spec.limit).offset(spec.offset).execute()
        return { ids: rows.map((row) => row.invoice_id), totalCount }
      }
      const rows = await live
        .orderBy('invoice_seq', 'desc')
        .limit(end - spec.offset)
        .offset(totalCount - end)
        .execute()
      return { ids: rows.map((row) => row.invoice_id).reverse(), totalCount }
    })
}

export async function listInvoices(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<Invoice>> {
  const org = tenant.organizationId
  const named = namedFields(spec)
  const uses = (table: string) => [...named].some((field) => INVOICE_FIELDS[field]?.startsWith(`${table}.`))
  // Every invoice has its case and contact (foreign keys), so leaving an unused join out changes
  // no result; it spares the count and the page a join over every invoice of the organization.
  let base = context.storage.db.selectFrom('invoices').where('invoices.organization_id', '=', org)
  if (uses('cases'))
    base = base.innerJoin('cases', (join) =>
      join
        .onRef('cases.organization_id', '=', 'invoices.organization_id')
        .onRef('cases.case_id', '=', 'invoices.case_id'),
    ) as unknown as typeof base
  if (uses('contacts'))
    base = base.innerJoin('contacts', (join) =>
      join
        .onRef('contacts.organization_id', '=', 'invoices.organization_id')
        .onRef('contacts.contact_id', '=', 'invoices.contact_id'),
    ) as unknown as typeof base
  const unfiltered = (spec.filters ?? []).length === 0 && (spec.anyOf ?? []).length === 0
  if (unfiltered && (spec.orderBy ?? []).length === 0 && spec.offset > 0) {
    const { ids, totalCount } = await pageInMadeOrder(context, org, spec)
    return { items: await loadInvoices(context.storage.db, org, ids), totalCount }
  }
  const { rows: idRows, totalCount } = await fetchPage(
    base.where('invoices.state', '!=', 'deleted'),
    INVOICE_FIELDS,
    spec,
    'invoices.invoice_seq',
    (query) => query.select('invoices.invoice_id'),
    unfiltered ? () => countLiveInvoices(context.storage.db, org) : undefined,
  )
  const items = await loadInvoices(
    context.storage.db,
    org,
    idRows.map((row) => row.invoice_id),
  )
  return { items, totalCount }
}
