// Proves that only standard lines charge VAT and that treatments and rates are parsed strictly.

import { describe, expect, test } from 'vitest'
import { DomainError } from '../errors.ts'
import { decimal } from '../money/decimal.ts'
import { chargedVatRatePercent, isVatCharged, parseTaxTreatment } from './tax-treatment.ts'
import { isCommonVatRate, parseVatRatePercent } from './vat-rate.ts'

describe('tax treatment', () => {
  test.each([
    ['standard', true, 25n],
    ['zero-rated', false, 0n],
    ['reverse-charge', false, 0n],
    ['exempt', false, 0n],
  ] as const)('a %s line charges VAT: %s, at %s percent', (treatment, charged, ratePercent) => {
    const rate = chargedVatRatePercent(decimal(25n), treatment)

    expect(isVatCharged(treatment)).toBe(charged)
    expect(rate.units).toBe(ratePercent)
  })

  test('refuses an unknown treatment naming the field', () => {
    let raised: unknown

    try {
      parseTaxTreatment('reversed', 'lines[1].taxTreatment')
    } catch (error) {
      raised = error
    }

    expect(raised).toBeInstanceOf(DomainError)
    expect((raised as DomainError).details.field).toBe('lines[1].taxTreatment')
  })
})

describe('VAT rates', () => {
  test('reads a rate from a wire number', () => {
    const rate = parseVatRatePercent(25, 'items[0].vat')

    expect(rate).toEqual({ units: 25n, scale: 0 })
  })

  test('refuses a negative rate', () => {
    const parse = () => parseVatRatePercent('-6', 'items[0].vat')

    expect(parse).toThrow(DomainError)
  })

  test.each([
    ['SE', decimal(600n, 2), true],
    ['SE', decimal(19n), false],
    ['DE', decimal(7n), true],
    ['DK', decimal(12n), false],
  ] as const)('knows whether %s charges %o', (country, rate, expected) => {
    expect(isCommonVatRate(country, rate)).toBe(expected)
  })
})
