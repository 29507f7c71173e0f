// Lists a page of the tenant's cases by the shared list spec, each with all its invoices. A case
// is filtered and ordered by its primary invoice (its first debit invoice) and its contact, which
// is how a dialect that shows a case as one object (a Billogram billogram) sees it.

import { sql } from 'kysely'
import type { CoreContext, Tenant } from '../context.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'
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
  approvedAt: 'invoices.approved_at',
  contactId: 'contacts.contact_id',
  contactNo: 'contacts.contact_no',
  contactName: 'contacts.name',
  contactOrgNo: 'contacts.org_no',
  createdAt: 'cases.created_at',
  updatedAt: 'cases.updated_at',
}

export async function listCases(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<CaseRecord>> {
  const org = tenant.organizationId
  const base = context.storage.db
    .selectFrom('cases')
    .innerJoin('invoices', (join) =>
      join
        .onRef('invoices.organization_id', '=', 'cases.organization_id')
        .onRef('invoices.case_id', '=', 'cases.case_id'),
    )
    .innerJoin('contacts', (join) =>
      join
        .onRef('contacts.organization_id', '=', 'cases.organization_id')
        .onRef('contacts.contact_id', '=', 'cases.contact_id'),
    )
    .where('cases.organization_id', '=', org)
    .where('invoices.kind', '=', 'invoice')
    .where('invoices.state', '!=', 'deleted')
    // The primary invoice only: no earlier debit invoice in the same case.
    .where(
      sql<boolean>`not exists (select 1 from invoices earlier where earlier.organization_id = invoices.organization_id
        and earlier.case_id = invoices.case_id and earlier.kind = 'invoice' and earlier.invoice_seq < invoices.invoice_seq)`,
    )
  const { rows, totalCount } = await fetchPage(base, CASE_FIELDS, spec, 'cases.case_no', (query) =>
    query.select('cases.case_id'),
  )
  const items = await loadCases(
    context.storage.db,
    org,
    rows.map((row) => row.case_id),
  )
  return { items, totalCount }
}
