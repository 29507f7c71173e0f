// Typed reads of a request's fields, each refusal naming the field by its wire path. Absent and
// null both read as undefined: Billogram leaves a null sub-structure unchanged on update.

import { isIsoDate } from '../../../domain/calendar/dates.ts'
import { BillogramWireError, type FieldPath } from '../errors.ts'
import { isObject, type JsonObject } from './strict-body.ts'

function invalid(path: FieldPath, message: string): BillogramWireError {
  return new BillogramWireError('INVALID_PARAMETER', message, path)
}

export function readText(body: JsonObject, key: string, path: FieldPath = [], max = 255): string | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  // Clients in typed languages send numbers for textual ids (a zip code, an item number).
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value
  if (typeof text !== 'string') throw invalid([...path, key], `${key} must be a string`)
  if (text.length > max) throw invalid([...path, key], `${key} must be at most ${max} characters`)
  return text
}

/** A number or numeric string, kept as text so the core parses it exactly. */
export function readDecimal(
  body: JsonObject,
  key: string,
  path: FieldPath = [],
): string | number | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return value.trim()
  throw invalid([...path, key], `${key} must be a number`)
}

export function readWhole(body: JsonObject, key: string, path: FieldPath = []): number | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value
  if (typeof number !== 'number' || !Number.isSafeInteger(number))
    throw invalid([...path, key], `${key} must be a whole number`)
  return number
}

export function readBoolean(body: JsonObject, key: string, path: FieldPath = []): boolean | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'boolean') return value
  if (value === 0 || value === 1) return value === 1
  throw invalid([...path, key], `${key} must be true or false`)
}

export function readDate(body: JsonObject, key: string, path: FieldPath = []): string | undefined {
  const value = body[key]
  if (value === undefined || value === null || value === '') return undefined
  if (!isIsoDate(value)) throw invalid([...path, key], `${key} must be a date as YYYY-MM-DD`)
  return value
}

export function readObject(body: JsonObject, key: string, path: FieldPath = []): JsonObject | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (!isObject(value)) throw invalid([...path, key], `${key} must be an object`)
  return value
}

export function readList(
  body: JsonObject,
  key: string,
  path: FieldPath = [],
): readonly JsonObject[] | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw invalid([...path, key], `${key} must be a list`)
  return value.map((element, index) => {
    if (!isObject(element)) throw invalid([...path, key, index], `each of ${key} must be an object`)
    return element
  })
}

export function readChoice<T extends string>(
  body: JsonObject,
  key: string,
  choices: readonly T[],
  path: FieldPath = [],
): T | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value))
    throw invalid([...path, key], `${key} must be one of ${choices.join(', ')}`)
  return value as T
}

export function requireValue<T>(value: T | undefined, path: FieldPath, what: string): T {
  if (value === undefined) throw invalid(path, `${what} is required`)
  return value
}
