// One way to ask for a page of records, shared by every dialect: filters on named fields, an
// order, and a page. Each resource names the fields it can be filtered and ordered by and the
// column (or expression) behind each, so a dialect translates its vendor's parameters into this
// and never writes SQL. Unknown fields are refused naming the field.

import { type Expression, type SelectQueryBuilder, sql } from 'kysely'
import { invalidField } from '../../domain/errors.ts'

export type FilterOp =
  | 'eq'
  | 'in'
  | 'notIn'
  | 'prefix'
  | 'contains'
  | 'gte'
  | 'lte'
  | 'gt'
  | 'lt'
  | 'isNull'
  | 'notNull'

export type Filter = Readonly<{
  field: string
  op: FilterOp
  value?: string | number | bigint | boolean | null | readonly (string | number | bigint)[]
  /** For prefix and contains: compare lower-cased (ASCII only on SQLite). */
  caseInsensitive?: boolean
}>

export type OrderBy = Readonly<{ field: string; direction: 'asc' | 'desc' }>

export type ListSpec = Readonly<{
  filters?: readonly Filter[]
  /** Any of these groups matching is enough (a free-text search over several fields). */
  anyOf?: readonly (readonly Filter[])[]
  orderBy?: readonly OrderBy[]
  limit: number
  offset: number
}>

export type Page<T> = Readonly<{ items: readonly T[]; totalCount: number }>

/**
 * The column behind each field a resource can be filtered and ordered by ("table.column"), or an
 * SQL expression written in code (never from a request), such as an invoice's open balance.
 */
export type FieldMap = Readonly<Record<string, string>>

export const MAX_PAGE_SIZE = 1000

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

function columnOf(fields: FieldMap, field: string): Expression<unknown> {
  const column = fields[field]
  if (!column) throw invalidField(field, `cannot filter or order by ${field}`)
  return /^[a-z_]+\.[a-z_]+$/.test(column) ? sql.ref(column) : sql.raw(`(${column})`)
}

function condition(fields: FieldMap, filter: Filter) {
  const column = columnOf(fields, filter.field)
  const value = filter.value
  switch (filter.op) {
    case 'eq':
      return sql<boolean>`${column} = ${value}`
    case 'in': {
      const values = Array.isArray(value) ? value : [value]
      if (values.length === 0) return sql<boolean>`1 = 0`
      return sql<boolean>`${column} in (${sql.join(values)})`
    }
    case 'notIn': {
      const values = Array.isArray(value) ? value : [value]
      if (values.length === 0) return sql<boolean>`1 = 1`
      return sql<boolean>`${column} not in (${sql.join(values)})`
    }
    case 'prefix':
    case 'contains': {
      const text = escapeLike(String(value ?? ''))
      const pattern = filter.op === 'prefix' ? `${text}%` : `%${text}%`
      return filter.caseInsensitive
        ? sql<boolean>`lower(${column}) like lower(${pattern}) escape '\\'`
        : sql<boolean>`${column} like ${pattern} escape '\\'`
    }
    case 'gte':
      return sql<boolean>`${column} >= ${value}`
    case 'lte':
      return sql<boolean>`${column} <= ${value}`
    case 'gt':
      return sql<boolean>`${column} > ${value}`
    case 'lt':
      return sql<boolean>`${column} < ${value}`
    case 'isNull':
      return sql<boolean>`${column} is null`
    case 'notNull':
      return sql<boolean>`${column} is not null`
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the builder is generic over any joined tables
type AnyQuery = SelectQueryBuilder<any, any, any>

export function applyFilters<Q extends AnyQuery>(
  query: Q,
  fields: FieldMap,
  spec: Pick<ListSpec, 'filters' | 'anyOf'>,
): Q {
  let filtered = query
  for (const filter of spec.filters ?? []) filtered = filtered.where(condition(fields, filter)) as Q
  const groups = spec.anyOf ?? []
  if (groups.length > 0) {
    const alternatives = groups.map((group) =>
      sql.join(
        group.map((filter) => condition(fields, filter)),
        sql` and `,
      ),
    )
    filtered = filtered.where(
      sql<boolean>`(${sql.join(
        alternatives.map((alternative) => sql`(${alternative})`),
        sql` or `,
      )})`,
    ) as Q
  }
  return filtered
}

export function applyOrder<Q extends AnyQuery>(
  query: Q,
  fields: FieldMap,
  orderBy: readonly OrderBy[],
  tieBreaker: string,
): Q {
  let ordered = query
  for (const order of orderBy) {
    const column = columnOf(fields, order.field)
    ordered = ordered.orderBy(order.direction === 'desc' ? sql`${column} desc` : sql`${column} asc`) as Q
  }
  // A stable tie-breaker keeps pages from repeating or skipping rows with equal sort keys.
  return ordered.orderBy(sql.ref(tieBreaker)) as Q
}

export function checkPage(spec: ListSpec): void {
  if (!Number.isInteger(spec.limit) || spec.limit < 1 || spec.limit > MAX_PAGE_SIZE)
    throw invalidField('pageSize', `page size must be between 1 and ${MAX_PAGE_SIZE}`)
  if (!Number.isInteger(spec.offset) || spec.offset < 0)
    throw invalidField('page', 'page must be a positive whole number')
}

/**
 * The total behind a page, counted only when the page cannot tell it: a page that is neither full
 * nor past the end holds the last rows, so the total is the offset plus its length. A lookup by a
 * unique field, or any list that fits its page, then costs one query instead of two.
 */
export async function totalOf(
  spec: Pick<ListSpec, 'limit' | 'offset'>,
  pageLength: number,
  count: () => Promise<bigint | number>,
): Promise<number> {
  if (pageLength < spec.limit && (pageLength > 0 || spec.offset === 0)) return spec.offset + pageLength
  return Number(await count())
}

/**
 * Runs a filtered base query for the ordered page and, when the page does not tell the total
 * (totalOf), once more to count, the way every list use case pages. `select` picks what the page
 * reads from the base query.
 */
export async function fetchPage<Q extends AnyQuery, R>(
  base: Q,
  fields: FieldMap,
  spec: ListSpec,
  tieBreaker: string,
  select: (query: Q) => SelectQueryBuilder<unknown, never, R>,
  /** A cheaper count of the same rows, where the caller knows one. */
  count?: () => Promise<bigint | number>,
): Promise<{ rows: R[]; totalCount: number }> {
  checkPage(spec)
  const filtered = applyFilters(base, fields, spec)
  const rows = (await applyOrder(select(filtered) as unknown as Q, fields, spec.orderBy ?? [], tieBreaker)
    .limit(spec.limit)
    .offset(spec.offset)
    .execute()) as R[]
  const totalCount = await totalOf(
    spec,
    rows.length,
    count ??
      (async () => {
        const row = (await filtered.select(sql<bigint>`count(*)`.as('count')).executeTakeFirstOrThrow()) as {
          count: bigint | number
        }
        return row.count
      }),
  )
  return { rows, totalCount }
}
