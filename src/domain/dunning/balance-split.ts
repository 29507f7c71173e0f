// Splits what an overdue invoice still owes into principal, fees and interest. Payments settle the
// costs first, then the interest, then the principal (BGB § 367 Abs. 1; the same order is the
// practice in Sweden and Denmark). The invariant it protects: the three parts always add up to the
// open balance, so a reminder document and the interest base agree with the ledger.

import { assert } from '../assert.ts'

export type BalanceSplit = Readonly<{ principalMinor: bigint; feesMinor: bigint; interestMinor: bigint }>

export function splitOpenBalance(
  amounts: Readonly<{
    /** What is owed: total plus fees and interest charged, less payments, credits and write-offs. */
    balanceMinor: bigint
    grossMinor: bigint
    creditedMinor: bigint
    writtenOffMinor: bigint
    /** The part of the invoice's charged fees that is interest. */
    interestChargedMinor: bigint
  }>,
): BalanceSplit {
  const balance = amounts.balanceMinor > 0n ? amounts.balanceMinor : 0n
  const principalOwed = amounts.grossMinor - amounts.creditedMinor - amounts.writtenOffMinor
  const principalMinor = clamp(principalOwed, 0n, balance)
  const charges = balance - principalMinor
  const interestMinor = clamp(amounts.interestChargedMinor, 0n, charges)
  const split = { principalMinor, feesMinor: charges - interestMinor, interestMinor }
  assert(split.principalMinor + split.feesMinor + split.interestMinor === balance, 'the split adds up')
  return split
}

function clamp(value: bigint, low: bigint, high: bigint): bigint {
  if (value < low) return low
  return value > high ? high : value
}
