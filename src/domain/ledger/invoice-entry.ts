// Posting rules for approving an invoice and issuing a credit note. The invariant it protects: the
// receivable an invoice creates equals its net revenue plus its VAT plus any rounding, to the minor
// unit, and a credit note posts exactly the mirror image of the amounts it credits.
// Approval: Dr receivables (gross), Cr revenue (net, per revenue account and VAT rate), Cr output
// VAT (per rate), Cr or Dr rounding. The VAT amounts are the tax computation's result, taken as
// given: this rule never recomputes or rounds. A line taxed by reverse charge or exempt charges no
// VAT, so it contributes a revenue line and nothing to output VAT; it names its own revenue account
// (such as BAS 3308 or SKR03 8336) when the chart's default for its rate is not the right one.

import { invalidField } from '../errors.ts'
import { canonicalVatRatePercent } from './account.ts'
import { accountNumberForRole, type ChartOfAccounts, findAccount } from './chart-of-accounts.ts'
import { composeEntry, type EntryHeader, type JournalEntryDraft, type JournalLine } from './journal-entry.ts'

export type RevenueAmount = Readonly<{
  /** Net of VAT; negative for a discount line. */
  netMinor: bigint
  /** The rate charged on this revenue ('0' for reverse charge and exempt lines). */
  vatRatePercent: string
  /** The product's own revenue account; the chart's revenue account for the rate when absent. */
  revenueAccountNumber?: string
}>

export type VatAmount = Readonly<{ vatRatePercent: string; vatMinor: bigint }>

export type InvoicePosting = EntryHeader &
  Readonly<{
    /** For a credit note: the invoice it credits, so that invoice's receivable nets down. */
    invoiceId: string
    contactId: string
    revenue: readonly RevenueAmount[]
    vat: readonly VatAmount[]
    /** Added to the gross by rounding the document total: positive when the customer pays more. */
    roundingMinor?: bigint
  }>

/** Null when the invoice moves no money (every amount zero); there is nothing to post. */
export function invoiceEntry(chart: ChartOfAccounts, invoice: InvoicePosting): JournalEntryDraft | null {
  const creditLines = [
    ...revenueLines(chart, invoice.revenue),
    ...vatLines(chart, invoice.vat),
    ...roundingLines(chart, invoice.roundingMinor ?? 0n),
  ]
  const grossMinor = -creditLines.reduce((total, line) => total + line.amountMinor, 0n)
  const receivable: JournalLine = {
    accountNumber: accountNumberForRole(chart, 'receivables'),
    amountMinor: grossMinor,
    contactId: invoice.contactId,
    invoiceId: invoice.invoiceId,
  }
  return composeEntry(invoice, [receivable, ...creditLines])
}

/** The mirror of invoiceEntry for the credited amounts: Dr revenue, Dr output VAT, Cr receivables. */
export function creditNoteEntry(
  chart: ChartOfAccounts,
  creditNote: InvoicePosting,
): JournalEntryDraft | null {
  const entry = invoiceEntry(chart, creditNote)
  if (entry === null) return null
  return { ...entry, lines: entry.lines.map((line) => ({ ...line, amountMinor: -line.amountMinor })) }
}

/** One credit line per revenue account and rate, in the order they first appear. */
function revenueLines(chart: ChartOfAccounts, revenue: readonly RevenueAmount[]): JournalLine[] {
  const lines = new Map<string, JournalLine>()
  revenue.forEach((amount, index) => {
    const vatRatePercent = canonicalVatRatePercent(amount.vatRatePercent, `revenue[${index}].vatRatePercent`)
    const accountNumber = revenueAccountNumber(chart, amount, vatRatePercent, `revenue[${index}]`)
    const key = `${accountNumber} ${vatRatePercent}`
    const previousMinor = lines.get(key)?.amountMinor ?? 0n
    lines.set(key, { accountNumber, amountMinor: previousMinor - amount.netMinor, vatRatePercent })
  })
  return [...lines.values()]
}

function revenueAccountNumber(
  chart: ChartOfAccounts,
  amount: RevenueAmount,
  vatRatePercent: string,
  field: string,
): string {
  if (amount.revenueAccountNumber === undefined) return accountNumberForRole(chart, 'revenue', vatRatePercent)
  // Any existing account will do: Billy lets a product post to a liability (a gift card, MED's 7395).
  if (findAccount(chart, amount.revenueAccountNumber) === undefined) {
    throw invalidField(
      `${field}.revenueAccountNumber`,
      `account ${amount.revenueAccountNumber} does not exist`,
    )
  }
  return amount.revenueAccountNumber
}

/** One credit line per output-VAT account and rate; rates sharing an account stay apart for the VAT return. */
function vatLines(chart: ChartOfAccounts, vat: readonly VatAmount[]): JournalLine[] {
  const lines = new Map<string, JournalLine>()
  vat.forEach((amount, index) => {
    const vatRatePercent = canonicalVatRatePercent(amount.vatRatePercent, `vat[${index}].vatRatePercent`)
    const accountNumber = accountNumberForRole(chart, 'outputVat', vatRatePercent)
    const key = `${accountNumber} ${vatRatePercent}`
    const previousMinor = lines.get(key)?.amountMinor ?? 0n
    lines.set(key, { accountNumber, amountMinor: previousMinor - amount.vatMinor, vatRatePercent })
  })
  return [...lines.values()]
}

function roundingLines(chart: ChartOfAccounts, roundingMinor: bigint): JournalLine[] {
  if (roundingMinor === 0n) return []
  return [{ accountNumber: accountNumberForRole(chart, 'rounding'), amountMinor: -roundingMinor }]
}
