// Posting rules for money received from a customer, and for applying a customer's balance to an
// invoice. The invariant it protects: a payment settles exactly its amount, split between the
// invoices it is applied to and the customer's balance, and the bank receives that amount less the
// fee the bank kept. As in Billy's bankPayments, a deposit settles its subject by cash plus fee:
// an invoice of 100 paid with cash 95 and fee 5 (../shared/reference/billy.md section 4).
// Payment: Dr bank (amount - fee), Dr payment fees (fee), Cr receivables per invoice applied,
// Cr customer balance (the overpayment). Balance application: Dr customer balance, Cr receivables.

import { invalidField } from '../errors.ts'
import { accountNumberForRole, type ChartOfAccounts, findAccount } from './chart-of-accounts.ts'
import {
  composeMovingEntry,
  type EntryHeader,
  type JournalEntryDraft,
  type JournalLine,
} from './journal-entry.ts'

export type PaymentApplication = Readonly<{ invoiceId: string; amountMinor: bigint }>

export type PaymentPosting = EntryHeader &
  Readonly<{
    contactId: string
    /** What the payment settles: the cash that reached the bank plus the fee the bank kept. */
    amountMinor: bigint
    feeMinor: bigint
    /** The parts applied to invoices; whatever is left of amountMinor goes to the customer's balance. */
    applications: readonly PaymentApplication[]
    /** Billy's cashAccountId: the account the cash landed on, when not the chart's bank account. */
    cashAccountNumber?: string
    /** Billy's feeAccountId: where the fee goes, when not the chart's payment-fee account. */
    feeAccountNumber?: string
  }>

export function paymentEntry(chart: ChartOfAccounts, payment: PaymentPosting): JournalEntryDraft {
  const appliedMinor = checkPaymentAmounts(payment)
  const lines: JournalLine[] = [
    {
      accountNumber: chosenAccount(chart, payment.cashAccountNumber, 'bank'),
      amountMinor: payment.amountMinor - payment.feeMinor,
    },
    {
      accountNumber: chosenAccount(chart, payment.feeAccountNumber, 'paymentFees'),
      amountMinor: payment.feeMinor,
    },
    ...payment.applications.map((application) => ({
      accountNumber: accountNumberForRole(chart, 'receivables'),
      amountMinor: -application.amountMinor,
      contactId: payment.contactId,
      invoiceId: application.invoiceId,
    })),
    {
      accountNumber: accountNumberForRole(chart, 'customerBalance'),
      amountMinor: appliedMinor - payment.amountMinor,
      contactId: payment.contactId,
    },
  ]
  return composeMovingEntry(payment, lines)
}

/** Refuses amounts a client could send wrong, naming the field; returns the total applied. */
function checkPaymentAmounts(payment: PaymentPosting): bigint {
  if (payment.amountMinor <= 0n) throw invalidField('amountMinor', 'a payment amount must be positive')
  if (payment.feeMinor < 0n || payment.feeMinor >= payment.amountMinor) {
    throw invalidField('feeMinor', 'a fee must be zero or more and less than the payment amount')
  }
  let appliedMinor = 0n
  payment.applications.forEach((application, index) => {
    if (application.amountMinor <= 0n) {
      throw invalidField(
        `applications[${index}].amountMinor`,
        'an amount applied to an invoice must be positive',
      )
    }
    appliedMinor += application.amountMinor
  })
  if (appliedMinor > payment.amountMinor) {
    throw invalidField('applications', 'the amounts applied to invoices exceed the payment amount')
  }
  return appliedMinor
}

function chosenAccount(
  chart: ChartOfAccounts,
  accountNumber: string | undefined,
  role: 'bank' | 'paymentFees',
): string {
  if (accountNumber === undefined) return accountNumberForRole(chart, role)
  if (findAccount(chart, accountNumber) === undefined) {
    const field = role === 'bank' ? 'cashAccountNumber' : 'feeAccountNumber'
    throw invalidField(field, `account ${accountNumber} does not exist`)
  }
  return accountNumber
}

export type BalanceApplicationPosting = EntryHeader &
  Readonly<{ contactId: string; invoiceId: string; amountMinor: bigint }>

/** Money the customer already paid (their balance) settles part or all of an invoice. */
export function balanceApplicationEntry(
  chart: ChartOfAccounts,
  application: BalanceApplicationPosting,
): JournalEntryDraft {
  if (application.amountMinor <= 0n) throw invalidField('amountMinor', 'an applied amount must be positive')
  const lines: JournalLine[] = [
    {
      accountNumber: accountNumberForRole(chart, 'customerBalance'),
      amountMinor: application.amountMinor,
      contactId: application.contactId,
    },
    {
      accountNumber: accountNumberForRole(chart, 'receivables'),
      amountMinor: -application.amountMinor,
      contactId: application.contactId,
      invoiceId: application.invoiceId,
    },
  ]
  return composeMovingEntry(application, lines)
}
