// Renders the wire tree as Billomat's XML or as its JSON, which is a mechanical conversion of the
// XML: every scalar a string, attributes as "@name" keys, one item as an object and several as an
// array, an empty list without its item key, an empty nested collection as "" (§1.5).

import type { WireField, WireList, WireRecord } from './tree.ts'

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

const NEEDS_CLEANING = /[^\t\n\r\u0020-\uffff]/

// XML 1.0 cannot carry C0 controls other than tab, newline and carriage return, not even
// escaped; they are dropped rather than break the document.
function withoutControls(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text
  let kept = ''
  for (const char of text) {
    const code = char.charCodeAt(0)
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) kept += char
  }
  return kept
}

export function escapeXml(text: string): string {
  return withoutControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function xmlField(field: WireField): string {
  if (field.kind === 'list') return xmlList(field.list, [])
  if (field.kind === 'record') return xmlRecord(field.record)
  const type = field.type === 'string' ? '' : ` type="${field.type}"`
  return `<${field.name}${type}>${escapeXml(field.value ?? '')}</${field.name}>`
}

function xmlRecord(record: WireRecord): string {
  return `<${record.name}>${record.fields.map(xmlField).join('')}</${record.name}>`
}

function xmlList(list: WireList, extra: readonly (readonly [string, string])[]): string {
  const attributes = [['type', 'array'] as const, ...list.attributes, ...extra]
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('')
  return `<${list.name}${attributes}>${list.items.map(xmlRecord).join('')}</${list.name}>`
}

export function recordToXml(record: WireRecord): string {
  return XML_DECLARATION + xmlRecord(record)
}

export function listToXml(list: WireList): string {
  return XML_DECLARATION + xmlList(list, [])
}

type JsonValue = string | JsonObject | JsonValue[]
type JsonObject = { [key: string]: JsonValue }

function jsonFields(fields: readonly WireField[]): JsonObject {
  const object: JsonObject = {}
  for (const field of fields) {
    if (field.kind === 'scalar') object[field.name] = field.value ?? ''
    else if (field.kind === 'record') object[field.record.name] = jsonFields(field.record.fields)
    else object[field.list.name] = field.list.items.length === 0 ? '' : jsonItems(field.list)
  }
  return object
}

function jsonItems(list: WireList): JsonObject {
  const items = list.items.map((item) => jsonFields(item.fields))
  const body: JsonObject = {}
  if (items.length === 1) body[list.itemName] = items[0]!
  else if (items.length > 1) body[list.itemName] = items
  for (const [key, value] of list.attributes) body[`@${key}`] = value
  return body
}

export function recordToJson(record: WireRecord): string {
  return JSON.stringify({ [record.name]: jsonFields(record.fields) })
}

export function listToJson(list: WireList): string {
  return JSON.stringify({ [list.name]: jsonItems(list) })
}
