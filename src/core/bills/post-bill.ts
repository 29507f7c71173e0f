// Approves a bill, posting what the organization owes its supplier, and voids an approved bill
// that nothing has paid by reversing that entry.

import { DomainError, notFound } from '../../domain/errors.ts'
import { billEntry } from '../../domain/ledger/bill-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordEvent } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'
import { type Bill, loadBills } from './bill-record.ts'

export const BILL_SOURCE = 'bill'

/** Loads a bill under its row lock for a change of state or balance. */
export async function lockBill(
  context: CoreContext,
  tx: Tx,
  organizationId: string,
  billId: string,
): Promise<Bill> {
  await forUpdate(
    context.storage,
    tx
      .selectFrom('bills')
      .select('bill_id')
      .where('organization_id', '=', organizationId)
      .where('bill_id', '=', billId),
  ).executeTakeFirst()
  const [bill] = await loadBills(tx, organizationId, [billId])
  if (!bill) throw notFound('bill', billId)
  return bill
}

export async function approveBillWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  billId: string,
): Promise<void> {
  const org = tenant.organizationId
  const bill = await lockBill(context, tx, org, billId)
  if (bill.state !== 'draft')
    throw new DomainError('wrong_state', `the bill is ${bill.state}; only a draft is approved`, {
      field: 'state',
    })
  const now = nowIso(context)
  const entry = billEntry(await loadChart(tx, org), {
    entryDate: bill.entryDate,
    description: `Bill ${bill.suppliersInvoiceNo ?? bill.voucherNo ?? ''}`.trim(),
    currency: bill.currency as CurrencyCode,
    contactId: bill.contactId,
    lines: bill.lines,
  })
  await postEntry(tx, org, entry, { type: BILL_SOURCE, id: billId }, now)
  await tx
    .updateTable('bills')
    .set({ state: 'approved', approved_at: now })
    .where('organization_id', '=', org)
    .where('bill_id', '=', billId)
    .execute()
  await recordEvent(tx, { organizationId: org, type: 'bill.approved', data: { billId }, occurredAt: now })
}

export async function approveBill(context: CoreContext, tenant: Tenant, billId: string): Promise<void> {
  await context.storage.db.transaction().execute((tx) => approveBillWithin(context, tx, tenant, billId))
}

/** Voids an approved, unpaid bill; voiding a voided one changes nothing. */
export async function voidBill(context: CoreContext, tenant: Tenant, billId: string): Promise<void> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const bill = await lockBill(context, tx, org, billId)
    if (bill.state === 'voided') return
    if (bill.state !== 'approved')
      throw new DomainError('wrong_state', 'only an approved bill is voided; delete a draft', {
        field: 'state',
      })
    if (bill.paidMinor !== 0n)
      throw new DomainError('wrong_state', 'the bill has payments: void them before the bill', {
        field: 'state',
      })
    const now = nowIso(context)
    await reverseEntriesOf(tx, org, { type: BILL_SOURCE, id: billId }, `${BILL_SOURCE}_void`, now)
    await tx
      .updateTable('bills')
      .set({ state: 'voided' })
      .where('organization_id', '=', org)
      .where('bill_id', '=', billId)
      .execute()
    await recordEvent(tx, { organizationId: org, type: 'bill.voided', data: { billId }, occurredAt: now })
  })
}
