// `group_by` on invoices and credit notes (seed 002 "Aggregated list of invoices"): client,
// status, day, week (from Monday), month and year, in the order given, with total_gross and
// total_net per group and the parameters that list the group's documents (invoice-params, §5).
// The core sums per core state; two states Billomat names alike (overdue and with a collection
// partner) are added together here, since the client sees one status.

import type { InvoiceGroup, InvoiceGrouping } from '../../../core/invoices/aggregate-invoices.ts'
import { addDays } from '../../../domain/calendar/dates.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { InvoiceState } from '../../../domain/invoicing/lifecycle.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { child, date, int, list, money, record, str, type WireField, type WireList } from '../wire/tree.ts'
import { groupStatusOf } from './status.ts'

const GROUPINGS: Readonly<Record<string, InvoiceGrouping>> = {
  client: 'contact',
  status: 'state',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
}

export function groupingsOf(values: readonly string[]): InvoiceGrouping[] {
  const groupings = values.map((value) => {
    const grouping = GROUPINGS[value.toLowerCase()]
    if (!grouping)
      throw invalidField('group_by', `group_by takes ${Object.keys(GROUPINGS).join(', ')}; got ${value}`)
    return grouping
  })
  if (new Set(groupings).size !== groupings.length)
    throw invalidField('group_by', 'group_by names a grouping twice')
  return groupings
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** YYYY-MM's last day by the Gregorian rules, without a Date per group. */
function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4))
  const monthNo = Number(month.slice(5, 7))
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = monthNo === 2 && leap ? 29 : (DAYS_IN_MONTH[monthNo - 1] ?? 31)
  return `${month}-${days}`
}

function keyFields(
  grouping: InvoiceGrouping,
  value: string | null,
): { shown: WireField[]; params: WireField[] } {
  switch (grouping) {
    case 'contact':
      return { shown: [int('client_id', value)], params: [int('client_id', value)] }
    case 'state':
      return { shown: [str('status', value)], params: [str('status', value)] }
    case 'day':
      return { shown: [date('day', value)], params: [date('from', value), date('to', value)] }
    case 'week':
      return {
        shown: [date('week', value)],
        params: [date('from', value), date('to', value ? addDays(value, 6) : null)],
      }
    case 'month':
      return {
        shown: [str('month', value)],
        params: [
          date('from', value ? `${value}-01` : null),
          date('to', value ? lastDayOfMonth(value) : null),
        ],
      }
    case 'year':
      return {
        shown: [int('year', value)],
        params: [date('from', value ? `${value}-01-01` : null), date('to', value ? `${value}-12-31` : null)],
      }
  }
}

/** One from and one to: the narrowest period when several time groupings are combined. */
function narrowest(params: readonly WireField[]): WireField[] {
  const byName = new Map<string, WireField>()
  for (const param of params) {
    const name = param.kind === 'scalar' ? param.name : ''
    const previous = byName.get(name)
    const value = param.kind === 'scalar' ? param.value : null
    const kept = previous?.kind === 'scalar' ? previous.value : null
    const later = value !== null && (kept === null || (name === 'from' ? value > kept : value < kept))
    if (!previous || (name !== 'from' && name !== 'to') || later) byName.set(name, param)
  }
  return [...byName.values()]
}

type Merged = { keys: (string | null)[]; currency: string; netMinor: bigint; grossMinor: bigint }

function merge(groups: readonly InvoiceGroup[], groupings: readonly InvoiceGrouping[]): Merged[] {
  const merged = new Map<string, Merged>()
  for (const group of groups) {
    const keys = groupings.map((grouping) => {
      const value = group.keys[grouping] ?? null
      return grouping === 'state' && value ? groupStatusOf(value as InvoiceState) : value
    })
    const key = `${keys.join('\u0000')}\u0000${group.currency}`
    const existing = merged.get(key)
    if (existing) {
      existing.netMinor += group.netMinor
      existing.grossMinor += group.grossMinor
    } else
      merged.set(key, {
        keys,
        currency: group.currency,
        netMinor: group.netMinor,
        grossMinor: group.grossMinor,
      })
  }
  return [...merged.values()]
}

export function groupsToWire(
  prefix: 'invoice' | 'credit-note',
  groups: readonly InvoiceGroup[],
  groupings: readonly InvoiceGrouping[],
  accountCurrency: string,
): WireList {
  const merged = merge(groups, groupings)
  const currencies = new Set(merged.map((group) => group.currency))
  const single = currencies.size <= 1
  const items = merged.map((group) => {
    const fields = groupings.map((grouping, index) => {
      // State keys were renamed to statuses by merge(); keyFields takes the core state.
      const value = group.keys[index] ?? null
      return grouping === 'state'
        ? { shown: [str('status', value)], params: [str('status', value)] }
        : keyFields(grouping, value)
    })
    const currency = group.currency as CurrencyCode
    return record(`${prefix}-group`, [
      money('total_gross', group.grossMinor, currency),
      money('total_net', group.netMinor, currency),
      ...(single ? [] : [str('currency_code', group.currency)]),
      ...fields.flatMap((field) => field.shown),
      child(record(`${prefix}-params`, narrowest(fields.flatMap((field) => field.params)))),
    ])
  })
  const currency = single ? ([...currencies][0] ?? accountCurrency) : undefined
  return list(`${prefix}-groups`, `${prefix}-group`, items, currency ? [['currency_code', currency]] : [])
}
