// Lists payments by the shared list spec with what vendors filter them by: the invoices they
// settled (by the invoices' whole-number ids), their kind (`source`), their date, and fields of
// `extra`. Voided payments are left out unless asked for: for a vendor they no longer exist.

import { sql } from 'kysely'
import type { CoreContext, Tenant } from '../context.ts'
import { withJsonFields } from '../queries/json-field.ts'
import {
  applyFilters,
  applyOrder,
  checkPage,
  type FieldMap,
  type ListSpec,
  type Page,
} from '../queries/list-spec.ts'
import { getPayments, type Payment } from './list-payments.ts'

const SEARCH_FIELDS: FieldMap = {
  paymentId: 'payments.payment_id',
  paymentSeq: 'payments.payment_seq',
  contactId: 'payments.contact_id',
  currency: 'payments.currency',
  amountMinor: 'payments.amount_minor',
  paidOn: 'payments.paid_on',
  source: 'payments.source',
  reference: 'payments.reference',
  isVoided: 'payments.is_voided',
  createdAt: 'payments.created_at',
}

export type PaymentSearch = ListSpec &
  Readonly<{
    /** Only payments that settled one of these invoices, named by invoice_seq. */
    invoiceSeqs?: readonly bigint[]
    /** Only payments that settled an invoice of one of these kinds. */
    invoiceKinds?: readonly string[]
    includeVoided?: boolean
  }>

export async function searchPayments(
  context: CoreContext,
  tenant: Tenant,
  search: PaymentSearch,
): Promise<Page<Payment>> {
  checkPage(search)
  const org = tenant.organizationId
  const fields = withJsonFields(SEARCH_FIELDS, context.storage.engine, 'extra', 'payments.extra', search)
  let base = context.storage.db.selectFrom('payments').where('payments.organization_id', '=', org)
  if (!search.includeVoided) base = base.where('payments.is_voided', '=', false)
  if (search.invoiceSeqs || search.invoiceKinds) {
    const seqs = search.invoiceSeqs
      ? sql`and si.invoice_seq in (${sql.join([...search.invoiceSeqs, -1n])})`
      : sql``
    const kinds = search.invoiceKinds
      ? sql`and si.kind in (${sql.join([...search.invoiceKinds, ''])})`
      : sql``
    base = base.where(
      sql<boolean>`exists (select 1 from payment_associations sa join invoices si
        on si.organization_id = sa.organization_id and si.invoice_id = sa.invoice_id
        where sa.organization_id = payments.organization_id and sa.payment_id = payments.payment_id ${seqs} ${kinds})`,
    )
  }
  const filtered = applyFilters(base, fields, search)
  const [countRow, rows] = await Promise.all([
    filtered.select(sql<bigint>`count(*)`.as('count')).executeTakeFirstOrThrow(),
    applyOrder(filtered.select('payments.payment_id'), fields, search.orderBy ?? [], 'payments.payment_seq')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
  ])
  const ids = rows.map((row) => row.payment_id)
  const payments = await getPayments(context, tenant, { ids })
  const byId = new Map(payments.map((payment) => [payment.paymentId, payment]))
  return { items: ids.flatMap((id) => byId.get(id) ?? []), totalCount: Number(countRow.count) }
}
