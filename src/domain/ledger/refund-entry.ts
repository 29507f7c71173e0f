// Posting rule for a refund: money the organization owed a customer (their balance, from a credit
// note that credited more than was still owed) paid back to them. The invariant it protects: the
// customer's balance and the bank move by exactly the refunded amount.
// Refund: Dr customer balance, Cr bank.

import { invalidField } from '../errors.ts'
import { accountNumberForRole, type ChartOfAccounts } from './chart-of-accounts.ts'
import { composeMovingEntry, type EntryHeader, type JournalEntryDraft } from './journal-entry.ts'

export type RefundPosting = EntryHeader & Readonly<{ contactId: string; amountMinor: bigint }>

export function refundEntry(chart: ChartOfAccounts, refund: RefundPosting): JournalEntryDraft {
  if (refund.amountMinor <= 0n) throw invalidField('amountMinor', 'a refunded amount must be positive')
  return composeMovingEntry(refund, [
    {
      accountNumber: accountNumberForRole(chart, 'customerBalance'),
      amountMinor: refund.amountMinor,
      contactId: refund.contactId,
    },
    { accountNumber: accountNumberForRole(chart, 'bank'), amountMinor: -refund.amountMinor },
  ])
}
