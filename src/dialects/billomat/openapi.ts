// The dialect's OpenAPI 3.1 document, built from what the dialect runs on: the routes Fastify
// mounted for it (collected as they are added, so nothing routed goes undescribed), the record
// specs that check record bodies field by field (types, enums, required and read-only fields,
// list filters), and the element lists the other routes read bodies by. Billomat wraps a body in
// one root element of any name and ignores fields it does not know, so each body is described as
// one property holding the fields.

import { ARTICLE_ELEMENTS } from './articles/article-wire.ts'
import { CLIENT_ELEMENTS } from './clients/client-wire.ts'
import { INCOMING_ELEMENTS, ITEM_ELEMENTS } from './incomings/incoming-wire.ts'
import { paymentElements } from './payments/payment-wire.ts'
import type { FieldSpec, RecordSpec } from './records/record-spec.ts'
import { RECURRING_ELEMENTS } from './recurrings/recurring-wire.ts'
import { ITEM_ELEMENTS as DOCUMENT_ITEM_ELEMENTS } from './routes/document-items.ts'
import { DOCUMENT_ELEMENTS } from './routes/documents.ts'
import { RECEIVER_ELEMENTS, ITEM_ELEMENTS as RECURRING_ITEM_ELEMENTS } from './routes/recurring-children.ts'
import { RECORD_SPECS } from './routes/register.ts'
import { REMINDER_ELEMENTS } from './routes/reminders.ts'
import { EMAIL_ELEMENTS } from './routes/sales-actions.ts'
import { SALES_ELEMENTS } from './routes/sales-documents.ts'
import { SALES_KINDS } from './sales/kinds.ts'
import { WRITABLE_SETTINGS } from './settings.ts'
import { SUPPLIER_ELEMENTS } from './suppliers/supplier-wire.ts'

type Schema = Readonly<Record<string, unknown>>

export type MountedRoute = Readonly<{ method: string; url: string }>

/** A body's fields and, for record resources, their types; `required` only on create. */
type Body = Readonly<{ fields: Readonly<Record<string, Schema>>; required?: readonly string[] }>

const NUMBER_TEXT = '^-?[0-9]+(\\.[0-9]+)?$'

function fieldSchema(field: FieldSpec): Schema {
  const readOnly = field.readOnly ? { readOnly: true } : {}
  switch (field.type) {
    case 'integer':
    case 'id':
      return { type: ['integer', 'string'], pattern: '^-?[0-9]+$', ...readOnly }
    case 'float':
      return { type: ['number', 'string'], pattern: NUMBER_TEXT, ...readOnly }
    case 'bool':
      return { enum: [0, 1, '0', '1', true, false], ...readOnly }
    case 'enum':
      return { enum: field.values ?? [], ...readOnly }
    case 'date':
      return { type: 'string', format: 'date', ...readOnly }
    case 'base64':
      return { type: 'string', contentEncoding: 'base64', ...readOnly }
    case 'text':
      return { type: 'string', ...(field.maxLength ? { maxLength: field.maxLength } : {}), ...readOnly }
  }
}

function recordBody(spec: RecordSpec, create: boolean): Body {
  const fields = [...spec.fields, { name: 'customfield', type: 'text' } as const]
  return {
    fields: Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)])),
    ...(create ? { required: spec.fields.filter((f) => f.required && !f.readOnly).map((f) => f.name) } : {}),
  }
}

const listed = (names: readonly string[]): Body => ({
  fields: Object.fromEntries(names.map((name) => [name, {}])),
})

function bodies(): Map<string, Body> {
  const table = new Map<string, Body>()
  const both = (path: string, body: Body) => {
    table.set(`POST /${path}`, body)
    table.set(`PUT /${path}/:id`, body)
  }
  for (const spec of RECORD_SPECS) {
    table.set(`POST /${spec.path}`, recordBody(spec, true))
    table.set(`PUT /${spec.path}/:id`, recordBody(spec, false))
  }
  both('clients', listed(CLIENT_ELEMENTS))
  both('articles', listed(ARTICLE_ELEMENTS))
  both('suppliers', listed(SUPPLIER_ELEMENTS))
  both('incomings', listed(INCOMING_ELEMENTS))
  both('incoming-items', listed(ITEM_ELEMENTS))
  both('invoices', listed(DOCUMENT_ELEMENTS))
  both('credit-notes', listed(DOCUMENT_ELEMENTS))
  both('recurrings', listed(RECURRING_ELEMENTS))
  for (const kind of SALES_KINDS) both(kind.path, listed(SALES_ELEMENTS))
  table.set('PUT /settings', listed(WRITABLE_SETTINGS))
  table.set(
    'POST /inbox-documents',
    listed(['filename', 'document_type', 'base64file', 'metadata', 'customfield']),
  )
  table.set('POST /reminders', listed(REMINDER_ELEMENTS))
  for (const parent of ['invoice_id', 'credit_note_id', 'incoming_id'])
    table.set(`POST /${parent.slice(0, -3).replaceAll('_', '-')}-payments`, listed(paymentElements(parent)))
  both('recurring-items', listed(RECURRING_ITEM_ELEMENTS))
  both('recurring-email-receivers', listed(RECEIVER_ELEMENTS))
  for (const document of ['invoice', 'credit-note', ...SALES_KINDS.map((kind) => kind.element)])
    both(`${document}-items`, listed([`${document.replaceAll('-', '_')}_id`, ...DOCUMENT_ITEM_ELEMENTS]))
  return table
}

/** Actions read the same few fields on every document; the state changes read none. */
const ACTION_BODIES: Readonly<Record<string, readonly string[]>> = {
  complete: ['template_id'],
  'upload-signature': ['base64file'],
  email: EMAIL_ELEMENTS,
  mail: ['color', 'duplex', 'paper_weight', 'attachments'],
  customfield: ['customfield'],
  cancel: [],
  uncancel: [],
  encash: [],
  win: [],
  lose: [],
  clear: [],
  unclear: [],
  stop: [],
}

function bodyOf(table: ReadonlyMap<string, Body>, method: string, url: string): Body | undefined {
  const action = /\/:id\/([a-z-]+)$/.exec(url)?.[1]
  const fields = action === undefined ? undefined : ACTION_BODIES[action]
  return table.get(`${method} ${url}`) ?? (fields ? listed(fields) : undefined)
}

function bodySchema(body: Body | undefined): Schema {
  const inner: Schema = body
    ? {
        type: 'object',
        properties: body.fields,
        ...(body.required && body.required.length > 0 ? { required: body.required } : {}),
      }
    : { type: 'object' }
  return { type: ['object', 'null'], minProperties: 1, maxProperties: 1, additionalProperties: inner }
}

const PAGING = ['page', 'per_page', 'order_by']

function queryParameters(method: string, url: string, spec: RecordSpec | undefined): Schema[] {
  if (method !== 'GET' && method !== 'HEAD') return []
  if (url.includes(':')) return [{ name: 'format', in: 'query', schema: { enum: ['xml', 'json', 'pdf'] } }]
  const filters = [...Object.keys(spec?.filters ?? {}), ...(spec?.parent ? [spec.parent.field] : [])]
  return [...PAGING, ...filters].map((name) => ({
    name,
    in: 'query',
    ...(spec?.parent?.requiredInList && name === spec.parent.field ? { required: true } : {}),
    schema: { type: 'string' },
  }))
}

const ANSWER: Schema = {
  'application/xml': { schema: { type: 'object' } },
  'application/json': { schema: { type: 'object' } },
}

const ERRORS: Schema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'object',
      properties: { error: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } },
    },
  },
}

function operation(
  method: string,
  url: string,
  body: Body | undefined,
  spec: RecordSpec | undefined,
): Schema {
  const path = [...url.matchAll(/:(\w+)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  const takesBody = method === 'POST' || method === 'PUT'
  const schema = bodySchema(body)
  return {
    parameters: [...path, ...queryParameters(method, url, spec)],
    ...(takesBody
      ? {
          requestBody: {
            content: { 'application/json': { schema }, 'application/xml': { schema } },
          },
        }
      : {}),
    responses: {
      [method === 'POST' && !url.includes(':') ? '201' : '200']: { description: 'OK', content: ANSWER },
      default: {
        description: 'refused',
        content: { 'application/json': { schema: ERRORS }, 'application/xml': { schema: ERRORS } },
      },
    },
  }
}

/** The document for the routes mounted under `serverUrl`, in the order they were added. */
export function openApiDocument(serverUrl: string, routes: readonly MountedRoute[]) {
  const table = bodies()
  const specs = new Map(RECORD_SPECS.map((spec) => [`/${spec.path}`, spec]))
  const paths: Record<string, Record<string, Schema>> = {}
  for (const route of routes) {
    const key = route.url.replace(/:(\w+)/g, '{$1}')
    const spec = specs.get(route.url.replace(/\/:id$/, ''))
    const body = bodyOf(table, route.method, route.url)
    paths[key] = {
      ...paths[key],
      [route.method.toLowerCase()]: operation(route.method, route.url, body, spec),
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Faktura: Billomat API', version: '1' },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }, { apiKeyQuery: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-BillomatApiKey' },
        apiKeyQuery: { type: 'apiKey', in: 'query', name: 'api_key' },
      },
    },
    paths,
  }
}
