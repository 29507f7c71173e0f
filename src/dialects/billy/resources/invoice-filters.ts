// The documented filters of GET /v2/invoices as the core's list spec, including Billy's period
// syntax (`month:2024-05`, `quarter:2024-2`, `dates:A...B`, ...) and `q`, which searches the
// number, the contact's name and the amounts (../shared/reference/billy.md section 2).

import type { Filter, ListSpec, OrderBy } from '../../../core/queries/list-spec.ts'
import { addDays, isIsoDate } from '../../../domain/calendar/dates.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { ListQuery } from '../engine/resource.ts'
import { amountToMinor } from '../engine/wire-values.ts'
import { coreStatesOf } from './invoice-wire.ts'

type Range = Readonly<{ from?: string; through?: string }>

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
}

function monthsRange(year: number, firstMonth: number, months: number): Range {
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`
  return { from, through: lastDayOfMonth(year, firstMonth + months - 1) }
}

/** Billy's period syntax as an inclusive date range; `all` is no range. */
export function periodRange(period: string, field: string): Range {
  const [kind = '', value = ''] = period.split(/:(.*)/s)
  const bad = () => invalidField(field, `${field} ${JSON.stringify(period)} is not a period Billy knows`)
  const year = Number(value.slice(0, 4))
  const part = Number(value.slice(5))
  switch (kind) {
    case 'all':
      return {}
    case 'dates': {
      const [from = '', through = ''] = value.split('...')
      if (!isIsoDate(from) || !isIsoDate(through)) throw bad()
      return { from, through }
    }
    case 'day':
      if (!isIsoDate(value)) throw bad()
      return { from: value, through: value }
    case 'from':
      if (!isIsoDate(value)) throw bad()
      return { from: value }
    case 'through':
      if (!isIsoDate(value)) throw bad()
      return { through: value }
    case 'month':
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw bad()
      return monthsRange(year, part, 1)
    case 'quarter':
      if (!/^\d{4}-[1-4]$/.test(value)) throw bad()
      return monthsRange(year, (part - 1) * 3 + 1, 3)
    case 'half':
    case 'halfYear':
      if (!/^\d{4}-[12]$/.test(value)) throw bad()
      return monthsRange(year, (part - 1) * 6 + 1, 6)
    case 'year':
    case 'fiscalYear':
      if (!/^\d{4}$/.test(value)) throw bad()
      return monthsRange(year, 1, 12)
    default:
      throw bad()
  }
}

function rangeFilters(field: string, range: Range, asTime: boolean): Filter[] {
  const filters: Filter[] = []
  if (range.from) filters.push({ field, op: 'gte', value: range.from })
  // A time on the last day is before the next day's midnight.
  if (range.through)
    filters.push(
      asTime
        ? { field, op: 'lt', value: addDays(range.through, 1) }
        : { field, op: 'lte', value: range.through },
    )
  return filters
}

function timeText(value: string): string {
  return value.replace(' ', 'T')
}

function amountFilters(f: ListQuery['filters'], currency: string): Filter[] {
  if (!f.amount) return []
  return [
    { field: 'netMinor', op: 'in', value: f.amount.map((text) => amountToMinor(text, currency, 'amount')) },
  ]
}

export function invoiceFilters(query: ListQuery, baseCurrency: string): Filter[] {
  const f = query.filters
  const filters: Filter[] = []
  const inFilter = (name: string, field: string) => {
    const values = f[name]
    if (values) filters.push({ field, op: 'in', value: values })
  }
  inFilter('contactId', 'contactId')
  inFilter('creditedInvoiceId', 'creditedInvoiceId')
  inFilter('invoiceNo', 'number')
  inFilter('currencyId', 'currency')
  if (f.state) filters.push({ field: 'state', op: 'in', value: f.state.flatMap(coreStatesOf) })
  if (f.type)
    filters.push({
      field: 'kind',
      op: 'in',
      value: f.type.map((type) => (type === 'creditNote' ? 'credit_note' : 'invoice')),
    })
  if (f.isPaid?.[0] === 'true') {
    filters.push({ field: 'state', op: 'in', value: coreStatesOf('approved') })
    filters.push({ field: 'balanceMinor', op: 'lte', value: 0n })
  } else if (f.isPaid?.[0] === 'false') filters.push({ field: 'balanceMinor', op: 'gt', value: 0n })
  for (const [min, max, field] of [
    ['minEntryDate', 'maxEntryDate', 'invoiceDate'],
    ['minDueDate', 'maxDueDate', 'dueDate'],
  ] as const) {
    const [from, through] = [f[min]?.[0], f[max]?.[0]]
    if (from) filters.push({ field, op: 'gte', value: from })
    if (through) filters.push({ field, op: 'lte', value: through })
  }
  if (f.entryDatePeriod)
    filters.push(
      ...rangeFilters('invoiceDate', periodRange(f.entryDatePeriod[0] ?? '', 'entryDatePeriod'), false),
    )
  if (f.minApprovedTime)
    filters.push({ field: 'approvedAt', op: 'gte', value: timeText(f.minApprovedTime[0] ?? '') })
  if (f.maxApprovedTime)
    filters.push({ field: 'approvedAt', op: 'lte', value: timeText(f.maxApprovedTime[0] ?? '') })
  if (f.approvedTimePeriod)
    filters.push(
      ...rangeFilters('approvedAt', periodRange(f.approvedTimePeriod[0] ?? '', 'approvedTimePeriod'), true),
    )
  filters.push(...amountFilters(f, baseCurrency))
  return filters
}

/** `q`: the number or the contact's name contains it, or an amount equals it. */
export function invoiceSearch(q: string | undefined, currency: string): ListSpec['anyOf'] {
  if (!q) return undefined
  const groups: Filter[][] = [
    [{ field: 'number', op: 'contains', value: q, caseInsensitive: true }],
    [{ field: 'contactName', op: 'contains', value: q, caseInsensitive: true }],
  ]
  if (/^-?\d+(\.\d{1,2})?$/.test(q)) {
    const amountMinor = amountToMinor(q, currency, 'q')
    for (const field of ['netMinor', 'grossMinor', 'balanceMinor'])
      groups.push([{ field, op: 'eq', value: amountMinor }])
  }
  return groups
}

const SORT_FIELDS: Readonly<Record<string, string>> = {
  entryDate: 'invoiceDate',
  dueDate: 'dueDate',
  createdTime: 'createdAt',
  invoiceNo: 'numberSeq',
  amount: 'netMinor',
  grossAmount: 'grossMinor',
  balance: 'balanceMinor',
  'contact.name': 'contactName',
  approvedTime: 'approvedAt',
}

export const INVOICE_SORTABLE = Object.keys(SORT_FIELDS)

export function invoiceOrder(query: ListQuery): OrderBy[] {
  if (!query.sort) return []
  const field = SORT_FIELDS[query.sort.property] ?? 'createdAt'
  const order: OrderBy[] = [{ field, direction: query.sort.direction }]
  // Numbers chosen by hand have no sequence; their text orders them among each other.
  return field === 'numberSeq' ? [...order, { field: 'number', direction: query.sort.direction }] : order
}
