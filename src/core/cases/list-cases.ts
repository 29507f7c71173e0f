// Lists a page of the tenant's cases by the shared list spec, each with all its invoices. A case
// is filtered and ordered by its primary invoice (its first debit invoice) and its contact, which
// is how a dialect that shows a case as one object (a Billogram billogram) sees it.

import { sql } from 'kysely'
import type { CoreContext, Tenant } from '../context.ts'
import { withJsonFields } from '../queries/json-field.ts'
import {
  applyFilters,
  applyOrder,
  checkPage,
  type FieldMap,
  type Filter,
  type ListSpec,
  type Page,
} from '../queries/list-spec.ts'
import { type CaseRecord, loadCases } from './case-details.ts'

export const CASE_FIELDS: FieldMap = {
  caseId: 'cases.case_id',
  caseNo: 'cases.case_no',
  state: 'invoices.state',
  number: 'invoices.number',
  numberSeq: 'invoices.number_seq',
  invoiceDate: 'invoices.invoice_date',
  dueDate: 'invoices.due_date',
  currency: 'invoices.currency',
  paymentReference: 'invoices.payment_reference',
  paidMinor: 'invoices.paid_minor',
  grossMinor: 'invoices.gross_minor',
  /** What the primary invoice still owes. */
  balanceMinor:
    'invoices.gross_minor + invoices.fees_minor - invoices.paid_minor - invoices.credited_minor - invoices.written_off_minor',
  approvedAt: 'invoices.approved_at',
  contactId: 'cases.contact_id',
  contactNo: 'contacts.contact_no',
  contactName: 'contacts.name',
  contactOrgNo: 'contacts.org_no',
  createdAt: 'cases.created_at',
  updatedAt: 'cases.updated_at',
  /** Reminders sent for the primary invoice; null before its dunning began. */
  reminderLevel: 'dunning_invoices.level',
}

/**
 * A filter on one contact number becomes a filter on that contact's id, read first by its unique
 * key, so the cases are found through their (organization, contact) index.
 */
async function byContactId(context: CoreContext, tenant: Tenant, spec: ListSpec): Promise<ListSpec> {
  const filters = spec.filters ?? []
  const byNumber = filters.find((filter) => filter.field === 'contactNo' && filter.op === 'eq')
  if (!byNumber || typeof byNumber.value !== 'bigint') return spec
  const contact = await context.storage.db
    .selectFrom('contacts')
    .select('contact_id')
    .where('organization_id', '=', tenant.organizationId)
    .where('contact_no', '=', byNumber.value)
    .executeTakeFirst()
  const replaced: Filter = { field: 'contactId', op: 'eq', value: contact?.contact_id ?? '' }
  return { ...spec, filters: filters.map((filter) => (filter === byNumber ? replaced : filter)) }
}

function names(spec: ListSpec, table: string): boolean {
  const fields = [
    ...(spec.filters ?? []).map((filter) => filter.field),
    ...(spec.anyOf ?? []).flatMap((group) => group.map((filter) => filter.field)),
    ...(spec.orderBy ?? []).map((order) => order.field),
  ]
  return fields.some((field) => (CASE_FIELDS[field] ?? '').startsWith(`${table}.`))
}

export async function listCases(
  context: CoreContext,
  tenant: Tenant,
  given: ListSpec,
): Promise<Page<CaseRecord>> {
  const org = tenant.organizationId
  const spec = await byContactId(context, tenant, given)
  const base = context.storage.db
    .selectFrom('cases')
    .innerJoin('invoices', (join) =>
      join
        .onRef('invoices.organization_id', '=', 'cases.organization_id')
        .onRef('invoices.case_id', '=', 'cases.case_id'),
    )
    // The contact and the dunning progress are joined only when the spec names one of their fields.
    .$if(names(spec, 'contacts'), (query) =>
      query.innerJoin('contacts', (join) =>
        join
          .onRef('contacts.organization_id', '=', 'cases.organization_id')
          .onRef('contacts.contact_id', '=', 'cases.contact_id'),
      ),
    )
    .$if(names(spec, 'dunning_invoices'), (query) =>
      query.leftJoin('dunning_invoices', (join) =>
        join
          .onRef('dunning_invoices.organization_id', '=', 'invoices.organization_id')
          .onRef('dunning_invoices.invoice_id', '=', 'invoices.invoice_id'),
      ),
    )
    .where('cases.organization_id', '=', org)
    .where('invoices.kind', '=', 'invoice')
    .where('invoices.state', '!=', 'deleted')
    // The primary invoice only: no earlier debit invoice in the same case. The unary plus keeps
    // SQLite from reading the condition through the (organization, invoice_seq) index, which
    // would scan every earlier invoice of the organization per row; it then probes the case's
    // own invoices by (organization, case_id). PostgreSQL reads `+x` as x.
    .where(
      sql<boolean>`not exists (select 1 from invoices earlier where earlier.organization_id = invoices.organization_id
        and earlier.case_id = invoices.case_id and earlier.kind = 'invoice' and +earlier.invoice_seq < invoices.invoice_seq)`,
    )
  checkPage(spec)
  // `extra.<key>…` reads the primary invoice's extra (a partner's hand-over, say).
  const fields = withJsonFields(CASE_FIELDS, context.storage.engine, 'extra', 'invoices.extra', spec)
  const filtered = applyFilters(base, fields, spec)
  // One pass for the page and the total (a window count): a second query would walk every
  // matching case again. Past the last page no row carries the total, so it is counted then.
  const rows = await applyOrder(
    filtered.select(['cases.case_id', sql<bigint | number>`count(*) over ()`.as('total')]),
    fields,
    spec.orderBy ?? [],
    'cases.case_no',
  )
    .limit(spec.limit)
    .offset(spec.offset)
    .execute()
  const totalCount =
    rows[0] !== undefined
      ? Number(rows[0].total)
      : spec.offset === 0
        ? 0
        : Number(
            (await filtered.select(sql<bigint | number>`count(*)`.as('count')).executeTakeFirstOrThrow())
              .count,
          )
  const items = await loadCases(
    context.storage.db,
    org,
    rows.map((row) => row.case_id),
  )
  return { items, totalCount }
}
