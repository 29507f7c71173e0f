// The dialect's OpenAPI 3.1 document, generated from the same resource descriptions the engine
// parses requests with, so the document cannot drift from what the server accepts.

import type { ResourceRegistry } from './registry.ts'
import { supports } from './registry.ts'
import type { PropertyDef, Resource, ResourceDef } from './resource.ts'

type Schema = Record<string, unknown>

function propertySchema(property: PropertyDef): Schema {
  const readOnly = property.access === 'readonly' ? { readOnly: true } : {}
  const description = property.description ? { description: property.description } : {}
  const common = { ...readOnly, ...description }
  switch (property.type) {
    case 'string':
    case 'id':
      return { type: ['string', 'null'], ...common }
    case 'integer':
      return { type: ['integer', 'null'], ...common }
    case 'float':
      return { type: ['number', 'null'], ...common }
    case 'boolean':
      return { type: 'boolean', ...common }
    case 'date':
      return { type: ['string', 'null'], format: 'date', ...common }
    case 'datetime':
      return { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$', ...common }
    case 'enum':
      return { type: ['string', 'null'], enum: [...(property.values ?? []), null], ...common }
    case 'reference':
      return { type: 'string', pattern: '^[A-Za-z]+:.+$', ...common }
    case 'strings':
      return { type: 'array', items: { type: 'string' }, ...common }
  }
}

function recordSchema(def: ResourceDef): Schema {
  const properties: Record<string, Schema> = { id: { type: 'string', readOnly: true } }
  for (const [name, property] of Object.entries(def.properties)) properties[name] = propertySchema(property)
  for (const [name, relation] of Object.entries(def.hasMany ?? {})) {
    properties[name] = {
      type: 'array',
      items: { $ref: `#/components/schemas/${relation.resource}` },
      ...(relation.save === 'readonly' ? { readOnly: true } : {}),
      description: `Has-many; ${relation.save === 'replace' ? 'saving it replaces the existing ones' : relation.save === 'create' ? 'given on create only' : 'read-only'}.`,
    }
  }
  properties._clientId = { description: 'Echoed back on the saved record.' }
  const required = Object.entries(def.properties)
    .filter(([, property]) => property.required)
    .map(([name]) => name)
  return { type: 'object', properties, ...(required.length ? { required } : {}) }
}

const ERROR = { $ref: '#/components/responses/error' }
const META = { $ref: '#/components/schemas/meta' }

function pluralBody(def: ResourceDef): Schema {
  return {
    description: 'Every record the request changed, under plural keys; deleted ids in meta.deletedRecords.',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          properties: {
            meta: META,
            [def.plural]: { type: 'array', items: { $ref: `#/components/schemas/${def.singular}` } },
          },
        },
      },
    },
  }
}

function singularRequest(def: ResourceDef): Schema {
  return {
    required: true,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: [def.singular],
          properties: { [def.singular]: { $ref: `#/components/schemas/${def.singular}` } },
        },
      },
    },
  }
}

const LIST_PARAMETERS = ['page', 'pageSize', 'offset', 'sortProperty', 'sortDirection', 'include', 'q'].map(
  (name) => ({
    name,
    in: 'query',
    required: false,
    schema: { type: name === 'page' || name === 'pageSize' || name === 'offset' ? 'integer' : 'string' },
  }),
)

/** A raw upload (`POST /v2/files`): the body is the file itself, its name in a header. */
const RAW_UPLOAD: Schema = {
  parameters: [{ name: 'X-Filename', in: 'header', required: true, schema: { type: 'string' } }],
  requestBody: {
    required: true,
    description: 'The file itself, with its own Content-Type.',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  },
}

function operations(resource: Resource): { many: Schema; one: Schema } {
  const { def } = resource
  const many: Schema = {}
  const one: Schema = {}
  const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]
  const filters = Object.keys(def.filters ?? {}).map((name) => ({
    name,
    in: 'query',
    required: false,
    schema: { type: 'string' },
  }))
  const responses = (ok: Schema) => ({
    '200': ok,
    '400': ERROR,
    '401': ERROR,
    '404': ERROR,
    '405': ERROR,
    '422': ERROR,
  })
  const listBody = pluralBody(def)
  if (supports(resource, 'list'))
    many.get = {
      operationId: `list_${def.plural}`,
      parameters: [...LIST_PARAMETERS, ...filters],
      responses: responses(listBody),
    }
  if (supports(resource, 'create'))
    many.post = {
      operationId: `create_${def.singular}`,
      ...(resource.store.upload ? RAW_UPLOAD : { requestBody: singularRequest(def) }),
      responses: responses(listBody),
    }
  if (supports(resource, 'bulkSave'))
    many.patch = { operationId: `bulk_save_${def.plural}`, responses: responses(listBody) }
  if (supports(resource, 'bulkDelete'))
    many.delete = {
      operationId: `bulk_delete_${def.plural}`,
      parameters: [
        { name: 'ids[]', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' } } },
      ],
      responses: responses(listBody),
    }
  const singleBody = {
    description: 'The record under its singular key.',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          properties: { meta: META, [def.singular]: { $ref: `#/components/schemas/${def.singular}` } },
        },
      },
    },
  }
  one.get = {
    operationId: `get_${def.singular}`,
    parameters: [...id, ...LIST_PARAMETERS.filter((parameter) => parameter.name === 'include')],
    responses: responses(singleBody),
  }
  if (supports(resource, 'update'))
    one.put = {
      operationId: `update_${def.singular}`,
      parameters: id,
      requestBody: singularRequest(def),
      responses: responses(listBody),
    }
  if (supports(resource, 'delete'))
    one.delete = { operationId: `delete_${def.singular}`, parameters: id, responses: responses(listBody) }
  return { many, one }
}

export function openApiDocument(registry: ResourceRegistry, serverUrl: string): Schema {
  const paths: Record<string, Schema> = {}
  const schemas: Record<string, Schema> = {
    meta: {
      type: 'object',
      properties: {
        statusCode: { type: 'integer' },
        success: { type: 'boolean' },
        paging: { type: 'object' },
        deletedRecords: { type: 'object' },
      },
    },
    error: {
      type: 'object',
      properties: {
        meta: META,
        errorCode: { type: 'string' },
        errorMessage: { type: 'string' },
        validationErrors: { type: 'object' },
      },
    },
  }
  for (const resource of registry.all) {
    const { many, one } = operations(resource)
    if (Object.keys(many).length > 0) paths[`/${resource.def.plural}`] = many
    paths[`/${resource.def.plural}/{id}`] = one
    schemas[resource.def.singular] = recordSchema(resource.def)
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Billy API v2 (Faktura)', version: '2' },
    servers: [{ url: serverUrl }],
    security: [{ accessToken: [] }, { basic: [] }],
    paths,
    components: {
      schemas,
      responses: {
        error: {
          description: 'Billy’s error envelope',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } },
        },
      },
      securitySchemes: {
        accessToken: { type: 'apiKey', in: 'header', name: 'X-Access-Token' },
        basic: { type: 'http', scheme: 'basic' },
      },
    },
  }
}
