// Proves that money rounds exact halves by the named mode in both directions and never mixes currencies.

import { describe, expect, test } from 'vitest'
import { DomainError } from '../errors.ts'
import { add, assertSameCurrency, divideRounded, money, negate, subtract, sum } from './money.ts'

describe('divideRounded', () => {
  test.each([
    [5n, 2n, 'half-up', 3n],
    [5n, 2n, 'half-even', 2n],
    [7n, 2n, 'half-even', 4n],
    [-5n, 2n, 'half-up', -3n],
    [-5n, 2n, 'half-even', -2n],
    [-7n, 2n, 'half-even', -4n],
    [249n, 100n, 'half-up', 2n],
    [251n, 100n, 'half-even', 3n],
    [-249n, 100n, 'half-up', -2n],
    [-251n, 100n, 'half-even', -3n],
    [0n, 3n, 'half-up', 0n],
    [6n, 3n, 'half-even', 2n],
  ] as const)('rounds %s / %s with %s to %s', (numerator, denominator, rounding, expected) => {
    const quotient = divideRounded(numerator, denominator, rounding)

    expect(quotient).toBe(expected)
  })

  test('refuses a zero denominator as a bug', () => {
    const divide = () => divideRounded(1n, 0n, 'half-up')

    expect(divide).toThrow(/denominator must be positive/)
  })
})

describe('currency', () => {
  test.each([
    ['add', () => add(money(100n, 'SEK'), money(100n, 'EUR'))],
    ['subtract', () => subtract(money(100n, 'SEK'), money(100n, 'DKK'))],
    ['sum', () => sum('SEK', [money(1n, 'SEK'), money(1n, 'JPY')])],
    ['assertSameCurrency', () => assertSameCurrency(money(1n, 'EUR'), money(1n, 'USD'))],
  ])('%s of two currencies raises currency_mismatch', (_name, combine) => {
    let raised: unknown

    try {
      combine()
    } catch (error) {
      raised = error
    }

    expect(raised).toBeInstanceOf(DomainError)
    expect((raised as DomainError).code).toBe('currency_mismatch')
  })

  test('adds, subtracts and negates negative amounts exactly', () => {
    const credit = money(-1050n, 'SEK')

    const total = add(credit, money(300n, 'SEK'))
    const difference = subtract(credit, money(300n, 'SEK'))
    const reversed = negate(credit)

    expect(total.amountMinor).toBe(-750n)
    expect(difference.amountMinor).toBe(-1350n)
    expect(reversed.amountMinor).toBe(1050n)
  })

  test('sums nothing to zero in the given currency', () => {
    const total = sum('JPY', [])

    expect(total).toEqual({ amountMinor: 0n, currency: 'JPY' })
  })
})
