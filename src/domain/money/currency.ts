// ISO 4217 currencies Faktura accepts, with the exponent that fixes the size of each minor unit.
// An amount is only meaningful with its currency, so every parse of a code goes through here.

import { invalidField } from '../errors.ts'

/** ISO 4217 exponents: how many decimal digits the minor unit has. */
export const CURRENCY_EXPONENTS = {
  SEK: 2,
  DKK: 2,
  NOK: 2,
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  ISK: 0,
  JPY: 0,
  CAD: 2,
  AUD: 2,
} as const satisfies Record<string, number>

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(CURRENCY_EXPONENTS, value)
}

export function parseCurrencyCode(value: unknown, field = 'currency'): CurrencyCode {
  const code = typeof value === 'string' ? value.toUpperCase() : undefined
  if (code !== undefined && isCurrencyCode(code)) return code
  throw invalidField(field, `${field} must be a supported ISO 4217 code, got ${JSON.stringify(value)}`)
}

export function currencyExponent(currency: CurrencyCode): number {
  return CURRENCY_EXPONENTS[currency]
}
