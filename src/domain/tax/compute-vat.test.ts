// Proves that VAT is exact before its one rounding, per line or per group, and that a group's VAT is its lines' sum.

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { decimal } from '../money/decimal.ts'
import { abs } from '../money/money.ts'
import { computeGroupVat, vatOfAmountMinor } from './compute-vat.ts'

const TWENTY_FIVE = decimal(25n)

describe('vatOfAmountMinor', () => {
  test.each([
    [10000n, decimal(25n), 'net', 'half-up', 2500n],
    [12500n, decimal(25n), 'gross', 'half-up', 2500n],
    [10n, decimal(25n), 'net', 'half-up', 3n],
    [10n, decimal(25n), 'net', 'half-even', 2n],
    [-10n, decimal(25n), 'net', 'half-up', -3n],
    [-10n, decimal(25n), 'net', 'half-even', -2n],
    [1200n, decimal(19n), 'net', 'half-up', 228n],
    [1428n, decimal(19n), 'gross', 'half-up', 228n],
    [10000n, decimal(55n, 1), 'net', 'half-up', 550n],
    [10000n, decimal(0n), 'gross', 'half-up', 0n],
    [1000n, decimal(10n), 'gross', 'half-up', 91n],
  ] as const)('takes from %s at %o (%s, %s) the VAT %s', (amountMinor, rate, basis, rounding, expected) => {
    const vatMinor = vatOfAmountMinor(amountMinor, rate, basis, rounding)

    expect(vatMinor).toBe(expected)
  })

  test('refuses a rate above 100 percent as a bug', () => {
    const compute = () => vatOfAmountMinor(100n, decimal(101n), 'net', 'half-up')

    expect(compute).toThrow(/between 0 and 100/)
  })
})

describe('computeGroupVat', () => {
  test('per-line rounding rounds each line and sums', () => {
    const group = computeGroupVat([10n, 10n, 10n], TWENTY_FIVE, 'net', 'line', 'half-up')

    expect(group.linesVatMinor).toEqual([3n, 3n, 3n])
    expect(group.vatMinor).toBe(9n)
  })

  test('per-document rounding rounds the group once and shares it out', () => {
    const group = computeGroupVat([10n, 10n, 10n], TWENTY_FIVE, 'net', 'document', 'half-up')

    expect(group.vatMinor).toBe(8n)
    expect(group.linesVatMinor).toEqual([3n, 3n, 2n])
  })

  test('per-document rounding keeps lines of opposite sign near their own VAT', () => {
    const group = computeGroupVat([10000n, -10000n, 1n], TWENTY_FIVE, 'net', 'document', 'half-up')

    expect(group.vatMinor).toBe(0n)
    expect(group.linesVatMinor).toEqual([2500n, -2500n, 0n])
  })

  test('an empty group has no VAT', () => {
    const group = computeGroupVat([], TWENTY_FIVE, 'gross', 'document', 'half-up')

    expect(group).toEqual({ vatMinor: 0n, linesVatMinor: [] })
  })

  test('lines sum to the group and stay within a unit of their exact VAT', () => {
    const amounts = fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { maxLength: 15 })
    const rates = fc.constantFrom(
      decimal(25n),
      decimal(12n),
      decimal(6n),
      decimal(19n),
      decimal(7n),
      decimal(55n, 1),
    )

    fc.assert(
      fc.property(
        amounts,
        rates,
        fc.constantFrom('net' as const, 'gross' as const),
        fc.constantFrom('line' as const, 'document' as const),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        (amountsMinor, rate, basis, scope, rounding) => {
          const hundred = 100n * 10n ** BigInt(rate.scale)
          const denominator = basis === 'net' ? hundred : hundred + rate.units

          const group = computeGroupVat(amountsMinor, rate, basis, scope, rounding)

          expect(group.linesVatMinor.reduce((a, b) => a + b, 0n)).toBe(group.vatMinor)
          group.linesVatMinor.forEach((vatMinor, index) => {
            const exactNumerator = amountsMinor[index]! * rate.units
            expect(abs(vatMinor * denominator - exactNumerator) < denominator).toBe(true)
          })
        },
      ),
    )
  })
})
