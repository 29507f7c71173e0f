// Formatting and validation of invoice numbering series. The invariant it protects: a series that
// passes validation formats every sequence number into a unique, stable text (prefix + the number
// left-padded with zeros), so the gap-free numbers storage allocates stay gap-free and unambiguous
// on paper. Allocating the next number is storage's job, under a row lock; this file is pure.
// Billomat semantics (../shared/reference/billomat.md section 4): invoice_number = number_pre +
// number left-padded to number_length, where 0 means no padding. A prefix may carry the date
// placeholders [YYYY], [MM] and [DD], expanded from the invoice date the caller passes, since the
// domain has no clock ("RE-[YYYY]-" numbers 2024's invoices RE-2024-00001, RE-2024-00002, ...).

import { assert } from '../assert.ts'
import { invalidField } from '../errors.ts'

export type NumberingSeries = Readonly<{
  /** Printed before the number; may hold [YYYY], [MM] and [DD]. Empty for bare numbers. */
  prefix: string
  /** Minimum digits of the number, zero-filled on the left; 0 means no padding. */
  padding: number
  /** The number the next approved invoice gets. */
  nextNumber: number
}>

export const MAX_PREFIX_LENGTH = 30
export const MAX_PADDING = 20

const DATE_PLACEHOLDER = /\[(YYYY|MM|DD)\]/g
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/

/** Refuses a series with the field to blame (`numberingSeries.prefix`, ...), or returns it unchanged. */
export function validateNumberingSeries(series: NumberingSeries, field = 'numberingSeries'): NumberingSeries {
  checkPrefix(series.prefix, `${field}.prefix`)
  checkPadding(series.padding, `${field}.padding`)
  checkSequenceNumber(series.nextNumber, `${field}.nextNumber`)
  return series
}

export function hasDatePlaceholders(prefix: string): boolean {
  return new RegExp(DATE_PLACEHOLDER.source).test(prefix)
}

/**
 * The prefix with its date placeholders filled from `issuedOn` (YYYY-MM-DD). Storage keys a
 * series' counter by the expanded prefix when numbers restart each year (Billomat's
 * number_range_mode CONSIDER_PREFIX), so this is also that key.
 */
export function expandPrefix(prefix: string, issuedOn?: string): string {
  if (!hasDatePlaceholders(prefix)) return prefix
  assert(issuedOn !== undefined, 'a prefix with date placeholders needs the invoice date')
  const match = ISO_DATE.exec(issuedOn)
  if (match === null || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw invalidField(
      'issuedOn',
      `issuedOn must be a date written YYYY-MM-DD, got ${JSON.stringify(issuedOn)}`,
    )
  }
  const parts: Readonly<Record<string, string>> = { YYYY: match[1]!, MM: match[2]!, DD: match[3]! }
  return prefix.replace(DATE_PLACEHOLDER, (_, placeholder: string) => parts[placeholder]!)
}

/** `formatInvoiceNumber({ prefix: 'RE-', padding: 5 }, 42)` is 'RE-00042'; a longer number is never cut. */
export function formatInvoiceNumber(
  series: Pick<NumberingSeries, 'prefix' | 'padding'>,
  sequenceNumber: number,
  issuedOn?: string,
): string {
  checkPrefix(series.prefix, 'prefix')
  checkPadding(series.padding, 'padding')
  checkSequenceNumber(sequenceNumber, 'number')
  return expandPrefix(series.prefix, issuedOn) + String(sequenceNumber).padStart(series.padding, '0')
}

function checkPrefix(prefix: string, field: string): void {
  if (prefix.length > MAX_PREFIX_LENGTH) {
    throw invalidField(field, `${field} must be at most ${MAX_PREFIX_LENGTH} characters`)
  }
  if (hasControlCharacter(prefix)) throw invalidField(field, `${field} must not contain control characters`)
}

function checkPadding(padding: number, field: string): void {
  if (!Number.isInteger(padding) || padding < 0 || padding > MAX_PADDING) {
    throw invalidField(field, `${field} must be a whole number from 0 to ${MAX_PADDING}, got ${padding}`)
  }
}

function checkSequenceNumber(sequenceNumber: number, field: string): void {
  if (!Number.isSafeInteger(sequenceNumber) || sequenceNumber < 1) {
    throw invalidField(field, `${field} must be a whole number of 1 or more, got ${sequenceNumber}`)
  }
}

/** A tab or newline in a prefix would break every document and file format the number is printed in. */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
