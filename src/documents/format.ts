// Locale formatting of amounts, decimals and dates for documents, written by hand from bigint minor
// units and decimal strings: a float never touches a printed amount, and the output does not
// depend on the ICU version Node was built with.
//
// Choices (one per locale, so every document of a locale looks the same):
//   numbers  sv "1 234,50"   da "1.234,50"   de "1.234,50"   en "1,234.50"
//   dates    sv 2026-11-22   da 22.11.2026   de 22.11.2026   en 22 Nov 2026
// Swedish groups with a plain space rather than a no-break space: the PDF's standard font and
// text extraction treat it predictably, and both renderers keep amounts from wrapping themselves.
// English dates spell the month so that neither a US nor a UK reader can misread them.

import { assert } from '../domain/assert.ts'
import { type CurrencyCode, currencyExponent } from '../domain/money/currency.ts'
import type { DocumentLocale } from './invoice-document-view.ts'

type NumberStyle = Readonly<{ groupSeparator: string; decimalSeparator: string }>

const NUMBER_STYLES = {
  sv: { groupSeparator: ' ', decimalSeparator: ',' },
  da: { groupSeparator: '.', decimalSeparator: ',' },
  de: { groupSeparator: '.', decimalSeparator: ',' },
  en: { groupSeparator: ',', decimalSeparator: '.' },
} as const satisfies Record<DocumentLocale, NumberStyle>

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function groupDigits(digits: string, separator: string): string {
  let grouped = ''
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3)
    grouped = digits.slice(start, end) + (grouped === '' ? '' : separator + grouped)
  }
  return grouped
}

/** Formats an integer count of minor units with `exponent` decimals, e.g. 123450n, 2 -> "1 234,50". */
export function formatMinor(amountMinor: bigint, exponent: number, locale: DocumentLocale): string {
  assert(Number.isInteger(exponent) && exponent >= 0 && exponent <= 4, 'exponent must be 0..4')
  const style = NUMBER_STYLES[locale]
  const negative = amountMinor < 0n
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(exponent + 1, '0')
  const integerPart = digits.slice(0, digits.length - exponent)
  const fractionPart = digits.slice(digits.length - exponent)
  const grouped = groupDigits(integerPart, style.groupSeparator)
  return (negative ? '-' : '') + grouped + (exponent > 0 ? style.decimalSeparator + fractionPart : '')
}

/** An amount in the currency's own number of decimals, without the currency code. */
export function formatAmount(amountMinor: bigint, currency: CurrencyCode, locale: DocumentLocale): string {
  return formatMinor(amountMinor, currencyExponent(currency), locale)
}

/** An amount with its ISO code: "EUR 1,234.50" in English, "1.234,50 EUR" elsewhere. */
export function formatMoney(amountMinor: bigint, currency: CurrencyCode, locale: DocumentLocale): string {
  const amount = formatAmount(amountMinor, currency, locale)
  return locale === 'en' ? `${currency} ${amount}` : `${amount} ${currency}`
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/

/** Formats a plain decimal string ("1234.500") per locale, dropping trailing fraction zeros: "1 234,5". */
export function formatDecimal(value: string, locale: DocumentLocale): string {
  const match = PLAIN_DECIMAL.exec(value)
  assert(match !== null, `not a plain decimal: ${JSON.stringify(value)}`)
  const style = NUMBER_STYLES[locale]
  const integerPart = (match[2] ?? '0').replace(/^0+(?=\d)/, '')
  const fractionPart = (match[3] ?? '').replace(/0+$/, '')
  const isZero = /^0*$/.test(integerPart + fractionPart)
  const sign = match[1] === '-' && !isZero ? '-' : ''
  const grouped = groupDigits(integerPart, style.groupSeparator)
  return sign + grouped + (fractionPart === '' ? '' : style.decimalSeparator + fractionPart)
}

/** A VAT rate: "25 %" (sv, da, de: a space before % as their style guides ask), "25%" (en). */
export function formatPercent(value: string, locale: DocumentLocale): string {
  return formatDecimal(value, locale) + (locale === 'en' ? '%' : ' %')
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Formats an ISO calendar date (YYYY-MM-DD) per locale; see the table at the top of this file. */
export function formatDate(isoDate: string, locale: DocumentLocale): string {
  const match = ISO_DATE.exec(isoDate)
  assert(match !== null, `not an ISO date: ${JSON.stringify(isoDate)}`)
  const [, year, month, day] = match as unknown as [string, string, string, string]
  const monthIndex = Number(month) - 1
  assert(monthIndex >= 0 && monthIndex < 12 && Number(day) >= 1 && Number(day) <= 31, `bad date ${isoDate}`)
  switch (locale) {
    case 'sv':
      return isoDate
    case 'da':
    case 'de':
      return `${day}.${month}.${year}`
    case 'en':
      return `${Number(day)} ${EN_MONTHS[monthIndex]} ${year}`
  }
}

/** Groups an IBAN in fours for print ("DE89 3704 ..."), the form ECBS recommends for paper. */
export function formatIbanForPrint(iban: string): string {
  return groupInFours(iban.replace(/\s+/g, '').toUpperCase())
}

export function groupInFours(value: string): string {
  return value.replace(/(.{4})(?=.)/g, '$1 ')
}
