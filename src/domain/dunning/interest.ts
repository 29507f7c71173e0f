// Late-payment interest by day count, actual/365: every overdue day earns principal × rate / 365.
// The invariant it protects: interest is kept exact (as a numerator over one fixed denominator)
// while it accrues, and rounded half-up to the minor unit only when it is charged, so charging at
// every reminder never adds up rounding errors: what has been charged is always the rounding of
// the exact sum.

import { assert } from '../assert.ts'
import { daysBetween } from '../calendar/dates.ts'
import { invalidField } from '../errors.ts'
import { parseDecimal, rescaleDecimal } from '../money/decimal.ts'
import { divideRounded } from '../money/money.ts'
import { RATE_SCALE, type RatePeriod } from './statutory-rules.ts'

/** 365 days × 100 percent × 10^RATE_SCALE: one minor unit of interest is this much numerator. */
export const INTEREST_DENOMINATOR = 365n * 100n * 10n ** BigInt(RATE_SCALE)

/** The exact interest numerator of `principalMinor` over the given periods. */
export function interestNumerator(principalMinor: bigint, periods: readonly RatePeriod[]): bigint {
  assert(principalMinor >= 0n, 'interest accrues on a principal of zero or more')
  let numerator = 0n
  for (const period of periods) {
    const days = daysBetween(period.fromOn, period.toOn) + 1
    assert(days > 0, `a rate period runs forwards, got ${period.fromOn}..${period.toOn}`)
    numerator += principalMinor * period.rateUnits * BigInt(days)
  }
  return numerator
}

/** The interest that may be charged for an exact numerator: rounded half-up to the minor unit. */
export function interestMinorOf(numerator: bigint): bigint {
  return divideRounded(numerator, INTEREST_DENOMINATOR, 'half-up')
}

/** Reads a stored numerator (text, since it can outgrow 64 bits). */
export function parseInterestNumerator(text: string): bigint {
  assert(/^\d+$/.test(text), `an interest numerator is a whole number, got ${JSON.stringify(text)}`)
  return BigInt(text)
}

/** Contractual rates above this are refused: a typing error, not a rate anyone agreed to. */
const MAX_CONTRACTUAL_RATE_PERCENT = 100n

/**
 * A contractual yearly rate in percent (a plain decimal, at most four decimals, 0 to 100) in the
 * units interest is counted in; refused naming `field` otherwise.
 */
export function contractualRateUnits(percent: unknown, field: string): bigint {
  const decimal = parseDecimal(percent, field, RATE_SCALE)
  const units = rescaleDecimal(decimal, RATE_SCALE, 'half-up').units
  if (units < 0n || units > MAX_CONTRACTUAL_RATE_PERCENT * 10n ** BigInt(RATE_SCALE))
    throw invalidField(
      field,
      `${field} must be a yearly rate from 0 to ${MAX_CONTRACTUAL_RATE_PERCENT} percent`,
    )
  return units
}
