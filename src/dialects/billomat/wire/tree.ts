// The shape of every Billomat answer before it becomes XML or JSON: named records of typed
// scalars and nested collections, in the vendor's field order. Both renderers read this one tree,
// so an answer cannot differ between the formats in anything but their syntax
// (../shared/reference/billomat.md §1.4, §1.5).

import { type CurrencyCode, currencyExponent } from '../../../domain/money/currency.ts'
import { type Decimal, formatDecimal, normalizeDecimal } from '../../../domain/money/decimal.ts'

/** XML's `type` attribute; strings, enums and booleans carry none. */
export type ScalarType = 'string' | 'integer' | 'float' | 'date' | 'datetime'

export type WireField =
  | Readonly<{ kind: 'scalar'; name: string; type: ScalarType; value: string | null }>
  | Readonly<{ kind: 'list'; list: WireList }>
  | Readonly<{ kind: 'record'; record: WireRecord }>

export type WireRecord = Readonly<{ name: string; fields: readonly WireField[] }>

export type WireList = Readonly<{
  /** The plural wrapper, e.g. `invoices` or `taxes`. */
  name: string
  /** The element of each item, e.g. `invoice` or `tax`. */
  itemName: string
  /** Attributes of the wrapper besides XML's type="array": page, per_page, total, currency_code. */
  attributes: readonly (readonly [string, string])[]
  items: readonly WireRecord[]
}>

const scalar = (name: string, type: ScalarType, value: string | null): WireField => ({
  kind: 'scalar',
  name,
  type,
  value,
})

export const str = (name: string, value: string | null | undefined): WireField =>
  scalar(name, 'string', value ?? null)

export const int = (name: string, value: bigint | number | string | null | undefined): WireField =>
  scalar(name, 'integer', value == null || value === '' ? null : String(value))

/** A decimal written without trailing zeros, as Billomat's JSON writes them ("12", "4615.5"). */
export const float = (name: string, value: Decimal | string | null | undefined): WireField =>
  scalar(
    name,
    'float',
    value == null || value === ''
      ? null
      : typeof value === 'string'
        ? value
        : formatDecimal(normalizeDecimal(value)),
  )

/**
 * Minor units as Billomat writes amounts: the currency's decimals without trailing zeros
 * (1490n EUR is "14.9", 1200n is "12"). Written from the bigint's digits by hand: lists of a
 * thousand documents format tens of thousands of amounts.
 */
export function minorToWire(amountMinor: bigint, exponent: number): string {
  const negative = amountMinor < 0n
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(exponent + 1, '0')
  const whole = digits.slice(0, digits.length - exponent)
  let end = exponent
  while (end > 0 && digits.charCodeAt(digits.length - exponent + end - 1) === 48) end -= 1
  const fraction = digits.slice(digits.length - exponent, digits.length - exponent + end)
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`
}

export const money = (
  name: string,
  amountMinor: bigint | null | undefined,
  currency: CurrencyCode,
): WireField =>
  scalar(name, 'float', amountMinor == null ? null : minorToWire(amountMinor, currencyExponent(currency)))

export const date = (name: string, value: string | null | undefined): WireField =>
  scalar(name, 'date', value || null)

/** Instants as Billomat writes them: seconds precision and a numeric offset (2007-12-13T12:12:00+01:00). */
export const datetime = (name: string, isoInstant: string | null | undefined): WireField =>
  scalar(name, 'datetime', isoInstant ? `${new Date(isoInstant).toISOString().slice(0, 19)}+00:00` : null)

export const bool = (name: string, value: boolean | null | undefined): WireField =>
  scalar(name, 'string', value == null ? null : value ? '1' : '0')

export const nested = (list: WireList): WireField => ({ kind: 'list', list })

export const child = (record: WireRecord): WireField => ({ kind: 'record', record })

export function record(name: string, fields: readonly WireField[]): WireRecord {
  return { name, fields }
}

export function list(
  name: string,
  itemName: string,
  items: readonly WireRecord[],
  attributes: readonly (readonly [string, string])[] = [],
): WireList {
  return { name, itemName, items, attributes }
}

export function pagedAttributes(page: number, perPage: number, total: number): [string, string][] {
  return [
    ['page', String(page)],
    ['per_page', String(perPage)],
    ['total', String(total)],
  ]
}
