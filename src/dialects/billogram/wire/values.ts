// How Billogram writes values on the wire (../shared/reference/billogram.md §1): timestamps as UTC
// `YYYY-MM-DD HH:MM:SS` (Java parses that exact pattern, so never a `T`), dates as `YYYY-MM-DD`,
// money as a JSON number. Numbers are written from their exact decimal text through
// JSON.rawJSON, so no amount ever passes through a binary float on its way out.

import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { formatDecimal, minorToDecimal, parseDecimal } from '../../../domain/money/decimal.ts'

/** A value JSON.stringify writes as the given number text, verbatim. */
export type RawNumber = Readonly<{ rawJSON: string }>

const rawJson = (JSON as unknown as { rawJSON(text: string): RawNumber }).rawJSON

export function rawNumber(text: string): RawNumber {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a plain decimal: ${text}`)
  return rawJson(text)
}

/** An amount in minor units as a JSON number in major units, without trailing zeros (411, 82.25). */
export function moneyOut(amountMinor: bigint, currency: string): RawNumber {
  return rawNumber(formatDecimal(minorToDecimal(amountMinor, currency as CurrencyCode)))
}

/** A stored decimal string (a quantity, a price, a rate) as a JSON number. */
export function decimalOut(value: string): RawNumber {
  return rawNumber(formatDecimal(parseDecimal(value, 'value')))
}

export function timestampOut(iso: string): string
export function timestampOut(iso: string | null): string | null
export function timestampOut(iso: string | null): string | null {
  if (iso === null) return null
  const instant = new Date(iso)
  if (Number.isNaN(instant.getTime())) throw new Error(`not an instant: ${iso}`)
  return instant.toISOString().slice(0, 19).replace('T', ' ')
}

/** Whole-number ids and counters, which Java reads into Integer fields. */
export function wholeOut(value: bigint | number): RawNumber {
  return rawNumber(String(value))
}
