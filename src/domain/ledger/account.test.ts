// Proves account natures fix the normal balance side, and that account numbers and VAT rate keys parse strictly.
import { describe, expect, it } from 'vitest'
import {
  ACCOUNT_NATURES,
  balanceOnNormalSideMinor,
  canonicalVatRatePercent,
  normalBalanceSide,
  parseAccountNumber,
} from './account.ts'

describe('normalBalanceSide', () => {
  it.each([
    ['asset', 'debit'],
    ['expense', 'debit'],
    ['liability', 'credit'],
    ['equity', 'credit'],
    ['revenue', 'credit'],
  ] as const)('puts a %s balance on the %s side', (nature, side) => {
    const normalSide = normalBalanceSide(nature)

    expect(normalSide).toBe(side)
  })

  it('covers every nature', () => {
    const sides = ACCOUNT_NATURES.map(normalBalanceSide)

    expect(sides).toHaveLength(5)
  })
})

describe('balanceOnNormalSideMinor', () => {
  it.each([
    ['asset', 12500n, 12500n],
    ['revenue', -10000n, 10000n],
    ['liability', 500n, -500n], // a debit balance on a liability shows as negative
  ] as const)('shows a %s balance of %d as %d', (nature, signedMinor, expected) => {
    const shown = balanceOnNormalSideMinor(nature, signedMinor)

    expect(shown).toBe(expected)
  })
})

describe('parseAccountNumber', () => {
  it.each([
    ['5810', '5810'],
    ['0800', '0800'], // leading zeros are kept: SKR03 numbers have them
    [1110, '1110'], // MED sends accountNo as a number
  ])('reads %j as %s', (input, expected) => {
    const accountNumber = parseAccountNumber(input)

    expect(accountNumber).toBe(expected)
  })

  it.each(['', '58 10', '5810a', '12345678901', -1, 1.5, null])('refuses %j naming the field', (input) => {
    const act = () => parseAccountNumber(input, 'lines[0].accountNumber')

    expect(act).toThrow(
      expect.objectContaining({ code: 'invalid_field', details: { field: 'lines[0].accountNumber' } }),
    )
  })
})

describe('canonicalVatRatePercent', () => {
  it.each([
    ['25', '25'],
    ['25.00', '25'],
    ['5.50', '5.5'],
    ['0', '0'],
    ['0.0', '0'],
    ['100', '100'],
    [' 12 ', '12'],
  ])('reads %j as %s', (input, expected) => {
    const rate = canonicalVatRatePercent(input)

    expect(rate).toBe(expected)
  })

  it.each(['', '-5', '101', '100.5', '025', '.5', '25%', 'abc'])('refuses %j', (input) => {
    const act = () => canonicalVatRatePercent(input, 'vat[0].vatRatePercent')

    expect(act).toThrow(
      expect.objectContaining({ code: 'invalid_field', details: { field: 'vat[0].vatRatePercent' } }),
    )
  })
})
