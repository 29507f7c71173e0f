// Reads the statutory table: the value of an item on a day, the late-payment interest rate on a
// day, and the periods of constant rate between two days. The invariant it protects: a number is
// only ever taken from the row in force on the day it applies to, so a rate change on 1 July
// splits the interest of a period that spans it.

import { assert } from '../assert.ts'
import { addDays, isIsoDate } from '../calendar/dates.ts'
import type { CurrencyCode } from '../money/currency.ts'
import { type Decimal, parseDecimal, rescaleDecimal, toMinorUnits } from '../money/decimal.ts'
import {
  STATUTORY_CURRENCIES,
  STATUTORY_ITEMS,
  type StatutoryItem,
  type StatutoryRow,
} from './statutory-table.ts'

export type Debtor = 'consumer' | 'business'

/** Interest rates are counted in ten-thousandths of a percent, so 10.27 % is 102_700. */
export const RATE_SCALE = 4

type Index = ReadonlyMap<string, readonly StatutoryRow[]>

const indexes = new WeakMap<readonly StatutoryRow[], Index>()

/** Rows by country and item, oldest first; built once per table and checked on the way. */
function indexOf(table: readonly StatutoryRow[]): Index {
  const known = indexes.get(table)
  if (known) return known
  checkStatutoryTable(table)
  const index = new Map<string, StatutoryRow[]>()
  for (const row of table) {
    const key = `${row.country}:${row.item}`
    index.set(key, [...(index.get(key) ?? []), row])
  }
  for (const rows of index.values()) rows.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
  indexes.set(table, index)
  return index
}

/** Fails on a row an operator mistyped: a bad date, a value that is not a plain decimal, a repeated day. */
export function checkStatutoryTable(table: readonly StatutoryRow[]): void {
  const seen = new Set<string>()
  for (const row of table) {
    const key = `${row.country}:${row.item}:${row.validFrom}`
    assert(/^[A-Z]{2}$/.test(row.country), `statutory row ${key}: country must be two capital letters`)
    assert((STATUTORY_ITEMS as readonly string[]).includes(row.item), `statutory row ${key}: unknown item`)
    assert(isIsoDate(row.validFrom), `statutory row ${key}: validFrom must be YYYY-MM-DD`)
    assert(!seen.has(key), `statutory row ${key} appears twice`)
    assert(/^-?\d+(\.\d{1,4})?$/.test(row.value), `statutory row ${key}: value must be a plain decimal`)
    assert(row.source.trim() !== '', `statutory row ${key} must name its source`)
    seen.add(key)
  }
}

export function statutoryRowOn(
  table: readonly StatutoryRow[],
  country: string,
  item: StatutoryItem,
  on: string,
): StatutoryRow | undefined {
  const rows = indexOf(table).get(`${country}:${item}`) ?? []
  let found: StatutoryRow | undefined
  for (const row of rows) if (row.validFrom <= on) found = row
  return found
}

function decimalOn(table: readonly StatutoryRow[], country: string, item: StatutoryItem, on: string) {
  const row = statutoryRowOn(table, country, item, on)
  return row ? parseDecimal(row.value, `${country}.${item}`, RATE_SCALE) : undefined
}

function units(value: Decimal): bigint {
  return rescaleDecimal(value, RATE_SCALE, 'half-up').units
}

/** The late-payment rate on a day in ten-thousandths of a percent, or undefined without a table row. */
export function interestRateUnitsOn(
  table: readonly StatutoryRow[],
  country: string,
  debtor: Debtor,
  on: string,
): bigint | undefined {
  const reference = decimalOn(table, country, 'referenceRatePercent', on)
  const marginItem = debtor === 'business' ? 'interestMarginBusinessPercent' : 'interestMarginConsumerPercent'
  const margin = decimalOn(table, country, marginItem, on)
  if (!reference || !margin) return undefined
  const rate = units(reference) + units(margin)
  return rate > 0n ? rate : 0n
}

export type RatePeriod = Readonly<{ fromOn: string; toOn: string; rateUnits: bigint }>

/**
 * The days from `fromOn` to `toOn` (both included) cut where the rate changes; days without a
 * statutory rate are left out. Bounded by the number of rows, not by the number of days.
 */
export function ratePeriods(
  table: readonly StatutoryRow[],
  country: string,
  debtor: Debtor,
  fromOn: string,
  toOn: string,
): RatePeriod[] {
  if (fromOn > toOn) return []
  const index = indexOf(table)
  const marginItem = debtor === 'business' ? 'interestMarginBusinessPercent' : 'interestMarginConsumerPercent'
  const changes = [
    ...(index.get(`${country}:referenceRatePercent`) ?? []),
    ...(index.get(`${country}:${marginItem}`) ?? []),
  ]
    .map((row) => row.validFrom)
    .filter((day) => day > fromOn && day <= toOn)
  const starts = [fromOn, ...new Set(changes)].sort()
  const periods: RatePeriod[] = []
  for (const [position, start] of starts.entries()) {
    const next = starts[position + 1]
    const end = next === undefined ? toOn : addDays(next, -1)
    const rateUnits = interestRateUnitsOn(table, country, debtor, start)
    if (rateUnits !== undefined) periods.push({ fromOn: start, toOn: end, rateUnits })
  }
  return periods
}

/**
 * A fixed amount of the table in minor units, when the invoice is in the currency the law writes
 * it in; a Swedish 60 kronor fee says nothing about an invoice in euros.
 */
export function fixedAmountMinorOn(
  table: readonly StatutoryRow[],
  country: string,
  item: 'reminderFeeMax' | 'businessCompensation',
  on: string,
  currency: CurrencyCode,
): bigint | undefined {
  if (STATUTORY_CURRENCIES[country] !== currency) return undefined
  const value = decimalOn(table, country, item, on)
  return value ? toMinorUnits(value, currency, 'half-up') : undefined
}

/** A whole-number item (a count of reminders or of days), or undefined when the law sets none. */
export function countOn(
  table: readonly StatutoryRow[],
  country: string,
  item: 'reminderFeeMaxCount' | 'reminderFeeMinDaysApart' | 'compensationCoversReminderFees',
  on: string,
): number | undefined {
  const row = statutoryRowOn(table, country, item, on)
  if (!row) return undefined
  const count = Number(row.value)
  assert(Number.isInteger(count) && count >= 0, `statutory ${country}.${item} must be a whole number`)
  return count
}
