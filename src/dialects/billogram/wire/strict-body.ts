// Refuses what a Billogram client must not send: keys the resource does not have
// (UNKNOWN_PARAMETER, "unexpected key: item_id" in the vendor's recorded reply) and changed
// read-only fields (READ_ONLY_PARAMETER). Read-only fields sent back unchanged are tolerated,
// because Java's client PUTs the whole object it read (../shared/reference/billogram.md §3, §7).

import { BillogramWireError, type FieldPath } from '../errors.ts'

/** 'w' writable, 'r' read-only, a nested catalog, or a list of objects of one catalog. */
export type FieldSpec =
  | 'w'
  | 'r'
  | Readonly<{ object: Catalog; readOnly?: boolean }>
  | Readonly<{ list: Catalog }>

export type Catalog = Readonly<Record<string, FieldSpec>>

export type JsonObject = Readonly<Record<string, unknown>>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Canonical JSON of a wire value, so numbers written as raw JSON compare like parsed ones. */
function canonical(value: unknown): string {
  return JSON.stringify(JSON.parse(JSON.stringify(value ?? null)), (_key, inner: unknown) =>
    isObject(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  )
}

function sameValue(sent: unknown, current: unknown): boolean {
  return canonical(sent) === canonical(current)
}

/** The body as an object; absent, null and {} all mean "nothing given" for commands. */
export function objectBody(body: unknown, path: FieldPath = []): JsonObject {
  if (body === undefined || body === null) return {}
  if (!isObject(body))
    throw new BillogramWireError('INVALID_PARAMETER', 'expected a JSON object', path.length ? path : ['body'])
  return body
}

/**
 * Checks `body` against `catalog`. `current` is the object as the client last read it (on
 * update), against which read-only fields are compared; on create every read-only field with a
 * value is refused.
 */
export function checkBody(
  body: JsonObject,
  catalog: Catalog,
  current?: JsonObject,
  path: FieldPath = [],
): void {
  for (const [key, value] of Object.entries(body)) {
    const spec = catalog[key]
    const at = [...path, key]
    if (spec === undefined) throw new BillogramWireError('UNKNOWN_PARAMETER', `unexpected key: ${key}`, at)
    if (value === null) continue
    const readOnly = spec === 'r' || (typeof spec === 'object' && 'object' in spec && spec.readOnly === true)
    if (readOnly) {
      if (current === undefined || !sameValue(value, current[key]))
        throw new BillogramWireError('READ_ONLY_PARAMETER', `${key} is read-only`, at)
      continue
    }
    if (spec === 'w') continue
    if ('object' in spec) {
      if (!isObject(value)) throw new BillogramWireError('INVALID_PARAMETER', `${key} must be an object`, at)
      const inner = current?.[key]
      checkBody(value, spec.object, isObject(inner) ? inner : undefined, at)
      continue
    }
    if (!Array.isArray(value)) throw new BillogramWireError('INVALID_PARAMETER', `${key} must be a list`, at)
    const currentList = current?.[key]
    value.forEach((element, index) => {
      if (!isObject(element))
        throw new BillogramWireError('INVALID_PARAMETER', `each of ${key} must be an object`, [...at, index])
      const inner = Array.isArray(currentList) ? currentList[index] : undefined
      checkBody(element, spec.list, isObject(inner) ? inner : undefined, [...at, index])
    })
  }
}
