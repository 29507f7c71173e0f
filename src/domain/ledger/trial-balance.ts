// The trial balance: per account, the sum of its debits, of its credits, and the balance. The
// invariant it protects: over a balanced set of entries the debit and credit totals are equal
// and the balances sum to zero, which is the first thing an accountant checks.

import { creditMinor, debitMinor, type JournalLine } from './journal-entry.ts'

export type TrialBalanceRow = Readonly<{
  accountNumber: string
  debitMinor: bigint
  creditMinor: bigint
  /** debitMinor - creditMinor: positive is a debit balance. */
  balanceMinor: bigint
}>

export type TrialBalance = Readonly<{
  /** Ordered by account number, as text, so a report lists accounts in chart order. */
  rows: readonly TrialBalanceRow[]
  debitTotalMinor: bigint
  creditTotalMinor: bigint
}>

/** Sums lines of one currency; the caller selects them (by organization, period, non-voided). */
export function trialBalance(
  lines: readonly Pick<JournalLine, 'accountNumber' | 'amountMinor'>[],
): TrialBalance {
  const sums = new Map<string, { debitMinor: bigint; creditMinor: bigint }>()
  for (const line of lines) {
    const sum = sums.get(line.accountNumber) ?? { debitMinor: 0n, creditMinor: 0n }
    sum.debitMinor += debitMinor(line)
    sum.creditMinor += creditMinor(line)
    sums.set(line.accountNumber, sum)
  }
  const rows = [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([accountNumber, sum]) => ({
      accountNumber,
      ...sum,
      balanceMinor: sum.debitMinor - sum.creditMinor,
    }))
  return {
    rows,
    debitTotalMinor: rows.reduce((total, row) => total + row.debitMinor, 0n),
    creditTotalMinor: rows.reduce((total, row) => total + row.creditMinor, 0n),
  }
}
