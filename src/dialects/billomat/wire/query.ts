// Reads the query string as Billomat's clients write it: `+` and `%20` both a space, lists as
// comma-separated values or as `key[]=a&key[]=b` (§1.6), paging by page and per_page (up to 1000,
// §5), and `order_by=field ASC|DESC,...`. The raw URL is read here, so every client's encoding
// takes the same path.

import type { OrderBy } from '../../../core/queries/list-spec.ts'
import { invalidField } from '../../../domain/errors.ts'

export type Query = ReadonlyMap<string, readonly string[]>

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    throw invalidField('query', `the query string holds a malformed escape: ${text.slice(0, 40)}`)
  }
}

export function parseQuery(url: string): Query {
  const query = new Map<string, string[]>()
  const start = url.indexOf('?')
  if (start < 0) return query
  for (const pair of url.slice(start + 1).split('&')) {
    if (pair === '') continue
    const equals = pair.indexOf('=')
    const key = decode(equals < 0 ? pair : pair.slice(0, equals)).replace(/\[\]$/, '')
    const value = equals < 0 ? '' : decode(pair.slice(equals + 1))
    query.set(key, [...(query.get(key) ?? []), value])
  }
  return query
}

export function queryValue(query: Query, name: string): string | undefined {
  const value = query.get(name)?.find((entry) => entry.trim() !== '')
  return value?.trim()
}

/** Every value of the parameter, comma lists split, blanks dropped. */
export function queryList(query: Query, name: string): string[] {
  return (query.get(name) ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '')
}

export function queryIds(query: Query, name: string): bigint[] {
  return queryList(query, name).map((value) => {
    if (!/^\d{1,15}$/.test(value)) throw invalidField(name, `${name} must be a list of ids, got ${value}`)
    return BigInt(value)
  })
}

export function queryDate(query: Query, name: string): string | undefined {
  const value = queryValue(query, name)
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw invalidField(name, `${name} must be a date as YYYY-MM-DD, got ${value}`)
  return value
}

export type Paging = Readonly<{ page: number; perPage: number; limit: number; offset: number }>

export const DEFAULT_PER_PAGE = 100
export const MAX_PER_PAGE = 1000

function positive(query: Query, name: string, fallback: number, max: number): number {
  const value = queryValue(query, name)
  if (value === undefined) return fallback
  const number = Number(value)
  if (!/^\d+$/.test(value) || number < 1 || number > max)
    throw invalidField(name, `${name} must be a whole number from 1 to ${max}, got ${value}`)
  return number
}

export function pagingOf(query: Query): Paging {
  const page = positive(query, 'page', 1, 1_000_000)
  const perPage = positive(query, 'per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE)
  return { page, perPage, limit: perPage, offset: (page - 1) * perPage }
}

/** `order_by=date DESC,id`: Billomat field names mapped through `fields` to the core's. */
export function orderOf(query: Query, fields: Readonly<Record<string, string>>): OrderBy[] {
  return queryList(query, 'order_by').map((part) => {
    const [name = '', direction = 'ASC', ...rest] = part.split(/\s+/)
    const field = fields[name.toLowerCase()]
    const upper = direction.toUpperCase()
    if (!field || rest.length > 0 || (upper !== 'ASC' && upper !== 'DESC'))
      throw invalidField(
        'order_by',
        `order_by takes "field ASC|DESC" with a field among ${Object.keys(fields).join(', ')}; got ${part}`,
      )
    return { field, direction: upper === 'DESC' ? 'desc' : 'asc' }
  })
}
