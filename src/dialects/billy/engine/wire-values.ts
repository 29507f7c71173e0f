// Billy's wire values: amounts are JSON numbers (`"amount": 1250.5`), dates YYYY-MM-DD and
// times "YYYY-MM-DDTHH:mm:ss" without a zone (../shared/reference/billy.md section 6). Amounts are
// written from bigint minor units as decimal text and emitted as raw JSON number tokens, so no
// amount ever passes through a binary float on its way out.

import { invalidField } from '../../../domain/errors.ts'
import { currencyExponent, parseCurrencyCode } from '../../../domain/money/currency.ts'
import {
  compareDecimal,
  decimal,
  formatDecimal,
  minorToDecimalString,
  parseDecimal,
  rescaleDecimal,
} from '../../../domain/money/decimal.ts'

type RawJson = Readonly<{ rawJSON: string }>

const rawJson = (JSON as unknown as { rawJSON: (text: string) => RawJson }).rawJSON

const DECIMAL_TOKEN = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/

/** A decimal string as an unquoted JSON number token. */
export function jsonNumber(text: string): RawJson {
  if (!DECIMAL_TOKEN.test(text)) throw new Error(`not a JSON number token: ${text}`)
  return rawJson(text)
}

/** An amount of money in minor units as a JSON number with the currency's decimals. */
export function moneyNumber(amountMinor: bigint, currency: string): RawJson {
  return jsonNumber(minorToDecimalString(amountMinor, parseCurrencyCode(currency)))
}

/** A stored decimal (quantity, unit price) as a JSON number without trailing zeros. */
export function decimalNumber(text: string): RawJson {
  return jsonNumber(formatDecimal(parseDecimal(text, 'value')))
}

/** A percentage ('25') as Billy's fraction (0.25), exactly. */
export function percentAsFraction(percentText: string): RawJson {
  const percent = parseDecimal(percentText, 'rate')
  return jsonNumber(formatDecimal(decimal(percent.units, percent.scale + 2)))
}

/** An ISO instant as Billy writes times: UTC, seconds, no zone. */
export function wireTime(iso: string | null | undefined): string | null {
  if (!iso) return null
  return new Date(iso).toISOString().slice(0, 19)
}

/**
 * A decimal amount from the wire as minor units of `currency`; refuses more decimals than the
 * currency has, because silently rounding a client's amount would change what it booked.
 */
export function amountToMinor(text: string, currency: string, field: string): bigint {
  const code = parseCurrencyCode(currency, 'currencyId')
  const value = parseDecimal(text, field)
  const minor = rescaleDecimal(value, currencyExponent(code), 'half-up')
  if (compareDecimal(minor, value) !== 0)
    throw invalidField(field, `${field} has more decimals than ${code} allows`)
  return minor.units
}
