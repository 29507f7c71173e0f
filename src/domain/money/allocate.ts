// Splitting an integer amount into integer parts by the largest-remainder method. The invariant it
// protects: the parts always sum to exactly the whole, so a split discount or VAT never gains or loses
// a minor unit, and each part is within one unit of its exact share.

import { assert } from '../assert.ts'
import { type Money, money } from './money.ts'

/**
 * Rounds the exact shares numerators[i] / denominator to integers that sum to `total`. Each part is
 * the floor or the ceiling of its share: the floors are handed out first, then one unit each to the
 * largest remainders, lower index first on a tie, so the result depends on nothing but the input.
 *
 * `total` must be the sum of the shares rounded to an integer (any mode), which is what makes the
 * leftover units fit: between 0 and one per share.
 */
export function roundSharesToTotal(
  total: bigint,
  numerators: readonly bigint[],
  denominator: bigint,
): readonly bigint[] {
  assert(denominator > 0n, 'share denominator must be positive')
  // A negative total is the mirror image of a positive one, so a credit note splits exactly like
  // the invoice it credits instead of leaning the other way on ties.
  if (total < 0n)
    return roundSharesToTotal(-total, numerators.map(negateBigint), denominator).map(negateBigint)
  const floors = numerators.map((numerator) => floorDivide(numerator, denominator))
  const remainders = numerators.map((numerator, index) => numerator - floors[index]! * denominator)
  const leftover = total - floors.reduce((sum, part) => sum + part, 0n)
  assert(
    leftover >= 0n && leftover <= BigInt(numerators.length),
    `total ${total} is not the rounded sum of its shares`,
  )
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1))
  const parts = [...floors]
  for (let rank = 0; rank < Number(leftover); rank += 1) {
    const { index } = order[rank]!
    parts[index] = parts[index]! + 1n
  }
  return parts
}

/**
 * Splits `total` in proportion to `weights`. Weights may have mixed signs (a credit line among
 * debit lines), but they must not sum to zero unless the total is zero too: there is no proportion
 * of nothing.
 */
export function allocate(total: bigint, weights: readonly bigint[]): readonly bigint[] {
  assert(weights.length > 0, 'cannot allocate over no weights')
  if (total === 0n) return weights.map(() => 0n)
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n)
  assert(weightSum !== 0n, `cannot allocate ${total} over weights that sum to zero`)
  // The shares total*w/W are unchanged when every weight flips sign, and that keeps the denominator positive.
  const direction = weightSum < 0n ? -1n : 1n
  return roundSharesToTotal(
    total,
    weights.map((weight) => total * weight * direction),
    weightSum * direction,
  )
}

export function allocateMoney(total: Money, weights: readonly bigint[]): readonly Money[] {
  return allocate(total.amountMinor, weights).map((part) => money(part, total.currency))
}

/** Division rounding toward negative infinity, which bigint `/` does not do for negative numerators. */
export function floorDivide(numerator: bigint, denominator: bigint): bigint {
  assert(denominator > 0n, 'floor division needs a positive denominator')
  const quotient = numerator / denominator
  return numerator % denominator < 0n ? quotient - 1n : quotient
}

function negateBigint(value: bigint): bigint {
  return -value
}
