// The sums of a billogram, over all the invoices of its case: debit invoices add to the total,
// payments, credit notes and write-offs take from what remains. The invariant the wire shows:
// remaining_sum = total_sum - paid - credited - written off, to the öre, because every figure
// here is a sum of the core's own minor-unit amounts.

import type { CaseRecord } from '../../../core/cases/case-details.ts'
import { isStandaloneCredit } from '../../../core/invoices/settle-standalone-credit.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { isRoundingLine } from './ore-rounding.ts'

export type CaseSums = Readonly<{
  currency: string
  totalMinor: bigint
  remainingMinor: bigint
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
  paidMinor: bigint
  creditedMinor: bigint
  writtenOffMinor: bigint
  /** Reminder fees and compensation charged: the fees less the interest charged with them. */
  reminderFeesMinor: bigint
  /** Late-payment interest earned through the last day the dunning clock counted. */
  interestEarnedMinor: bigint
  invoiceFeeMinor: bigint
  invoiceFeeVatPercent: string | null
  /** Öresavrundning: what rounding the total to whole kronor added (negative when it took away). */
  roundingMinor: bigint
}>

/** The lines the wire shows as sums, not items: the invoice fee and the öre rounding. */
export function isHiddenLine(extra: Readonly<Record<string, unknown>>): boolean {
  return isInvoiceFeeLine(extra) || isRoundingLine(extra)
}

/** The line that carries Billogram's invoice_fee: a line of its own, marked in its extra. */
export function isInvoiceFeeLine(extra: Readonly<Record<string, unknown>>): boolean {
  const own = extra.billogram
  return typeof own === 'object' && own !== null && (own as { invoiceFee?: unknown }).invoiceFee === true
}

function sum(invoices: readonly Invoice[], pick: (invoice: Invoice) => bigint): bigint {
  return invoices.reduce((total, invoice) => total + pick(invoice), 0n)
}

export function sumsOf(record: CaseRecord): CaseSums {
  // A stand-alone credit's case has no debit invoice: its sums are the credit's own, negative.
  const debitInvoices = record.invoices.filter((invoice) => invoice.kind === 'invoice')
  const debits = debitInvoices.length > 0 ? debitInvoices : record.invoices.filter(isStandaloneCredit)
  const feeLines = debits.flatMap((invoice) => invoice.lines.filter((line) => isInvoiceFeeLine(line.extra)))
  const roundingMinor = debits
    .flatMap((invoice) => invoice.lines.filter((line) => isRoundingLine(line.extra)))
    .reduce((total, line) => total + line.grossMinor, 0n)
  const grossMinor = sum(debits, (invoice) => invoice.grossMinor)
  const feesMinor = sum(debits, (invoice) => invoice.feesMinor)
  const dunning = (invoice: Invoice) => record.dunning.get(invoice.invoiceId)
  const interestChargedMinor = sum(debits, (invoice) => dunning(invoice)?.interestChargedMinor ?? 0n)
  return {
    currency: debits[0]?.currency ?? record.invoices[0]?.currency ?? 'SEK',
    totalMinor: grossMinor + feesMinor,
    remainingMinor: sum(debits, (invoice) => invoice.balanceMinor),
    netMinor: sum(debits, (invoice) => invoice.netMinor) - roundingMinor,
    vatMinor: sum(debits, (invoice) => invoice.vatMinor),
    grossMinor: grossMinor - roundingMinor,
    paidMinor: sum(debits, (invoice) => invoice.paidMinor),
    creditedMinor: sum(debits, (invoice) => invoice.creditedMinor),
    writtenOffMinor: sum(debits, (invoice) => invoice.writtenOffMinor),
    reminderFeesMinor: feesMinor - interestChargedMinor,
    interestEarnedMinor: sum(debits, (invoice) => dunning(invoice)?.interestEarnedMinor ?? 0n),
    invoiceFeeMinor: feeLines.reduce((total, line) => total + line.netMinor, 0n),
    invoiceFeeVatPercent: feeLines[0]?.vatRatePercent ?? null,
    roundingMinor,
  }
}
