// Reads bills and what settled them: bills by id or a page by the shared list spec, and the
// settlements of bill payments by payment or by bill.

import type { CoreContext, Tenant } from '../context.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'
import { type Bill, loadBills } from './bill-record.ts'

export const BILL_FIELDS: FieldMap = {
  billId: 'bills.bill_id',
  billSeq: 'bills.bill_seq',
  contactId: 'bills.contact_id',
  state: 'bills.state',
  entryDate: 'bills.entry_date',
  dueDate: 'bills.due_date',
  currency: 'bills.currency',
  suppliersInvoiceNo: 'bills.suppliers_invoice_no',
  voucherNo: 'bills.voucher_no',
  netMinor: 'bills.net_minor',
  grossMinor: 'bills.gross_minor',
  paidMinor: 'bills.paid_minor',
  /** 1 when payments settled the whole bill, else 0. */
  settled: 'case when bills.paid_minor = bills.gross_minor then 1 else 0 end',
  balanceMinor: 'bills.gross_minor - bills.paid_minor',
  createdAt: 'bills.created_at',
}

export function getBills(context: CoreContext, tenant: Tenant, ids: readonly string[]): Promise<Bill[]> {
  return loadBills(context.storage.db, tenant.organizationId, ids)
}

export async function listBills(context: CoreContext, tenant: Tenant, spec: ListSpec): Promise<Page<Bill>> {
  const base = context.storage.db
    .selectFrom('bills')
    .where('bills.organization_id', '=', tenant.organizationId)
  const { rows, totalCount } = await fetchPage(base, BILL_FIELDS, spec, 'bills.bill_id', (query) =>
    query.select('bills.bill_id'),
  )
  return {
    items: await loadBills(
      context.storage.db,
      tenant.organizationId,
      rows.map((row) => row.bill_id),
    ),
    totalCount,
  }
}

export type BillPaymentSettlement = Readonly<{
  paymentId: string
  billId: string
  amountMinor: bigint
  paidOn: string
  currency: string
  isVoided: boolean
}>

/** What bill payments settled, by payment ids or by bill ids. */
export async function getBillSettlements(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ paymentIds?: readonly string[]; billIds?: readonly string[] }>,
): Promise<BillPaymentSettlement[]> {
  const paymentIds = by.paymentIds ?? []
  const billIds = by.billIds ?? []
  if (paymentIds.length === 0 && billIds.length === 0) return []
  let query = context.storage.db
    .selectFrom('bill_payment_associations')
    .innerJoin('payments', (join) =>
      join
        .onRef('payments.organization_id', '=', 'bill_payment_associations.organization_id')
        .onRef('payments.payment_id', '=', 'bill_payment_associations.payment_id'),
    )
    .select([
      'bill_payment_associations.payment_id',
      'bill_payment_associations.bill_id',
      'bill_payment_associations.amount_minor',
      'payments.paid_on',
      'payments.currency',
      'payments.is_voided',
    ])
    .where('bill_payment_associations.organization_id', '=', tenant.organizationId)
  if (paymentIds.length > 0) query = query.where('bill_payment_associations.payment_id', 'in', paymentIds)
  if (billIds.length > 0) query = query.where('bill_payment_associations.bill_id', 'in', billIds)
  const rows = await query.orderBy('payments.payment_seq').execute()
  return rows.map((row) => ({
    paymentId: row.payment_id,
    billId: row.bill_id,
    amountMinor: row.amount_minor,
    paidOn: row.paid_on,
    currency: row.currency,
    isVoided: row.is_voided,
  }))
}
