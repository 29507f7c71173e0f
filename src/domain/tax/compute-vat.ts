// VAT on amounts of money, per line or per group of lines at one rate. The invariant it protects:
// the VAT of a group is always the sum of its lines' VAT, whichever rounding scope is chosen, so
// a breakdown per rate adds up to the lines printed above it.

import { assert } from '../assert.ts'
import { roundSharesToTotal } from '../money/allocate.ts'
import { compareDecimal, type Decimal, decimal } from '../money/decimal.ts'
import { divideRounded, type Rounding } from '../money/money.ts'

/** Whether amounts exclude VAT (net) or include it (gross): Billy `taxMode`, Billomat `net_gross`. */
export type PriceBasis = 'net' | 'gross'

/**
 * line: each line's VAT is rounded, and a group's VAT is their sum.
 * document: a group's VAT is rounded once from the group's summed amount (Billy's rule: line taxes
 * are not rounded, only their sum), and lines get shares of it that add up exactly.
 */
export type RoundingScope = 'line' | 'document'

type Fraction = Readonly<{ numerator: bigint; denominator: bigint }>

/** VAT per unit of amount: rate/100 of a net amount, rate/(100 + rate) of a gross one. */
function vatFraction(vatRatePercent: Decimal, priceBasis: PriceBasis): Fraction {
  assert(
    vatRatePercent.units >= 0n && compareDecimal(vatRatePercent, decimal(100n)) <= 0,
    'a VAT rate must lie between 0 and 100 percent',
  )
  const hundred = 100n * 10n ** BigInt(vatRatePercent.scale)
  const denominator = priceBasis === 'net' ? hundred : hundred + vatRatePercent.units
  return { numerator: vatRatePercent.units, denominator }
}

/** The VAT contained in (gross) or added to (net) one amount, rounded once. */
export function vatOfAmountMinor(
  amountMinor: bigint,
  vatRatePercent: Decimal,
  priceBasis: PriceBasis,
  rounding: Rounding,
): bigint {
  const { numerator, denominator } = vatFraction(vatRatePercent, priceBasis)
  return divideRounded(amountMinor * numerator, denominator, rounding)
}

export type GroupVat = Readonly<{ vatMinor: bigint; linesVatMinor: readonly bigint[] }>

/** VAT of lines sharing one rate, given each line's amount in the price basis. */
export function computeGroupVat(
  amountsMinor: readonly bigint[],
  vatRatePercent: Decimal,
  priceBasis: PriceBasis,
  roundingScope: RoundingScope,
  rounding: Rounding,
): GroupVat {
  const { numerator, denominator } = vatFraction(vatRatePercent, priceBasis)
  if (roundingScope === 'line') {
    const linesVatMinor = amountsMinor.map((amountMinor) =>
      divideRounded(amountMinor * numerator, denominator, rounding),
    )
    return { vatMinor: linesVatMinor.reduce((sum, vatMinor) => sum + vatMinor, 0n), linesVatMinor }
  }
  const exactNumerators = amountsMinor.map((amountMinor) => amountMinor * numerator)
  const groupNumerator = exactNumerators.reduce((sum, part) => sum + part, 0n)
  const vatMinor = divideRounded(groupNumerator, denominator, rounding)
  // Lines show their share of the one rounded figure: each within a unit of its exact VAT, together exact.
  const linesVatMinor =
    amountsMinor.length === 0 ? [] : roundSharesToTotal(vatMinor, exactNumerators, denominator)
  return { vatMinor, linesVatMinor }
}
