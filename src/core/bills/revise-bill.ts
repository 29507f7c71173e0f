// Changes a bill after it was approved, for vendors whose purchase invoices are booked as soon as
// they are entered (Billomat's incomings). The invariant it protects: the ledger keeps what was
// posted and what undid it. The approved entry is reversed (as a void reverses it), the bill is
// rewritten and posted again, all in one transaction. A bill that payments settled in part is not
// revised, and a voided bill is history. A bill whose lines move no money stays a draft, since
// there is nothing to post.

import { DomainError } from '../../domain/errors.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordEvent } from '../events/record-event.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'
import { type Bill, loadBills } from './bill-record.ts'
import { approveBillWithin, BILL_SOURCE, lockBill } from './post-bill.ts'
import { type BillInput, loadBill, rewriteDraftWithin } from './save-bill.ts'

/** Whether posting the bill would move money: a bill of nothing but zero lines is not posted. */
export function billMovesMoney(bill: Pick<Bill, 'lines'>): boolean {
  return bill.lines.some((line) => line.netMinor !== 0n || line.vatMinor !== 0n)
}

async function reopen(context: CoreContext, tx: Tx, org: string, bill: Bill): Promise<void> {
  if (bill.state === 'voided')
    throw new DomainError('wrong_state', 'the bill is voided and cannot change', { field: 'state' })
  if (bill.paidMinor !== 0n)
    throw new DomainError('wrong_state', 'the bill has payments: delete them before changing the bill', {
      field: 'state',
    })
  if (bill.state !== 'approved') return
  await reverseEntriesOf(
    tx,
    org,
    { type: BILL_SOURCE, id: bill.billId },
    `${BILL_SOURCE}_void`,
    nowIso(context),
  )
  await tx
    .updateTable('bills')
    .set({ state: 'draft', approved_at: null })
    .where('organization_id', '=', org)
    .where('bill_id', '=', bill.billId)
    .execute()
}

/** Rewrites a draft or approved bill with `patch` and approves it when it moves money. */
export async function reviseBill(
  context: CoreContext,
  tenant: Tenant,
  billId: string,
  patch: BillInput,
): Promise<Bill> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const current = await lockBill(context, tx, org, billId)
    await reopen(context, tx, org, current)
    await rewriteDraftWithin(tx, org, current, patch)
    const [rewritten] = await loadBills(tx, org, [billId])
    if (rewritten && billMovesMoney(rewritten)) await approveBillWithin(context, tx, tenant, billId)
    if (current.state === 'approved')
      await recordEvent(tx, {
        organizationId: org,
        type: 'bill.revised',
        data: { billId },
        occurredAt: nowIso(context),
      })
  })
  return loadBill(context, tenant, billId)
}
