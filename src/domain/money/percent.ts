// Percentages (VAT rates, discounts) as exact decimals, and taking a percentage of an amount of money.
// A percentage stays within 0 to 100 inclusive, and its share of money is rounded once, by a named mode.

import { invalidField } from '../errors.ts'
import { compareDecimal, type Decimal, decimal, formatDecimal, parseDecimal } from './decimal.ts'
import { divideRounded, type Rounding } from './money.ts'

/** Four decimals hold every VAT rate in use (5.5, 8.1, 25) and any sensible discount. */
export const MAX_PERCENT_SCALE = 4

const HUNDRED_PERCENT = decimal(100n)

export function parsePercent(value: unknown, field: string): Decimal {
  return checkPercent(parseDecimal(value, field, MAX_PERCENT_SCALE), field)
}

/** Refuses a percentage outside 0 to 100 with the field to blame; passes a valid one through. */
export function checkPercent(percent: Decimal, field: string): Decimal {
  if (percent.units < 0n || compareDecimal(percent, HUNDRED_PERCENT) > 0) {
    throw invalidField(field, `${field} must be between 0 and 100 percent, got ${formatDecimal(percent)}`)
  }
  return percent
}

/** percent/100 of amountMinor, rounded once: 10% of 1005n is 101n half-up, 100n half-even. */
export function percentOfMinor(amountMinor: bigint, percent: Decimal, rounding: Rounding): bigint {
  return divideRounded(amountMinor * percent.units, 100n * 10n ** BigInt(percent.scale), rounding)
}
