// Proves that percentages stay within 0 to 100 and take their share of money with one named rounding.

import { describe, expect, test } from 'vitest'
import { DomainError } from '../errors.ts'
import { decimal } from './decimal.ts'
import { checkPercent, parsePercent, percentOfMinor } from './percent.ts'

describe('percentOfMinor', () => {
  test.each([
    [1005n, decimal(10n), 'half-up', 101n],
    [1005n, decimal(10n), 'half-even', 100n],
    [-1005n, decimal(10n), 'half-up', -101n],
    [-1005n, decimal(10n), 'half-even', -100n],
    [1000n, decimal(125n, 1), 'half-up', 125n],
    [333n, decimal(100n), 'half-even', 333n],
    [333n, decimal(0n), 'half-up', 0n],
  ] as const)('takes of %s the percentage %o with %s: %s', (amountMinor, percent, rounding, expected) => {
    const shareMinor = percentOfMinor(amountMinor, percent, rounding)

    expect(shareMinor).toBe(expected)
  })
})

describe('parsePercent', () => {
  test('reads a rate with decimals', () => {
    const percent = parsePercent('5.5', 'vatRatePercent')

    expect(percent).toEqual({ units: 55n, scale: 1 })
  })

  test.each(['-1', '100.01', '12.12345'])('refuses %s naming the field', (text) => {
    let raised: unknown

    try {
      parsePercent(text, 'discount.ratePercent')
    } catch (error) {
      raised = error
    }

    expect(raised).toBeInstanceOf(DomainError)
    expect((raised as DomainError).details.field).toBe('discount.ratePercent')
  })

  test('accepts both ends of the range', () => {
    expect(checkPercent(decimal(0n), 'p')).toEqual(decimal(0n))
    expect(checkPercent(decimal(10000n, 2), 'p')).toEqual(decimal(10000n, 2))
  })
})
