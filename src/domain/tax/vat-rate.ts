// VAT rates as exact percentages. The invariant it protects: a rate is a decimal between 0 and 100,
// never a float, so 25% of an amount is computed exactly before its one rounding.

import { compareDecimal, type Decimal, decimal } from '../money/decimal.ts'
import { parsePercent } from '../money/percent.ts'

export function parseVatRatePercent(value: unknown, field = 'vatRatePercent'): Decimal {
  return parsePercent(value, field)
}

/**
 * The rates in force in the vendors' home countries (Billogram SE, Billy DK, Billomat DE). They help
 * a dialect check input; they do not limit the core, because rates change by law and an
 * organization's own configuration decides what it may charge.
 */
export const COMMON_VAT_RATES_PERCENT = {
  SE: [decimal(25n), decimal(12n), decimal(6n), decimal(0n)],
  DK: [decimal(25n), decimal(0n)],
  DE: [decimal(19n), decimal(7n), decimal(0n)],
} as const satisfies Record<string, readonly Decimal[]>

export type VatCountry = keyof typeof COMMON_VAT_RATES_PERCENT

export function isCommonVatRate(country: VatCountry, vatRatePercent: Decimal): boolean {
  return COMMON_VAT_RATES_PERCENT[country].some((rate) => compareDecimal(rate, vatRatePercent) === 0)
}
