// Proves the Luhn and mod 11 arithmetic against published values.
import { describe, expect, it } from 'vitest'
import { AssertionError } from '../assert.ts'
import { luhnCheckDigit, mod11CheckValue } from './check-digits.ts'

describe('luhnCheckDigit', () => {
  it.each([
    ['7992739871', 3], // the textbook example: 79927398713
    ['1234568', 2], // Bankgirot-style OCR 12345682 (base 123456 + length digit 8)
    ['00000000000001', 8], // Business::DK::FI: generate(1) is 000000000000018
    ['0', 0],
  ])('gives %s the check digit %i', (payload, expected) => {
    const digit = luhnCheckDigit(payload)

    expect(digit).toBe(expected)
  })

  it('refuses a payload with a letter as a bug, not a client error', () => {
    const act = () => luhnCheckDigit('12a4')

    expect(act).toThrow(AssertionError)
  })
})

describe('mod11CheckValue', () => {
  it.each([
    ['1234', 3], // norwegian-numbers: makeKidNumber('1234', 'MOD11') is 12343
    ['012955', 0], // kid-number: kid_mod11(12955, length=7) is 0129550
    ['6', 10], // 6 x 2 = 12, remainder 1: no digit
  ])('gives %s the value %i', (payload, expected) => {
    const value = mod11CheckValue(payload)

    expect(value).toBe(expected)
  })
})
