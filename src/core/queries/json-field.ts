// Lets a list spec filter and order by a field inside a JSON text column (a row's `extra`, a
// dialect record's `data`), written as `<prefix>.<key>.<key>` by the caller. The SQL differs per
// engine (SQLite's json_extract, PostgreSQL's #>>), so the expression is built here, from path
// segments checked against a strict pattern: no text from a request ever reaches the SQL.

import { invalidField } from '../../domain/errors.ts'
import type { Engine } from '../../storage/database.ts'
import type { FieldMap, ListSpec } from './list-spec.ts'

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/
const COLUMN = /^[a-z_]+\.[a-z_]+$/

/** The JSON value at `path` inside `column`, as text on both engines. */
export function jsonTextExpression(engine: Engine, column: string, path: readonly string[]): string {
  if (!COLUMN.test(column)) throw new Error(`not a column reference: ${column}`)
  if (path.length === 0 || path.some((segment) => !SEGMENT.test(segment)))
    throw invalidField(path.join('.'), `cannot filter or order by ${path.join('.')}`)
  return engine === 'postgres'
    ? `${column}::jsonb #>> '{${path.join(',')}}'`
    : `json_extract(${column}, '$.${path.join('.')}')`
}

/** `base` plus an entry for every `<prefix>.…` field the spec filters or orders by. */
export function withJsonFields(
  base: FieldMap,
  engine: Engine,
  prefix: string,
  column: string,
  spec: Pick<ListSpec, 'filters' | 'anyOf' | 'orderBy'>,
): FieldMap {
  const named = [
    ...(spec.filters ?? []).map((filter) => filter.field),
    ...(spec.anyOf ?? []).flatMap((group) => group.map((filter) => filter.field)),
    ...(spec.orderBy ?? []).map((order) => order.field),
  ]
  const fields: Record<string, string> = { ...base }
  for (const field of named) {
    if (!field.startsWith(`${prefix}.`) || fields[field]) continue
    fields[field] = jsonTextExpression(engine, column, field.slice(prefix.length + 1).split('.'))
  }
  return fields
}
