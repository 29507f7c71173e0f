// Reads one record from a request body against its resource description: every property the
// client sent is known, of its type, and writable in this operation. Readonly properties may be
// sent back unchanged (a client that PUTs what it GOT keeps working) but never changed; immutable
// ones only on create. Embedded has-many children are read with their own resource's rules.

import { isIsoDate } from '../../../domain/calendar/dates.ts'
import { DomainError, invalidField } from '../../../domain/errors.ts'
import { compareDecimal, formatDecimal, parseDecimal } from '../../../domain/money/decimal.ts'
import type { PropertyDef, ResourceDef, WireInput, WireRecord } from './resource.ts'

export type Mode = 'create' | 'update'

export type Lookup = (singular: string) => ResourceDef

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/
const REFERENCE = /^[A-Za-z]+:.+$/
const MAX_STRING_LENGTH = 10_000

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function typeError(field: string, expected: string, value: unknown): DomainError {
  const shown =
    typeof value === 'object' ? (Array.isArray(value) ? 'a list' : 'an object') : JSON.stringify(value)
  return invalidField(field, `${field} must be ${expected}, got ${shown}`)
}

/** Checks and normalizes one value: decimals to canonical text, integers to numbers. */
export function parseValue(property: PropertyDef, value: unknown, field: string): unknown {
  if (value === null) return null
  switch (property.type) {
    case 'string':
      if (typeof value === 'number') return String(value)
      if (typeof value !== 'string') throw typeError(field, 'a string', value)
      if (value.length > MAX_STRING_LENGTH)
        throw invalidField(field, `${field} must be at most ${MAX_STRING_LENGTH} characters`)
      return value
    case 'integer': {
      const number = typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value
      if (typeof number !== 'number' || !Number.isSafeInteger(number))
        throw typeError(field, 'a whole number', value)
      return number
    }
    case 'float':
      return formatDecimal(parseDecimal(value, field))
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError(field, 'true or false', value)
      return value
    case 'date':
      if (!isIsoDate(value)) throw typeError(field, 'a date written YYYY-MM-DD', value)
      return value
    case 'datetime':
      if (typeof value !== 'string' || !DATETIME.test(value))
        throw typeError(field, 'a time written YYYY-MM-DDTHH:mm:ss', value)
      return value
    case 'enum':
      if (typeof value !== 'string' || !property.values?.includes(value))
        throw typeError(field, `one of ${property.values?.join(', ')}`, value)
      return value
    case 'id':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
      if (typeof value !== 'string' || value === '') throw typeError(field, 'an id', value)
      return value
    case 'reference':
      if (typeof value !== 'string' || !REFERENCE.test(value))
        throw typeError(field, 'a reference written type:id', value)
      return value
    case 'strings':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
        throw typeError(field, 'a list of strings', value)
      return value
  }
}

function comparable(value: unknown): string {
  if (isObject(value) && typeof value.rawJSON === 'string') return `n:${value.rawJSON}`
  if (typeof value === 'number') return `n:${value}`
  return JSON.stringify(value ?? null)
}

/** Whether a value the client sent equals the stored one (numbers compared as decimals). */
export function sameValue(sent: unknown, stored: unknown): boolean {
  const [a, b] = [comparable(sent), comparable(stored)]
  if (a.startsWith('n:') && b.startsWith('n:')) {
    return compareDecimal(parseDecimal(a.slice(2), 'value'), parseDecimal(b.slice(2), 'value')) === 0
  }
  if (a.startsWith('n:') && typeof sent === 'number' && typeof stored === 'string')
    return String(sent) === stored
  return a === b || (sent === '' && (stored === null || stored === undefined))
}

function checkAccess(
  def: ResourceDef,
  name: string,
  property: PropertyDef,
  sent: unknown,
  mode: Mode,
  current: WireRecord | undefined,
): boolean {
  const access = property.access ?? 'writable'
  if (access === 'writable' || (access === 'immutable' && mode === 'create')) return true
  const stored = current?.[name]
  if (sameValue(sent, stored) || (mode === 'create' && sent === null)) return false
  const what = access === 'readonly' ? 'is read-only' : `cannot be changed once the ${def.singular} exists`
  throw invalidField(name, `${name} ${what}`)
}

export type ParseOptions = Readonly<{
  mode: Mode
  current?: WireRecord
  /** For embedded children: the inverse property the parent fills in. */
  parentProperty?: string
}>

/** Parses the record under its root key into the values and children a store saves. */
export function parseRecord(
  lookup: Lookup,
  def: ResourceDef,
  raw: unknown,
  options: ParseOptions,
): WireInput {
  if (!isObject(raw)) throw invalidField(def.singular, `${def.singular} must be an object`)
  const values: Record<string, unknown> = {}
  const children: Record<string, WireInput[]> = {}
  for (const [name, sent] of Object.entries(raw)) {
    if (name === '_clientId' || (name === 'id' && options.parentProperty)) continue
    if (name === 'id') {
      if (options.mode === 'create')
        throw invalidField('id', `the id of a new ${def.singular} is assigned by Billy`)
      if (sent !== options.current?.id) throw invalidField('id', 'id must be the id in the URL')
      continue
    }
    if (name === options.parentProperty) continue
    const relation = def.hasMany?.[name]
    if (relation) {
      children[name] = parseChildren(lookup, def, name, sent, options)
      continue
    }
    const property = def.properties[name]
    if (!property) throw invalidField(name, `${def.singular} has no property ${name}`)
    const value = parseValue(property, sent, name)
    if (checkAccess(def, name, property, value, options.mode, options.current)) values[name] = value
  }
  if (options.mode === 'create') checkRequired(def, values, options.parentProperty)
  else checkNotCleared(def, values)
  return { values, children, ...('_clientId' in raw ? { clientId: raw._clientId } : {}) }
}

function parseChildren(
  lookup: Lookup,
  def: ResourceDef,
  name: string,
  sent: unknown,
  options: ParseOptions,
): WireInput[] {
  const relation = def.hasMany?.[name]
  if (!relation || relation.save === 'readonly') throw invalidField(name, `${name} is read-only`)
  if (relation.save === 'create' && options.mode === 'update')
    throw invalidField(name, `${name} can only be given when the ${def.singular} is created`)
  if (!Array.isArray(sent)) throw invalidField(name, `${name} must be a list`)
  const childDef = lookup(relation.resource)
  return sent.map((child, index) => {
    try {
      return parseRecord(lookup, childDef, child, { mode: 'create', parentProperty: relation.inverse })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      const field = error.details.field
      throw new DomainError(error.code, error.message, {
        ...error.details,
        field: `${name}.${index}${field ? `.${field}` : ''}`,
        ...(isObject(child) && '_clientId' in child ? { clientId: child._clientId, childField: field } : {}),
      })
    }
  })
}

function checkRequired(def: ResourceDef, values: Record<string, unknown>, parentProperty?: string): void {
  for (const [name, property] of Object.entries(def.properties)) {
    if (!property.required || name === parentProperty || property.access === 'readonly') continue
    if (values[name] === undefined || values[name] === null || values[name] === '')
      throw new DomainError('missing_field', `${name} is required`, { field: name })
  }
}

function checkNotCleared(def: ResourceDef, values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    if (def.properties[name]?.required && (value === null || value === ''))
      throw new DomainError('missing_field', `${name} is required`, { field: name })
  }
}
