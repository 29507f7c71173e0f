// Reads payments with what each applied to which invoice: by id, by the invoices they settled, or
// a page by the shared list spec.

import type { Executor } from '../../storage/database.ts'
import type { PaymentsTable } from '../../storage/schema.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'

export type PaymentApplied = Readonly<{ invoiceId: string; amountMinor: bigint }>

export type Payment = Readonly<{
  paymentId: string
  paymentSeq: bigint
  contactId: string | null
  currency: string
  /** What the payment settled: cash received plus the fee kept by the bank. */
  amountMinor: bigint
  feeMinor: bigint
  overpaidMinor: bigint
  paidOn: string
  source: string
  reference: string | null
  isVoided: boolean
  extra: Readonly<Record<string, unknown>>
  createdAt: string
  applied: readonly PaymentApplied[]
}>

export const PAYMENT_FIELDS: FieldMap = {
  paymentId: 'payments.payment_id',
  paymentSeq: 'payments.payment_seq',
  contactId: 'payments.contact_id',
  currency: 'payments.currency',
  amountMinor: 'payments.amount_minor',
  paidOn: 'payments.paid_on',
  isVoided: 'payments.is_voided',
  createdAt: 'payments.created_at',
}

async function withApplications(
  db: Executor,
  organizationId: string,
  rows: readonly PaymentsTable[],
): Promise<Payment[]> {
  if (rows.length === 0) return []
  const associations = await db
    .selectFrom('payment_associations')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(
      'payment_id',
      'in',
      rows.map((row) => row.payment_id),
    )
    .execute()
  return rows.map((row) => ({
    paymentId: row.payment_id,
    paymentSeq: row.payment_seq,
    contactId: row.contact_id,
    currency: row.currency,
    amountMinor: row.amount_minor,
    feeMinor: row.fee_minor,
    overpaidMinor: row.overpaid_minor,
    paidOn: row.paid_on,
    source: row.source,
    reference: row.reference,
    isVoided: row.is_voided,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    createdAt: row.created_at,
    applied: associations
      .filter((association) => association.payment_id === row.payment_id)
      .map((association) => ({ invoiceId: association.invoice_id, amountMinor: association.amount_minor })),
  }))
}

/** Payments by id, or every payment that settled one of `invoiceIds`, oldest first. */
export async function getPayments(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; invoiceIds?: readonly string[] }>,
): Promise<Payment[]> {
  const db = context.storage.db
  const org = tenant.organizationId
  const ids = by.ids ?? []
  const invoiceIds = by.invoiceIds ?? []
  if (ids.length === 0 && invoiceIds.length === 0) return []
  let query = db.selectFrom('payments').selectAll().where('payments.organization_id', '=', org)
  if (ids.length > 0) query = query.where('payment_id', 'in', ids)
  if (invoiceIds.length > 0) {
    const settling = db
      .selectFrom('payment_associations')
      .select('payment_id')
      .where('organization_id', '=', org)
      .where('invoice_id', 'in', invoiceIds)
    query = query.where('payment_id', 'in', settling)
  }
  return withApplications(db, org, await query.orderBy('payment_seq').execute())
}

export async function listPayments(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<Payment>> {
  const base = context.storage.db
    .selectFrom('payments')
    .where('payments.organization_id', '=', tenant.organizationId)
  const { rows, totalCount } = await fetchPage(base, PAYMENT_FIELDS, spec, 'payments.payment_seq', (query) =>
    query.selectAll(),
  )
  return { items: await withApplications(context.storage.db, tenant.organizationId, rows), totalCount }
}
