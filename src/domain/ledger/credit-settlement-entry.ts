// Posting rules for settling a stand-alone credit invoice: allocating it to a debit invoice of the
// same customer, and paying it out to the customer. The invariant it protects: a stand-alone
// credit's receivable (negative: the organization owes it) moves toward zero by exactly the amount
// settled, and the other side is the debit invoice's receivable or the cash that left the bank.
// Allocation: Dr receivables (the credit), Cr receivables (the debit invoice).
// Pay-out: Dr receivables (the credit), Cr bank.

import { invalidField } from '../errors.ts'
import { accountNumberForRole, type ChartOfAccounts } from './chart-of-accounts.ts'
import { composeMovingEntry, type EntryHeader, type JournalEntryDraft } from './journal-entry.ts'

export type CreditSettlementPosting = EntryHeader &
  Readonly<{ contactId: string; creditInvoiceId: string; amountMinor: bigint }>

function settledCredit(chart: ChartOfAccounts, posting: CreditSettlementPosting) {
  if (posting.amountMinor <= 0n) throw invalidField('amountMinor', 'a settled amount must be positive')
  return {
    accountNumber: accountNumberForRole(chart, 'receivables'),
    amountMinor: posting.amountMinor,
    contactId: posting.contactId,
    invoiceId: posting.creditInvoiceId,
  }
}

export function creditAllocationEntry(
  chart: ChartOfAccounts,
  posting: CreditSettlementPosting & Readonly<{ debitInvoiceId: string }>,
): JournalEntryDraft {
  return composeMovingEntry(posting, [
    settledCredit(chart, posting),
    {
      accountNumber: accountNumberForRole(chart, 'receivables'),
      amountMinor: -posting.amountMinor,
      contactId: posting.contactId,
      invoiceId: posting.debitInvoiceId,
    },
  ])
}

export function creditPayoutEntry(
  chart: ChartOfAccounts,
  posting: CreditSettlementPosting,
): JournalEntryDraft {
  return composeMovingEntry(posting, [
    settledCredit(chart, posting),
    { accountNumber: accountNumberForRole(chart, 'bank'), amountMinor: -posting.amountMinor },
  ])
}
