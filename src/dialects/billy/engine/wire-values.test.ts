// Proves Billy's wire values: amounts leave as exact number tokens from minor units, fractions are
// exact, times lose their zone, and an amount with more decimals than its currency is refused.

import { describe, expect, test } from 'vitest'
import { DomainError } from '../../../domain/errors.ts'
import { amountToMinor, jsonNumber, moneyNumber, percentAsFraction, wireTime } from './wire-values.ts'

describe('wire values', () => {
  test.each([
    [125050n, 'DKK', '{"a":1250.50}'],
    [-5n, 'DKK', '{"a":-0.05}'],
    [1200n, 'JPY', '{"a":1200}'],
  ] as const)('%s minor units of %s are written %s', (amountMinor, currency, expected) => {
    expect(JSON.stringify({ a: moneyNumber(amountMinor, currency) })).toBe(expected)
  })

  test.each([
    ['25', '0.25'],
    ['12.5', '0.125'],
    ['0', '0'],
  ])('%s percent is the fraction %s', (percent, fraction) => {
    expect(JSON.stringify(percentAsFraction(percent))).toBe(fraction)
  })

  test.each([
    ['1200', 'DKK', 120000n],
    ['0.1', 'DKK', 10n],
    ['-99.99', 'EUR', -9999n],
    ['7', 'JPY', 7n],
  ] as const)('%s %s is %s minor units', (text, currency, expected) => {
    expect(amountToMinor(text, currency, 'amount')).toBe(expected)
  })

  test('an amount with more decimals than its currency is refused, not rounded', () => {
    expect(() => amountToMinor('10.005', 'DKK', 'cashAmount')).toThrowError(DomainError)
    expect(() => amountToMinor('1.5', 'JPY', 'cashAmount')).toThrowError(/cashAmount/)
  })

  test('only a plain decimal becomes a number token', () => {
    expect(() => jsonNumber('1e5')).toThrow()
    expect(() => jsonNumber('01')).toThrow()
    expect(() => jsonNumber('12,5')).toThrow()
  })

  test('times are written in UTC without a zone, and a missing time is null', () => {
    expect(wireTime('2024-05-01T12:34:56.789Z')).toBe('2024-05-01T12:34:56')
    expect(wireTime(null)).toBeNull()
  })
})
