// Proves the per-locale formatting of amounts, decimals, rates and dates, straight from bigint and
// decimal strings, including zero, negative and sub-unit amounts and zero-decimal currencies.

import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDecimal,
  formatIbanForPrint,
  formatMinor,
  formatMoney,
  formatPercent,
} from '../../src/documents/format.ts'
import type { DocumentLocale } from '../../src/documents/invoice-document-view.ts'

const LOCALES: readonly DocumentLocale[] = ['sv', 'da', 'de', 'en']

describe('formatMinor', () => {
  const cases: [bigint, number, Record<DocumentLocale, string>][] = [
    [0n, 2, { sv: '0,00', da: '0,00', de: '0,00', en: '0.00' }],
    [5n, 2, { sv: '0,05', da: '0,05', de: '0,05', en: '0.05' }],
    [-5n, 2, { sv: '-0,05', da: '-0,05', de: '-0,05', en: '-0.05' }],
    [99999n, 2, { sv: '999,99', da: '999,99', de: '999,99', en: '999.99' }],
    [100000n, 2, { sv: '1 000,00', da: '1.000,00', de: '1.000,00', en: '1,000.00' }],
    [123450n, 2, { sv: '1 234,50', da: '1.234,50', de: '1.234,50', en: '1,234.50' }],
    [-123450n, 2, { sv: '-1 234,50', da: '-1.234,50', de: '-1.234,50', en: '-1,234.50' }],
    [
      123456789012n,
      2,
      { sv: '1 234 567 890,12', da: '1.234.567.890,12', de: '1.234.567.890,12', en: '1,234,567,890.12' },
    ],
    [1234n, 0, { sv: '1 234', da: '1.234', de: '1.234', en: '1,234' }],
    [-999n, 0, { sv: '-999', da: '-999', de: '-999', en: '-999' }],
  ]
  for (const [amountMinor, exponent, expected] of cases) {
    for (const locale of LOCALES) {
      it(`formats ${amountMinor} with ${exponent} decimals as ${expected[locale]} in ${locale}`, () => {
        expect(formatMinor(amountMinor, exponent, locale)).toBe(expected[locale])
      })
    }
  }

  it('formats amounts beyond the range of a double exactly', () => {
    expect(formatMinor(900719925474099312n, 2, 'de')).toBe('9.007.199.254.740.993,12')
  })
})

describe('formatMoney', () => {
  it('puts the ISO code before the amount in English and after it elsewhere', () => {
    expect(formatMoney(123450n, 'EUR', 'en')).toBe('EUR 1,234.50')
    expect(formatMoney(123450n, 'EUR', 'de')).toBe('1.234,50 EUR')
    expect(formatMoney(123450n, 'SEK', 'sv')).toBe('1 234,50 SEK')
  })

  it('uses the currency exponent, so yen have no decimals', () => {
    expect(formatMoney(123450n, 'JPY', 'en')).toBe('JPY 123,450')
  })
})

describe('formatDecimal and formatPercent', () => {
  const cases: [string, Record<DocumentLocale, string>][] = [
    ['1.500', { sv: '1,5', da: '1,5', de: '1,5', en: '1.5' }],
    ['1000', { sv: '1 000', da: '1.000', de: '1.000', en: '1,000' }],
    ['0.25', { sv: '0,25', da: '0,25', de: '0,25', en: '0.25' }],
    ['-2.50', { sv: '-2,5', da: '-2,5', de: '-2,5', en: '-2.5' }],
    ['007.000', { sv: '7', da: '7', de: '7', en: '7' }],
    ['-0.000', { sv: '0', da: '0', de: '0', en: '0' }],
  ]
  for (const [value, expected] of cases) {
    for (const locale of LOCALES) {
      it(`formats ${value} as ${expected[locale]} in ${locale}`, () => {
        expect(formatDecimal(value, locale)).toBe(expected[locale])
      })
    }
  }

  it('refuses anything but a plain decimal, so a float never slips through', () => {
    expect(() => formatDecimal('1e3', 'en')).toThrow(/plain decimal/)
    expect(() => formatDecimal('1,5', 'sv')).toThrow(/plain decimal/)
  })

  it('spaces the percent sign in sv, da and de but not in en', () => {
    expect(formatPercent('12.5', 'sv')).toBe('12,5 %')
    expect(formatPercent('25', 'da')).toBe('25 %')
    expect(formatPercent('19.00', 'de')).toBe('19 %')
    expect(formatPercent('20', 'en')).toBe('20%')
  })
})

describe('formatDate', () => {
  it('writes each locale its chosen way', () => {
    expect(formatDate('2026-11-22', 'sv')).toBe('2026-11-22')
    expect(formatDate('2026-11-22', 'da')).toBe('22.11.2026')
    expect(formatDate('2026-11-22', 'de')).toBe('22.11.2026')
    expect(formatDate('2026-11-22', 'en')).toBe('22 Nov 2026')
  })

  it('keeps leading zeros in numeric forms and drops the day zero in English', () => {
    expect(formatDate('2027-01-05', 'de')).toBe('05.01.2027')
    expect(formatDate('2027-01-05', 'en')).toBe('5 Jan 2027')
  })

  it('refuses what is not an ISO calendar date', () => {
    expect(() => formatDate('22.11.2026', 'de')).toThrow(/ISO date/)
    expect(() => formatDate('2026-13-01', 'sv')).toThrow(/bad date/)
  })
})

describe('formatIbanForPrint', () => {
  it('groups the electronic form in fours, upper case', () => {
    expect(formatIbanForPrint('de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00')
    expect(formatIbanForPrint('DK50 0040 0440 1162 43')).toBe('DK50 0040 0440 1162 43')
  })
})
