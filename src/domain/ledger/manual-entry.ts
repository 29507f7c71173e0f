// The posting rule for an entry written by hand (a daybook transaction): each line puts an amount
// on one side of an account and, when it names one, the opposite side of a contra account. A line
// with a VAT rate holds the amount including VAT: the VAT part goes to the output or input VAT
// account on the line's side, so a sale of 125 at 25% books 100 revenue and 25 VAT. The invariant
// it protects: such an entry is posted only if it balances and names only the chart's accounts.

import { invalidField } from '../errors.ts'
import { compareDecimal, decimal, parseDecimal } from '../money/decimal.ts'
import { vatOfAmountMinor } from '../tax/compute-vat.ts'
import type { TaxTreatment } from '../tax/tax-treatment.ts'
import { canonicalVatRatePercent, type Side } from './account.ts'
import { accountNumberForRole, type ChartOfAccounts, findAccount } from './chart-of-accounts.ts'
import { type EntryHeader, type JournalEntryDraft, type JournalLine, validateEntry } from './journal-entry.ts'

export type ManualVat = Readonly<{
  vatRatePercent: string
  taxTreatment: TaxTreatment
  direction: 'sales' | 'purchase'
}>

export type ManualLine = Readonly<{
  text?: string | null
  accountNumber: string
  contraAccountNumber?: string | null
  side: Side
  /** Positive; with VAT, the amount including it. */
  amountMinor: bigint
  vat?: ManualVat | null
}>

export type ManualEntry = EntryHeader & Readonly<{ lines: readonly ManualLine[] }>

function checkAccount(chart: ChartOfAccounts, accountNumber: string, field: string): void {
  if (findAccount(chart, accountNumber) === undefined)
    throw invalidField(field, `account ${accountNumber} does not exist`)
}

function vatOf(line: ManualLine): { vatMinor: bigint; ratePercent?: string } {
  const vat = line.vat
  if (!vat) return { vatMinor: 0n }
  const ratePercent = canonicalVatRatePercent(vat.vatRatePercent)
  if (vat.taxTreatment !== 'standard' || compareDecimal(parseDecimal(ratePercent, 'rate'), decimal(0n)) === 0)
    return { vatMinor: 0n, ratePercent: '0' }
  return {
    vatMinor: vatOfAmountMinor(line.amountMinor, parseDecimal(ratePercent, 'rate'), 'gross', 'half-up'),
    ratePercent,
  }
}

function journalLines(chart: ChartOfAccounts, line: ManualLine, index: number): JournalLine[] {
  const at = (name: string) => `lines.${index}.${name}`
  if (line.amountMinor <= 0n) throw invalidField(at('amount'), 'a line’s amount must be positive')
  checkAccount(chart, line.accountNumber, at('accountNumber'))
  if (line.contraAccountNumber) checkAccount(chart, line.contraAccountNumber, at('contraAccountNumber'))
  const sign = line.side === 'debit' ? 1n : -1n
  const description = line.text ? { description: line.text } : {}
  const { vatMinor, ratePercent } = vatOf(line)
  const lines: JournalLine[] = [
    {
      accountNumber: line.accountNumber,
      amountMinor: sign * (line.amountMinor - vatMinor),
      ...(ratePercent === undefined ? {} : { vatRatePercent: ratePercent }),
      ...description,
    },
  ]
  if (vatMinor !== 0n && ratePercent !== undefined) {
    const role = line.vat?.direction === 'purchase' ? 'inputVat' : 'outputVat'
    lines.push({
      accountNumber: accountNumberForRole(chart, role, ratePercent),
      amountMinor: sign * vatMinor,
      vatRatePercent: ratePercent,
      ...description,
    })
  }
  if (line.contraAccountNumber)
    lines.push({
      accountNumber: line.contraAccountNumber,
      amountMinor: -sign * line.amountMinor,
      ...description,
    })
  return lines
}

/** The entry the lines post; refused as unbalanced_entry when its debits and credits differ. */
export function manualEntry(chart: ChartOfAccounts, entry: ManualEntry): JournalEntryDraft {
  if (entry.lines.length === 0) throw invalidField('lines', 'at least one line is needed')
  const lines = entry.lines
    .flatMap((line, index) => journalLines(chart, line, index))
    .filter((line) => line.amountMinor !== 0n)
  return validateEntry({
    entryDate: entry.entryDate,
    description: entry.description,
    currency: entry.currency,
    lines,
  })
}
