// Reads a Billogram list request (../shared/reference/billogram.md §2): page, page_size, one
// filter (filter_type field | field-prefix | field-search | special search, filter_field,
// filter_value) and one order (order_field, order_direction), and turns it into the core's list
// spec. Each resource names its wire fields and the core fields behind them.

import type { Filter, ListSpec } from '../../../core/queries/list-spec.ts'
import { addDays, isIsoDate } from '../../../domain/calendar/dates.ts'
import { BillogramWireError } from '../errors.ts'

export type FilterKind = 'text' | 'whole' | 'date'

export type Condition = Readonly<{ filters?: readonly Filter[]; anyOf?: readonly (readonly Filter[])[] }>

export type ListFields = Readonly<{
  filter: Readonly<Record<string, Readonly<{ core: string; kind: FilterKind }>>>
  /** Wire fields whose exact-match filter is not a column comparison (a state name, a type). */
  special?: Readonly<Record<string, (value: string) => Condition>>
  order: Readonly<Record<string, string>>
  /** The core fields a `special` `search` looks in. */
  search: readonly string[]
}>

const FILTER_TYPES = ['field', 'field-prefix', 'field-search', 'special'] as const
export const DEFAULT_PAGE_SIZE = 100
// The documented maximum is 100; older clients (PHP's example) ask for up to 500, and a larger
// page costs nothing that would justify refusing them.
export const MAX_PAGE_SIZE = 500

function badQuery(field: string, message: string): BillogramWireError {
  return new BillogramWireError('INVALID_QUERY_PARAMETER', message, [field])
}

function param(query: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = query[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw badQuery(name, `${name} is given more than once`)
  return value
}

function whole(
  query: Readonly<Record<string, unknown>>,
  name: string,
  fallback: number,
  max: number,
): number {
  const text = param(query, name)
  if (text === undefined || text === '') return fallback
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max)
    throw badQuery(name, `${name} must be a whole number from 1 to ${max}`)
  return Number(text)
}

/** A prefix of a date (2024, 2024-05 or 2024-05-17) as the range of days it covers. */
function dateRange(field: string, core: string, prefix: string): Condition {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(prefix)
  if (!match)
    throw badQuery('filter_value', `${field} is filtered by a date prefix like 2024, 2024-05 or 2024-05-17`)
  const [, year = '', month, day] = match
  const from = `${year}-${month ?? '01'}-${day ?? '01'}`
  if (!isIsoDate(from)) throw badQuery('filter_value', `${prefix} is not a date`)
  const until = day
    ? addDays(from, 1)
    : month
      ? addDays(`${year}-${month}-28`, 4).slice(0, 8) + '01'
      : `${Number(year) + 1}-01-01`
  return {
    filters: [
      { field: core, op: 'gte', value: from },
      { field: core, op: 'lt', value: until },
    ],
  }
}

function fieldCondition(fields: ListFields, type: string, field: string, value: string): Condition {
  if (type === 'special') {
    if (field !== 'search') throw badQuery('filter_field', 'the special filter knows only the field search')
    return {
      anyOf: fields.search.map((core) => [{ field: core, op: 'contains', value, caseInsensitive: true }]),
    }
  }
  const special = fields.special?.[field]
  if (special && type === 'field') return special(value)
  const known = fields.filter[field]
  if (!known) throw badQuery('filter_field', `cannot filter by ${field}`)
  if (known.kind === 'date') {
    if (type === 'field-search') throw badQuery('filter_type', `${field} is filtered by exact date or prefix`)
    return dateRange(field, known.core, value)
  }
  if (known.kind === 'whole') {
    if (type !== 'field')
      throw badQuery('filter_type', `${field} is a number: filter it with filter_type field`)
    if (!/^\d{1,15}$/.test(value)) throw badQuery('filter_value', `${field} must be a whole number`)
    return { filters: [{ field: known.core, op: 'eq', value: BigInt(value) }] }
  }
  if (type === 'field') return { filters: [{ field: known.core, op: 'eq', value }] }
  const op = type === 'field-prefix' ? 'prefix' : 'contains'
  return { filters: [{ field: known.core, op, value, caseInsensitive: true }] }
}

export function listSpecOf(query: Readonly<Record<string, unknown>>, fields: ListFields): ListSpec {
  const page = whole(query, 'page', 1, 1_000_000)
  const pageSize = whole(query, 'page_size', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
  const type = param(query, 'filter_type')
  const field = param(query, 'filter_field')
  const value = param(query, 'filter_value')
  let condition: Condition = {}
  if (type !== undefined || field !== undefined || value !== undefined) {
    if (type === undefined)
      throw new BillogramWireError('MISSING_QUERY_PARAMETER', 'filter_type is required', ['filter_type'])
    if (!(FILTER_TYPES as readonly string[]).includes(type))
      throw badQuery('filter_type', `filter_type must be one of ${FILTER_TYPES.join(', ')}`)
    if (field === undefined)
      throw new BillogramWireError('MISSING_QUERY_PARAMETER', 'filter_field is required', ['filter_field'])
    if (value === undefined)
      throw new BillogramWireError('MISSING_QUERY_PARAMETER', 'filter_value is required', ['filter_value'])
    condition = fieldCondition(fields, type, field, value)
  }
  const orderField = param(query, 'order_field')
  const direction = param(query, 'order_direction') ?? 'asc'
  if (direction !== 'asc' && direction !== 'desc')
    throw badQuery('order_direction', 'order_direction must be asc or desc')
  const orderCore = orderField === undefined ? undefined : fields.order[orderField]
  if (orderField !== undefined && orderCore === undefined)
    throw badQuery('order_field', `cannot order by ${orderField}`)
  return {
    ...(condition.filters ? { filters: condition.filters } : {}),
    ...(condition.anyOf ? { anyOf: condition.anyOf } : {}),
    orderBy: orderCore ? [{ field: orderCore, direction }] : [],
    limit: pageSize,
    offset: (page - 1) * pageSize,
  }
}
