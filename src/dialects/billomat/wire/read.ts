// Reads scalar fields of a request body as Billomat's clients write them: numbers as JSON numbers
// or strings, booleans as 1/0, "1"/"0" or true/false, and null or "" meaning "not given" (§1.6).
// Every refusal names the field by its Billomat name.

import { isIsoDate } from '../../../domain/calendar/dates.ts'
import { invalidField } from '../../../domain/errors.ts'
import { formatDecimal, parseDecimal } from '../../../domain/money/decimal.ts'
import type { WireObject } from './body.ts'

function given(body: WireObject, name: string): unknown {
  const value = body[name]
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return undefined
  return value
}

export function readText(body: WireObject, name: string, maxLength = 10_000): string | undefined {
  const value = given(body, name)
  if (value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value)
    if (text.length > maxLength) throw invalidField(name, `${name} must be at most ${maxLength} characters`)
    return text
  }
  throw invalidField(name, `${name} must be text`)
}

/** Like readText, but an explicit "" clears the field (null), where absence keeps it (undefined). */
export function readClearableText(
  body: WireObject,
  name: string,
  maxLength = 10_000,
): string | null | undefined {
  if (body[name] === '' || body[name] === null) return name in body ? null : undefined
  return readText(body, name, maxLength)
}

export function readInteger(body: WireObject, name: string): bigint | undefined {
  const value = given(body, name)
  if (value === undefined) return undefined
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value
  if (typeof text !== 'string' || !/^-?\d{1,15}$/.test(text.trim()))
    throw invalidField(name, `${name} must be a whole number, got ${JSON.stringify(value)}`)
  return BigInt(text.trim())
}

export function readId(body: WireObject, name: string): bigint | undefined {
  const id = readInteger(body, name)
  // .NET clients send "0" for an id they do not have (§1.6).
  if (id === 0n) return undefined
  if (id !== undefined && id < 0n) throw invalidField(name, `${name} must be a positive id`)
  return id
}

export function readSmallInteger(
  body: WireObject,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = readInteger(body, name)
  if (value === undefined) return undefined
  if (value < BigInt(min) || value > BigInt(max))
    throw invalidField(name, `${name} must be between ${min} and ${max}`)
  return Number(value)
}

/** A decimal as canonical text ("5.2"), read exactly from a string or a JSON number. */
export function readDecimal(body: WireObject, name: string): string | undefined {
  const value = given(body, name)
  if (value === undefined) return undefined
  const text = typeof value === 'string' ? value.trim() : value
  return formatDecimal(parseDecimal(text, name))
}

export function readBoolean(body: WireObject, name: string): boolean | undefined {
  const value = given(body, name)
  if (value === undefined) return undefined
  if (value === true || value === 1 || value === '1' || value === 'true') return true
  if (value === false || value === 0 || value === '0' || value === 'false') return false
  throw invalidField(name, `${name} must be 1 or 0, got ${JSON.stringify(value)}`)
}

export function readDate(body: WireObject, name: string): string | undefined {
  const value = given(body, name)
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw invalidField(name, `${name} must be a date as YYYY-MM-DD`)
  const text = value.trim().slice(0, value.includes('T') ? 10 : undefined)
  // .NET clients send DateTime.MinValue for a date they leave unset (§1.6).
  if (text.startsWith('0001-01-01')) return undefined
  if (!isIsoDate(text))
    throw invalidField(name, `${name} must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`)
  return text
}

export function readEnum<T extends string>(
  body: WireObject,
  name: string,
  values: readonly T[],
): T | undefined {
  const value = readText(body, name)
  if (value === undefined) return undefined
  const upper = value.toUpperCase() as T
  if (!values.includes(upper)) throw invalidField(name, `${name} must be one of ${values.join(', ')}`)
  return upper
}
