// Approves a daybook transaction, posting its one balanced entry, and voids an approved one by
// reversing that entry. A voided transaction stays, marked void, with its entry and the reversal.

import { DomainError, notFound } from '../../domain/errors.ts'
import { manualEntry } from '../../domain/ledger/manual-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordEvent } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'
import { type DaybookState, type DaybookTransaction, loadDaybookTransactions } from './daybook-record.ts'

export const DAYBOOK_SOURCE = 'daybook_transaction'

async function locked(
  context: CoreContext,
  tx: Tx,
  organizationId: string,
  transactionId: string,
): Promise<DaybookTransaction> {
  await forUpdate(
    context.storage,
    tx
      .selectFrom('daybook_transactions')
      .select('transaction_id')
      .where('organization_id', '=', organizationId)
      .where('transaction_id', '=', transactionId),
  ).executeTakeFirst()
  const [transaction] = await loadDaybookTransactions(tx, organizationId, [transactionId])
  if (!transaction) throw notFound('daybook transaction', transactionId)
  return transaction
}

async function setState(
  tx: Tx,
  organizationId: string,
  transactionId: string,
  state: DaybookState,
  approvedAt?: string,
) {
  await tx
    .updateTable('daybook_transactions')
    .set({ state, ...(approvedAt ? { approved_at: approvedAt } : {}) })
    .where('organization_id', '=', organizationId)
    .where('transaction_id', '=', transactionId)
    .execute()
}

/** Posts a draft inside the caller's transaction. */
export async function postWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  transactionId: string,
): Promise<void> {
  const org = tenant.organizationId
  const transaction = await locked(context, tx, org, transactionId)
  if (transaction.state !== 'draft')
    throw new DomainError(
      'wrong_state',
      `the transaction is ${transaction.state}; only a draft is approved`,
      { field: 'state' },
    )
  const now = nowIso(context)
  const entry = manualEntry(await loadChart(tx, org), {
    entryDate: transaction.entryDate,
    description: (transaction.description ?? transaction.voucherNo ?? 'Daybook transaction').slice(0, 500),
    currency: (transaction.lines[0]?.currency ?? 'DKK') as CurrencyCode,
    lines: transaction.lines,
  })
  await postEntry(tx, org, entry, { type: DAYBOOK_SOURCE, id: transactionId }, now)
  await setState(tx, org, transactionId, 'approved', now)
  await recordEvent(tx, {
    organizationId: org,
    type: 'daybook_transaction.approved',
    data: { transactionId },
    occurredAt: now,
  })
}

export async function approveDaybookTransaction(
  context: CoreContext,
  tenant: Tenant,
  transactionId: string,
): Promise<void> {
  await context.storage.db.transaction().execute((tx) => postWithin(context, tx, tenant, transactionId))
}

/** Voids an approved transaction; voiding a voided one changes nothing. */
export async function voidDaybookTransaction(
  context: CoreContext,
  tenant: Tenant,
  transactionId: string,
): Promise<void> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const transaction = await locked(context, tx, org, transactionId)
    if (transaction.state === 'voided') return
    if (transaction.state !== 'approved')
      throw new DomainError('wrong_state', 'only an approved transaction is voided; delete a draft', {
        field: 'state',
      })
    const now = nowIso(context)
    await reverseEntriesOf(
      tx,
      org,
      { type: DAYBOOK_SOURCE, id: transactionId },
      `${DAYBOOK_SOURCE}_void`,
      now,
    )
    await setState(tx, org, transactionId, 'voided')
    await recordEvent(tx, {
      organizationId: org,
      type: 'daybook_transaction.voided',
      data: { transactionId },
      occurredAt: now,
    })
  })
}
