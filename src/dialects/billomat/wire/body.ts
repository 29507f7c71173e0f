// Reads a request body the way Billomat's clients send it: XML or JSON by Content-Type (or by its
// first character when the type is missing), wrapped in any root element or none, a literal
// `null` for "no body" (§1.6). The result is the inner object of plain strings, objects and arrays.

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { invalidField } from '../../../domain/errors.ts'

export type WireObject = Readonly<Record<string, unknown>>

// parseTagValue false keeps "01234" a string; attributes (type="integer") carry nothing we need.
const xmlParser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  processEntities: true,
})

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseXml(text: string): unknown {
  // A DTD could declare entities that expand without bound; no Billomat client sends one.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw invalidField('body', 'XML bodies must not contain a DOCTYPE')
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw invalidField('body', `the body is not well-formed XML: ${valid.err.msg}`)
  const document = xmlParser.parse(text) as Record<string, unknown>
  const roots = Object.values(document)
  if (roots.length !== 1) throw invalidField('body', 'an XML body has exactly one root element')
  const root = roots[0]
  return isObject(root) ? root : {}
}

function parseJson(text: string, knownFields: ReadonlySet<string>): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw invalidField('body', `the body is not valid JSON: ${(error as Error).message}`)
  }
  if (value === null || value === '') return {}
  if (!isObject(value)) throw invalidField('body', 'a JSON body must be an object')
  const keys = Object.keys(value)
  // {"invoice": {...}}, {"complete": {...}} or {"anything": null}: the root's name is not checked.
  if (keys.length === 1 && !knownFields.has(keys[0]!)) {
    const inner = value[keys[0]!]
    if (inner === null || inner === '') return {}
    if (isObject(inner)) return inner
  }
  return value
}

/** The fields of the body; `knownFields` keeps a bare body of one object field from being unwrapped. */
export function parseBody(
  raw: unknown,
  contentType: string | undefined,
  knownFields: ReadonlySet<string> = new Set(),
): WireObject {
  const text = typeof raw === 'string' ? raw.trim() : ''
  if (text === '') return {}
  const type = (contentType ?? '').toLowerCase()
  const xml = type.includes('xml') || (!type.includes('json') && text.startsWith('<'))
  const parsed = xml ? parseXml(text) : parseJson(text, knownFields)
  return parsed as WireObject
}

/** A nested collection as clients send it: {"invoice-item": obj | [objs]}, a bare array, or empty. */
export function nestedItems(value: unknown, itemName: string, field: string): WireObject[] {
  if (value === undefined || value === null || value === '') return []
  const inner = isObject(value) && itemName in value ? value[itemName] : value
  const items = Array.isArray(inner) ? inner : [inner]
  return items.map((item, index) => {
    if (item === null || item === '') return {}
    if (!isObject(item)) throw invalidField(`${field}[${index}]`, `${field} must hold ${itemName} elements`)
    return item
  })
}
