// Proves that decimals parse strictly, format canonically, compute exactly and become money only by a named rounding.

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DomainError } from '../errors.ts'
import {
  addDecimal,
  compareDecimal,
  type Decimal,
  decimal,
  formatDecimal,
  minorToDecimalString,
  multiplyDecimal,
  normalizeDecimal,
  parseDecimal,
  rescaleDecimal,
  subtractDecimal,
  toMinorUnits,
} from './decimal.ts'

function refusal(run: () => unknown): DomainError {
  try {
    run()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a DomainError')
}

describe('parseDecimal', () => {
  test.each([
    ['12.345', 12345n, 3],
    ['-0.5', -5n, 1],
    ['0', 0n, 0],
    ['-0', 0n, 0],
    ['007.10', 710n, 2],
    ['1.50000000000000', 15000000000n, 10],
    ['999999999999999999.9999999999', 9999999999999999999999999999n, 10],
  ])('reads the string %s exactly', (text, units, scale) => {
    const value = parseDecimal(text, 'quantity')

    expect(value).toEqual({ units, scale })
  })

  test.each([
    [0.1, 1n, 1],
    [-2.5, -25n, 1],
    [12, 12n, 0],
    [1e-7, 1n, 7],
    [-1.5e-7, -15n, 8],
    [123456789.25, 12345678925n, 2],
  ])('reads the number %s through its shortest decimal form', (input, units, scale) => {
    const value = parseDecimal(input, 'price')

    expect(value).toEqual({ units, scale })
  })

  test('reads a bigint as an integer', () => {
    const value = parseDecimal(42n, 'count')

    expect(value).toEqual({ units: 42n, scale: 0 })
  })

  test.each([
    ['1e3', 'plain decimal'],
    ['.5', 'plain decimal'],
    ['5.', 'plain decimal'],
    [' 1', 'plain decimal'],
    ['+1', 'plain decimal'],
    ['1,5', 'plain decimal'],
    ['', 'plain decimal'],
    ['1.12345678901', 'more than 10 decimal places'],
    ['1234567890123456789', 'more than 18 digits'],
    [Number.NaN, 'finite'],
    [Number.POSITIVE_INFINITY, 'finite'],
    [0.1 + 0.2, 'more than 10 decimal places'],
    [2 ** 60, 'too large'],
    [null, 'decimal number'],
    [{ units: 1n, scale: 0 }, 'decimal number'],
  ])('refuses %s naming the field', (input, reason) => {
    const error = refusal(() => parseDecimal(input, 'lines[2].quantity'))

    expect(error.code).toBe('invalid_field')
    expect(error.details.field).toBe('lines[2].quantity')
    expect(error.message).toContain('lines[2].quantity')
    expect(error.message).toContain(reason)
  })

  test('honours a smaller maximum scale', () => {
    const error = refusal(() => parseDecimal('0.123', 'ratePercent', 2))

    expect(error.message).toContain('more than 2 decimal places')
  })
})

describe('formatDecimal', () => {
  test.each([
    [decimal(12345n, 3), '12.345'],
    [decimal(-5n, 1), '-0.5'],
    [decimal(1200n, 2), '12'],
    [decimal(-1n, 4), '-0.0001'],
    [decimal(0n, 5), '0'],
    [decimal(7n), '7'],
  ])('writes %o canonically as %s', (value, text) => {
    const written = formatDecimal(value)

    expect(written).toBe(text)
  })

  test('pads to a fixed scale', () => {
    const written = formatDecimal(decimal(15n, 1), { scale: 3 })

    expect(written).toBe('1.500')
  })

  test('rounds to a fixed scale only when told how', () => {
    const value = decimal(-125n, 3)

    const halfUp = formatDecimal(value, { scale: 2, rounding: 'half-up' })
    const halfEven = formatDecimal(value, { scale: 2, rounding: 'half-even' })

    expect(halfUp).toBe('-0.13')
    expect(halfEven).toBe('-0.12')
    expect(() => formatDecimal(value, { scale: 2 })).toThrow(/name a rounding/)
  })

  test('never writes a negative zero', () => {
    const written = formatDecimal(decimal(-4n, 3), { scale: 2, rounding: 'half-up' })

    expect(written).toBe('0.00')
  })

  test('round-trips every parsed value', () => {
    const decimals = fc.record({
      units: fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n }),
      scale: fc.integer({ min: 0, max: 10 }),
    })

    fc.assert(
      fc.property(decimals, (value: Decimal) => {
        const parsed = parseDecimal(formatDecimal(value), 'value')

        expect(compareDecimal(parsed, value)).toBe(0)
        expect(parsed).toEqual(normalizeDecimal(value))
      }),
    )
  })
})

describe('arithmetic', () => {
  test('adds and subtracts across scales exactly', () => {
    const a = decimal(15n, 1)
    const b = decimal(-275n, 2)

    const total = addDecimal(a, b)
    const difference = subtractDecimal(a, b)

    expect(total).toEqual({ units: -125n, scale: 2 })
    expect(difference).toEqual({ units: 425n, scale: 2 })
  })

  test('multiplies exactly, adding the scales', () => {
    const product = multiplyDecimal(decimal(15n, 1), decimal(-25n, 2))

    expect(product).toEqual({ units: -375n, scale: 3 })
  })

  test('compares values at different scales', () => {
    expect(compareDecimal(decimal(10n, 1), decimal(1n))).toBe(0)
    expect(compareDecimal(decimal(-1n, 1), decimal(0n))).toBe(-1)
    expect(compareDecimal(decimal(101n, 2), decimal(1n))).toBe(1)
  })

  test.each([
    ['half-up', 25n, 1, 3n],
    ['half-even', 25n, 1, 2n],
    ['half-up', -25n, 1, -3n],
    ['half-even', -25n, 1, -2n],
    ['half-even', 35n, 1, 4n],
    ['half-even', -35n, 1, -4n],
    ['half-up', 24n, 1, 2n],
    ['half-even', 26n, 1, 3n],
  ] as const)('rescales with %s: %s at scale %s becomes %s', (rounding, units, scale, expected) => {
    const rescaled = rescaleDecimal(decimal(units, scale), 0, rounding)

    expect(rescaled.units).toBe(expected)
  })
})

describe('minor units', () => {
  test.each([
    ['12.345', 'SEK', 'half-up', 1235n],
    ['12.345', 'SEK', 'half-even', 1234n],
    ['-12.345', 'SEK', 'half-up', -1235n],
    ['-12.345', 'SEK', 'half-even', -1234n],
    ['0.005', 'EUR', 'half-up', 1n],
    ['100.5', 'JPY', 'half-up', 101n],
    ['100.5', 'JPY', 'half-even', 100n],
    ['7', 'DKK', 'half-up', 700n],
  ] as const)('turns %s %s into minor units with %s', (text, currency, rounding, expected) => {
    const amountMinor = toMinorUnits(parseDecimal(text, 'amount'), currency, rounding)

    expect(amountMinor).toBe(expected)
  })

  test.each([
    [12345n, 'SEK', '123.45'],
    [-5n, 'SEK', '-0.05'],
    [-100n, 'EUR', '-1.00'],
    [0n, 'DKK', '0.00'],
    [100n, 'JPY', '100'],
    [-7n, 'ISK', '-7'],
  ] as const)('writes %s %s as %s', (amountMinor, currency, text) => {
    const written = minorToDecimalString(amountMinor, currency)

    expect(written).toBe(text)
  })
})
