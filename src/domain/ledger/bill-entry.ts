// Posting rules for a supplier's bill and for paying it. The invariant it protects: a bill owes its
// supplier exactly its lines' net plus their VAT, and a payment settles what the supplier is owed
// with the cash that left the bank less the fee the bank kept, as Billy's withdrawals do (a bill of
// 100 is paid by cash 105 with a fee of 5, ../shared/reference/billy.md section 4).
// Approval: Dr each line's account (net), Dr input VAT (per rate), Cr payables (gross).
// Payment: Dr payables (settled), Dr payment fees (fee), Cr the cash account (cash).

import { invalidField } from '../errors.ts'
import { canonicalVatRatePercent } from './account.ts'
import { accountNumberForRole, type ChartOfAccounts, findAccount } from './chart-of-accounts.ts'
import {
  composeMovingEntry,
  type EntryHeader,
  type JournalEntryDraft,
  type JournalLine,
} from './journal-entry.ts'

export type BillPostingLine = Readonly<{
  accountNumber: string
  netMinor: bigint
  vatMinor: bigint
  vatRatePercent: string | null
}>

export type BillPosting = EntryHeader & Readonly<{ contactId: string; lines: readonly BillPostingLine[] }>

function existing(chart: ChartOfAccounts, accountNumber: string, field: string): string {
  if (findAccount(chart, accountNumber) === undefined)
    throw invalidField(field, `account ${accountNumber} does not exist`)
  return accountNumber
}

export function billEntry(chart: ChartOfAccounts, bill: BillPosting): JournalEntryDraft {
  const lines: JournalLine[] = []
  let grossMinor = 0n
  bill.lines.forEach((line, index) => {
    const rate = line.vatRatePercent === null ? undefined : canonicalVatRatePercent(line.vatRatePercent)
    lines.push({
      accountNumber: existing(chart, line.accountNumber, `lines.${index}.accountNumber`),
      amountMinor: line.netMinor,
      ...(rate === undefined ? {} : { vatRatePercent: rate }),
    })
    if (line.vatMinor !== 0n && rate !== undefined)
      lines.push({
        accountNumber: accountNumberForRole(chart, 'inputVat', rate),
        amountMinor: line.vatMinor,
        vatRatePercent: rate,
      })
    grossMinor += line.netMinor + line.vatMinor
  })
  lines.push({
    accountNumber: accountNumberForRole(chart, 'payables'),
    amountMinor: -grossMinor,
    contactId: bill.contactId,
  })
  return composeMovingEntry(bill, lines)
}

export type BillPaymentPosting = EntryHeader &
  Readonly<{
    contactId: string
    /** What the payment settles on the supplier's bills. */
    settledMinor: bigint
    feeMinor: bigint
    cashAccountNumber?: string
    feeAccountNumber?: string
  }>

export function billPaymentEntry(chart: ChartOfAccounts, payment: BillPaymentPosting): JournalEntryDraft {
  if (payment.settledMinor <= 0n) throw invalidField('amount', 'a payment must settle a positive amount')
  if (payment.feeMinor < 0n) throw invalidField('fee', 'a fee must not be negative')
  const cash = payment.cashAccountNumber
    ? existing(chart, payment.cashAccountNumber, 'cashAccountNumber')
    : accountNumberForRole(chart, 'bank')
  const fee = payment.feeAccountNumber
    ? existing(chart, payment.feeAccountNumber, 'feeAccountNumber')
    : accountNumberForRole(chart, 'paymentFees')
  return composeMovingEntry(payment, [
    {
      accountNumber: accountNumberForRole(chart, 'payables'),
      amountMinor: payment.settledMinor,
      contactId: payment.contactId,
    },
    { accountNumber: fee, amountMinor: payment.feeMinor },
    { accountNumber: cash, amountMinor: -(payment.settledMinor + payment.feeMinor) },
  ])
}
