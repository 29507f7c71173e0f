// Reads a list request's query string: paging (`page`/`pageSize`, or Billy's own client's
// `offset`), sorting (`sortProperty` with `sortDirection`, or `sortOrder` as the .NET client sends
// it), `q`, and the resource's documented filters. Values arrive as `key=v` or `key[]=v`
// (../shared/reference/billy.md section 2). Unknown parameters are ignored, as Billy ignores them.

import { isIsoDate } from '../../../domain/calendar/dates.ts'
import { invalidField } from '../../../domain/errors.ts'
import { parseDecimal } from '../../../domain/money/decimal.ts'
import type { FilterDef, ListQuery, ResourceDef } from './resource.ts'

export const MAX_PAGE_SIZE = 1000

export type QueryValues = ReadonlyMap<string, readonly string[]>

/** `{ 'ids[]': ['a', 'b'], q: 'x' }` as name to values, with the `[]` suffix dropped. */
export function queryValues(query: unknown): QueryValues {
  const values = new Map<string, string[]>()
  if (typeof query !== 'object' || query === null) return values
  for (const [key, raw] of Object.entries(query as Record<string, unknown>)) {
    const name = key.endsWith('[]') ? key.slice(0, -2) : key
    const list = (Array.isArray(raw) ? raw : [raw]).filter((item): item is string => typeof item === 'string')
    values.set(name, [...(values.get(name) ?? []), ...list])
  }
  return values
}

function single(values: QueryValues, name: string): string | undefined {
  const list = values.get(name)
  return list && list.length > 0 ? list[list.length - 1] : undefined
}

function wholeNumber(text: string | undefined, field: string, min: number): number | undefined {
  if (text === undefined || text === '') return undefined
  if (!/^\d{1,9}$/.test(text) || Number(text) < min)
    throw invalidField(
      field,
      `${field} must be a whole number of ${min} or more, got ${JSON.stringify(text)}`,
    )
  return Number(text)
}

export type Paging = Readonly<{ page: number; pageSize: number; offset: number }>

export function parsePaging(values: QueryValues): Paging {
  const pageSize = wholeNumber(single(values, 'pageSize'), 'pageSize', 1) ?? MAX_PAGE_SIZE
  if (pageSize > MAX_PAGE_SIZE)
    throw invalidField('pageSize', `pageSize cannot be greater than ${MAX_PAGE_SIZE}, got ${pageSize}`)
  const offset = wholeNumber(single(values, 'offset'), 'offset', 0)
  if (offset !== undefined) return { page: Math.floor(offset / pageSize) + 1, pageSize, offset }
  const page = wholeNumber(single(values, 'page'), 'page', 1) ?? 1
  return { page, pageSize, offset: (page - 1) * pageSize }
}

function checkFilterValue(def: FilterDef, value: string, field: string): string {
  switch (def.type) {
    case 'boolean':
      if (['true', '1'].includes(value)) return 'true'
      if (['false', '0'].includes(value)) return 'false'
      throw invalidField(field, `${field} must be true or false, got ${JSON.stringify(value)}`)
    case 'date':
      if (!isIsoDate(value)) throw invalidField(field, `${field} must be a date written YYYY-MM-DD`)
      return value
    case 'datetime':
      if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/.test(value))
        throw invalidField(field, `${field} must be a time written YYYY-MM-DD HH:mm:ss`)
      return value
    case 'integer':
      if (!/^-?\d{1,15}$/.test(value)) throw invalidField(field, `${field} must be a whole number`)
      return value
    case 'float':
      parseDecimal(value, field)
      return value
    case 'enum':
      if (!def.values?.includes(value))
        throw invalidField(
          field,
          `${field} must be one of ${def.values?.join(', ')}, got ${JSON.stringify(value)}`,
        )
      return value
    case 'reference':
      if (!/^[A-Za-z]+:.+$/.test(value)) throw invalidField(field, `${field} must be written type:id`)
      return value
    case 'string':
      return value
  }
}

function parseSort(def: ResourceDef, values: QueryValues): ListQuery['sort'] {
  const property = single(values, 'sortProperty')
  const directionText = (
    single(values, 'sortDirection') ??
    single(values, 'sortOrder') ??
    'ASC'
  ).toUpperCase()
  if (directionText !== 'ASC' && directionText !== 'DESC')
    throw invalidField(
      'sortDirection',
      `sortDirection must be ASC or DESC, got ${JSON.stringify(directionText)}`,
    )
  const direction = directionText === 'DESC' ? 'desc' : 'asc'
  if (property === undefined || property === '')
    return def.defaultSort ? { property: def.defaultSort, direction } : undefined
  if (!def.sortable?.includes(property)) {
    const allowed = def.sortable?.length ? `: one of ${def.sortable.join(', ')}` : ''
    throw invalidField('sortProperty', `${def.plural} cannot be sorted by ${property}${allowed}`)
  }
  return { property, direction }
}

/** The list query for a resource; `organizationId` and `ids` are handled by the engine. */
export function parseListQuery(def: ResourceDef, values: QueryValues): ListQuery {
  const paging = parsePaging(values)
  const filters: Record<string, readonly string[]> = {}
  for (const [name, filter] of Object.entries(def.filters ?? {})) {
    const given = values.get(name)
    if (!given || given.length === 0) continue
    filters[name] = given.map((value) => checkFilterValue(filter, value, name))
  }
  const q = def.search ? single(values, 'q')?.trim() : undefined
  const sort = parseSort(def, values)
  return {
    filters,
    ...(q ? { q } : {}),
    ...(sort ? { sort } : {}),
    offset: paging.offset,
    limit: paging.pageSize,
  }
}
