// Proves the sales tax rules: the buyer's country and kind pick the zone, and only a product at a
// standard rate changes its tax for an EU business (reverse charge) or a buyer abroad (export).

import { describe, expect, test } from 'vitest'
import { salesTaxZone, taxForZone } from './sales-tax-rule.ts'

describe('salesTaxZone', () => {
  test.each([
    ['DK', 'DK', 'company', 'domestic'],
    ['DK', null, 'person', 'domestic'],
    ['DK', 'DE', 'company', 'eu-business'],
    ['DK', 'SE', 'person', 'eu-consumer'],
    ['DK', 'US', 'company', 'export'],
    ['DK', 'NO', 'person', 'export'],
    ['GB', 'DE', 'company', 'export'],
  ] as const)('seller %s, buyer %s (%s) is %s', (sellerCountry, buyerCountry, buyerKind, zone) => {
    expect(salesTaxZone({ sellerCountry, buyerCountry, buyerKind })).toBe(zone)
  })
})

describe('taxForZone', () => {
  const standard = { vatRatePercent: '25', taxTreatment: 'standard' } as const

  test('a standard rate stays at home and for an EU consumer', () => {
    expect(taxForZone(standard, 'domestic')).toEqual(standard)
    expect(taxForZone(standard, 'eu-consumer')).toEqual(standard)
  })

  test('an EU business is reverse charged and an export is zero-rated', () => {
    expect(taxForZone(standard, 'eu-business')).toEqual({
      vatRatePercent: '0',
      taxTreatment: 'reverse-charge',
    })
    expect(taxForZone(standard, 'export')).toEqual({ vatRatePercent: '0', taxTreatment: 'zero-rated' })
  })

  test('an exempt product stays exempt everywhere', () => {
    const exempt = { vatRatePercent: '0', taxTreatment: 'exempt' } as const
    expect(taxForZone(exempt, 'export')).toEqual(exempt)
    expect(taxForZone(exempt, 'eu-business')).toEqual(exempt)
  })
})
