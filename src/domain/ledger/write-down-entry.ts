// The posting rule for writing down a doubtful receivable (a provision for a claim feared lost,
// Swedish befarad kundförlust, German Einzelwertberichtigung) and for releasing it. The invariant it
// protects: receivables themselves never move, since the claim is still owed; the provision sits in
// its own contra account until the claim is settled, written off or the write-down reverted, and a
// release takes back no more than was provided.
// Provide: Dr doubtful debt (expense), Cr allowance. Release: the mirror image.

import { invalidField } from '../errors.ts'
import { accountNumberForRole, type ChartOfAccounts } from './chart-of-accounts.ts'
import { composeMovingEntry, type EntryHeader, type JournalEntryDraft } from './journal-entry.ts'

export type WriteDownPosting = EntryHeader &
  Readonly<{
    /** The provision, net of the VAT a final loss would take back. */
    amountMinor: bigint
    direction: 'provide' | 'release'
  }>

export function writeDownEntry(chart: ChartOfAccounts, posting: WriteDownPosting): JournalEntryDraft {
  if (posting.amountMinor <= 0n) throw invalidField('amountMinor', 'a write-down amount must be positive')
  const signed = posting.direction === 'provide' ? posting.amountMinor : -posting.amountMinor
  return composeMovingEntry(posting, [
    { accountNumber: accountNumberForRole(chart, 'doubtfulDebt'), amountMinor: signed },
    { accountNumber: accountNumberForRole(chart, 'doubtfulDebtAllowance'), amountMinor: -signed },
  ])
}
