// The dialect's OpenAPI 3.1 document, built from the tables the dialect itself runs on: the paths
// and methods it routes, and for each request body the catalog that checks it (which keys exist,
// which are read-only, what nests). Field types are not in those catalogs, so the document does
// not claim any; it says what the server accepts and refuses by name.

import type { HTTPMethods } from 'fastify'
import { PATHS } from './routes/paths.ts'
import { TAB_ITEM, TAB_SETTINGS } from './wire/billing-tab.ts'
import { BILLOGRAM_CREATE, BILLOGRAM_UPDATE } from './wire/billogram-catalog.ts'
import { COMMAND_CATALOGS } from './wire/commands.ts'
import { CUSTOMER_CREATE, CUSTOMER_UPDATE } from './wire/customer.ts'
import { ITEM_CREATE, ITEM_UPDATE } from './wire/item.ts'
import { OFFER_CREATE } from './wire/offer.ts'
import { SETTINGS } from './wire/settings.ts'
import type { Catalog, FieldSpec } from './wire/strict-body.ts'

type Schema = Readonly<Record<string, unknown>>

function fieldSchema(spec: FieldSpec): Schema {
  if (spec === 'w') return {}
  if (spec === 'r') return { readOnly: true }
  if ('list' in spec) return { type: 'array', items: catalogSchema(spec.list) }
  return { ...catalogSchema(spec.object), ...(spec.readOnly ? { readOnly: true } : {}) }
}

export function catalogSchema(catalog: Catalog): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(catalog).map(([key, spec]) => [key, fieldSchema(spec)])),
  }
}

const BODIES: Readonly<Record<string, Readonly<Partial<Record<HTTPMethods, Catalog>>>>> = {
  '/customer': { POST: CUSTOMER_CREATE },
  '/customer/:customer_no': { PUT: CUSTOMER_UPDATE },
  '/item': { POST: ITEM_CREATE },
  '/item/:item_no': { PUT: ITEM_UPDATE },
  '/billogram': { POST: BILLOGRAM_CREATE },
  '/billogram/:id': { PUT: BILLOGRAM_UPDATE },
  '/billogram/:id/offer': { POST: OFFER_CREATE },
  '/settings': { PUT: SETTINGS },
  '/logotype': { PUT: { file_type: 'w', content: 'w' }, POST: { file_type: 'w', content: 'w' } },
  '/customer/:customer_no/billing-tab/items': { POST: TAB_ITEM },
  '/customer/:customer_no/billing-tab/settings': { PUT: TAB_SETTINGS, POST: TAB_SETTINGS },
}

const ENVELOPE: Schema = {
  type: 'object',
  required: ['status', 'data'],
  properties: { status: { type: 'string' }, data: {}, meta: { type: 'object' } },
}

const ERROR: Schema = {
  type: 'object',
  required: ['status', 'data'],
  properties: {
    status: { type: 'string' },
    data: {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string' }, field: { type: 'string' }, field_path: { type: 'array' } },
    },
  },
}

function operation(method: HTTPMethods, body: Catalog | undefined, parameters: readonly string[]) {
  return {
    parameters: parameters.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...(body ? { requestBody: { content: { 'application/json': { schema: catalogSchema(body) } } } } : {}),
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: ENVELOPE } } },
      default: { description: `${method} refused`, content: { 'application/json': { schema: ERROR } } },
    },
  }
}

function commandPaths() {
  return Object.fromEntries(
    Object.entries(COMMAND_CATALOGS).map(([name, catalog]) => [
      `/billogram/{id}/command/${name}`,
      { post: operation('POST', catalog, ['id']) },
    ]),
  )
}

export function openApiDocument(serverUrl: string) {
  const paths = Object.fromEntries(
    Object.entries(PATHS)
      .filter(([path]) => path !== '/billogram/:id/command/:command')
      .map(([path, methods]) => {
        const parameters = [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '')
        const operations = Object.fromEntries(
          methods.map((method) => [
            method.toLowerCase(),
            operation(method, BODIES[path]?.[method], parameters),
          ]),
        )
        return [path.replace(/:(\w+)/g, '{$1}'), operations]
      }),
  )
  return {
    openapi: '3.1.0',
    info: { title: 'Faktura: Billogram v2 API', version: '2' },
    servers: [{ url: serverUrl }],
    security: [{ basic: [] }],
    components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } } },
    paths: { ...paths, ...commandPaths() },
  }
}
