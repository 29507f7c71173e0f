// Proves the dialect describes itself: an OpenAPI 3.1 document at openapi.json, open without
// credentials on both mounts, whose paths are exactly the routes Fastify mounted for the dialect
// (compared against the router's own table), whose schemas compile as JSON Schema 2020-12 (the
// dialect of OpenAPI 3.1), and whose record bodies are the specs that check requests.

import { Ajv2020 } from 'ajv/dist/2020.js'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, openBillomat } from './harness.ts'

type Operation = {
  parameters: { name: string; in: string; required?: boolean }[]
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }
  responses: Record<string, unknown>
}
type Document = {
  openapi: string
  info: { title: string; version: string }
  servers: { url: string }[]
  paths: Record<string, Record<string, Operation>>
  components: { securitySchemes: Record<string, unknown> }
}

const PREFIX = '/billomat/api'
const METHODS = ['get', 'head', 'post', 'put', 'delete', 'patch', 'options']

/** Every "METHOD /path" under `prefix` in the router's own table (printRoutes, one path a line). */
function mountedRoutes(app: FastifyInstance, prefix: string): Set<string> {
  const routes = new Set<string>()
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    stack.length = depth
    const path = (stack[depth - 1] ?? '') + match[2]
    stack.push(path)
    if (!path.startsWith(`${prefix}/`) || !match[3]) continue
    for (const method of match[3].split(', ')) routes.add(`${method} ${path.slice(prefix.length)}`)
  }
  return routes
}

function documentedRoutes(document: Document): Set<string> {
  return new Set(
    Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    ),
  )
}

describeEachEngine('billomat openapi', ({ storage }) => {
  let api: Billomat
  let document: Document
  beforeAll(async () => {
    api = await openBillomat(storage())
    document = (await api.app.inject({ url: `${PREFIX}/openapi.json` })).json()
  })
  afterAll(async () => api.close())

  test('the document is served without credentials, names its mount and is OpenAPI 3.1 in shape', async () => {
    const response = await api.app.inject({ url: `${PREFIX}/openapi.json` })

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.headers['x-rate-limit-remaining']).toBeDefined()
    expect(document).toMatchObject({
      openapi: expect.stringMatching(/^3\.1\.\d+$/),
      info: { title: expect.any(String), version: expect.any(String) },
      servers: [{ url: expect.stringMatching(/\/billomat\/api$/) }],
      components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-BillomatApiKey' } } },
    })
    for (const [path, operations] of Object.entries(document.paths)) {
      expect(path).toMatch(/^\//)
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
      for (const [method, operation] of Object.entries(operations)) {
        expect(METHODS).toContain(method)
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0)
        const inPath = operation.parameters.filter((parameter) => parameter.in === 'path')
        expect(inPath.map((parameter) => parameter.name)).toEqual(templated)
        expect(inPath.every((parameter) => parameter.required === true)).toBe(true)
      }
    }
  })

  test('the paths are exactly the routes Fastify mounted for the dialect', () => {
    const mounted = mountedRoutes(api.app, PREFIX)
    const documented = documentedRoutes(document)

    expect([...documented].sort()).toEqual([...mounted].sort())
    for (const route of [
      'POST /incomings',
      'PUT /incoming-items/:id',
      'GET /suppliers/:id',
      'GET /openapi.json',
    ])
      expect(documented).toContain(route)
    for (const route of documented) {
      const [method, url] = route.split(' ') as [string, string]
      expect(api.app.hasRoute({ method: method as 'GET', url: `${PREFIX}${url}` }), route).toBe(true)
    }
  })

  test('every schema compiles as JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false })
    let compiled = 0

    for (const operations of Object.values(document.paths))
      for (const operation of Object.values(operations))
        for (const media of Object.values(operation.requestBody?.content ?? {})) {
          ajv.compile(media.schema)
          compiled += 1
        }

    expect(compiled).toBeGreaterThan(100)
  })

  test('every body of every route names the fields its route reads', () => {
    const unnamed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => {
        const schema = operation.requestBody?.content['application/json']?.schema
        const inner = schema?.additionalProperties as { properties?: object } | undefined
        return schema && !inner?.properties ? [`${method} ${path}`] : []
      }),
    )
    const fieldsOf = (path: string, method: string) => {
      const schema = document.paths[path]?.[method]?.requestBody?.content['application/json']?.schema ?? {}
      return (schema.additionalProperties as { properties: object }).properties
    }

    expect(unnamed).toEqual([])
    expect(Object.keys(fieldsOf('/offers/{id}/email', 'post'))).toContain('recipients')
    expect(fieldsOf('/invoices/{id}/cancel', 'put')).toEqual({})
  })

  test('a record body is described by the spec that checks it: what the schema refuses, the server refuses', async () => {
    const schema = document.paths['/taxes']?.post?.requestBody?.content['application/json']?.schema ?? {}
    const validate = new Ajv2020({ strict: false }).compile(schema)
    const good = { tax: { name: 'MwSt', rate: '19', is_default: 0 } }
    const bad = { tax: { name: 'MwSt', rate: 'neunzehn' } }
    const missing = { tax: { rate: 19 } }

    expect(validate(good)).toBe(true)
    expect(validate(bad)).toBe(false)
    expect(validate(missing)).toBe(false)
    expect((await api.json('POST', '/taxes', good)).statusCode).toBe(201)
    expect((await api.json('POST', '/taxes', bad)).json().errors.error).toContain('rate')
    expect((await api.json('POST', '/taxes', missing)).json().errors.error).toContain('name')
  })

  test('lists document their paging and record filters; the parent of a sub-resource is required', () => {
    const comments = document.paths['/incoming-comments']?.get?.parameters ?? []
    const templates = document.paths['/templates']?.get?.parameters ?? []
    const supplierBody =
      document.paths['/suppliers']?.post?.requestBody?.content['application/xml']?.schema ?? {}

    expect(comments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'incoming_id', required: true }),
        expect.objectContaining({ name: 'actionkey' }),
        expect.objectContaining({ name: 'per_page' }),
      ]),
    )
    expect(templates.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['type', 'template_type', 'is_default']),
    )
    expect(Object.keys((supplierBody.additionalProperties as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['name', 'creditor_identifier', 'bank_iban']),
    )
  })
})
