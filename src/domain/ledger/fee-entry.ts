// The posting rule for a fee charged on an overdue invoice: a reminder fee or late-payment
// interest. The invariant it protects: the fee raises what the customer owes on that invoice by
// exactly the fee, and is income without VAT (a Swedish påminnelseavgift, a Danish rykkergebyr and
// German Mahngebühren or Verzugszinsen are compensation, not consideration for a supply).
// Dr receivables, Cr reminder-fee revenue or interest income.

import { invalidField } from '../errors.ts'
import { accountNumberForRole, type ChartOfAccounts } from './chart-of-accounts.ts'
import { composeMovingEntry, type EntryHeader, type JournalEntryDraft } from './journal-entry.ts'

export type FeeKind = 'reminderFee' | 'interest'

export type FeePosting = EntryHeader &
  Readonly<{ kind: FeeKind; invoiceId: string; contactId: string; amountMinor: bigint }>

const FEE_ROLES = { reminderFee: 'reminderFeeRevenue', interest: 'interestIncome' } as const

export function feeEntry(chart: ChartOfAccounts, fee: FeePosting): JournalEntryDraft {
  if (fee.amountMinor <= 0n) throw invalidField('amountMinor', 'a fee must be positive')
  return composeMovingEntry(fee, [
    {
      accountNumber: accountNumberForRole(chart, 'receivables'),
      amountMinor: fee.amountMinor,
      contactId: fee.contactId,
      invoiceId: fee.invoiceId,
    },
    { accountNumber: accountNumberForRole(chart, FEE_ROLES[fee.kind]), amountMinor: -fee.amountMinor },
  ])
}
