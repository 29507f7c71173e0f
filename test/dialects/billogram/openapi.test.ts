// Proves the dialect describes itself: an OpenAPI 3.1 document at openapi.json, open without
// credentials, whose paths are the routes it answers and whose request schemas are the catalogs
// that check request bodies (so a key the document lacks is one the server refuses).

import { expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { PREFIX, useBillogramApi } from './support/billogram-api.ts'

describeEachEngine('billogram openapi', ({ storage }) => {
  const api = useBillogramApi(storage)

  test('the document is served without credentials and names the mount as its server', async () => {
    const response = await api.app().inject({ url: `${PREFIX}/openapi.json` })

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.json()).toMatchObject({
      openapi: '3.1.0',
      servers: [{ url: expect.stringMatching(/\/billogram\/api\/v2$/) }],
    })
  })

  test('every documented command and resource path answers, and read-only fields are marked', async () => {
    const document = (await api.app().inject({ url: `${PREFIX}/openapi.json` })).json()

    const customer = document.paths['/customer'].post.requestBody.content['application/json'].schema
    const send =
      document.paths['/billogram/{id}/command/send'].post.requestBody.content['application/json'].schema
    expect(customer.properties.created_at).toEqual({ readOnly: true })
    expect(customer.additionalProperties).toBe(false)
    expect(Object.keys(send.properties)).toEqual(['method'])
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/billogram/{id}', '/billogram_event', '/settings']),
    )
  })

  test('a key missing from the documented schema is one the server refuses', async () => {
    const document = (await api.app().inject({ url: `${PREFIX}/openapi.json` })).json()
    const itemSchema = document.paths['/item'].post.requestBody.content['application/json'].schema

    const response = await api.call('POST', '/item', {
      title: 'x',
      price: 1,
      vat: 25,
      unit: 'unit',
      colour: 'red',
    })

    expect(itemSchema.properties.colour).toBeUndefined()
    expect(response.json.status).toBe('UNKNOWN_PARAMETER')
  })
})
