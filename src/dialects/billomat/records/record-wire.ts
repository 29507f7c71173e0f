// Reads and renders the fields of a record resource by its spec: every value stored as the
// string Billomat writes ("1", "19.5", "2026-01-31"), read leniently from XML or JSON, checked by
// type, and refused with the field's name when wrong.

import type { DialectRecord } from '../../../core/records/dialect-record.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { WireObject } from '../wire/body.ts'
import { readBoolean, readDate, readDecimal, readEnum, readId, readInteger, readText } from '../wire/read.ts'
import { datetime, int, record, type ScalarType, type WireField, type WireRecord } from '../wire/tree.ts'
import { type FieldSpec, type RecordSpec, scalarTypeOf } from './record-spec.ts'

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/

function readField(body: WireObject, field: FieldSpec): string | undefined {
  switch (field.type) {
    case 'text':
      return readText(body, field.name, field.maxLength ?? 10_000)
    case 'integer':
      return readInteger(body, field.name)?.toString()
    case 'id':
      return readId(body, field.name)?.toString()
    case 'float':
      return readDecimal(body, field.name)
    case 'bool': {
      const value = readBoolean(body, field.name)
      return value === undefined ? undefined : value ? '1' : '0'
    }
    case 'enum':
      return readEnum(body, field.name, field.values ?? [])
    case 'date':
      return readDate(body, field.name)
    case 'base64': {
      const value = readText(body, field.name, 20 * 1024 * 1024)
      if (value !== undefined && !BASE64.test(value))
        throw invalidField(field.name, `${field.name} must be base64`)
      return value?.replace(/\s+/g, '')
    }
  }
}

/** The fields a create writes: given values, then defaults; required ones must be there. */
export function dataForCreate(spec: RecordSpec, body: WireObject): Record<string, string> {
  const data: Record<string, string> = {}
  for (const field of spec.fields) {
    // A read-only field is the server's: only its default is written.
    const value = field.readOnly ? field.defaultValue : (readField(body, field) ?? field.defaultValue)
    if (value === undefined) {
      if (field.required) throw invalidField(field.name, `${field.name} is required`)
      continue
    }
    data[field.name] = value
  }
  const customfield = readText(body, 'customfield')
  if (customfield !== undefined) data.customfield = customfield
  return data
}

/** The fields an edit changes; the parent field never changes (§ appendix). */
export function dataForUpdate(
  spec: RecordSpec,
  body: WireObject,
  current: Readonly<Record<string, string>>,
): Record<string, string> {
  const data: Record<string, string> = { ...current }
  for (const field of spec.fields) {
    if (field.readOnly || field.name === spec.parent?.field) continue
    const value = readField(body, field)
    if (value !== undefined) data[field.name] = value
  }
  const customfield = readText(body, 'customfield')
  if (customfield !== undefined) data.customfield = customfield
  return data
}

export function recordToWire(spec: RecordSpec, stored: DialectRecord): WireRecord {
  const data = stored.data as Readonly<Record<string, string>>
  const fields: WireField[] = spec.fields
    .filter((field) => !field.hidden)
    .map((field) => {
      const type: ScalarType = scalarTypeOf(field.type)
      return { kind: 'scalar', name: field.name, type, value: data[field.name] ?? null }
    })
  return record(spec.element, [
    int('id', stored.recordNo),
    datetime('created', stored.createdAt),
    ...(spec.hasUpdated ? [datetime('updated', stored.updatedAt)] : []),
    ...fields,
    { kind: 'scalar', name: 'customfield', type: 'string', value: data.customfield ?? null },
  ])
}
