// Proves the shared HTTP plumbing on both engines: health, readiness, metrics, request ids, and
// each dialect's authentication answering in its vendor's own shape.

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { createCredential } from '../../src/core/credentials/create-credential.ts'
import { createOrganization } from '../../src/core/organizations/create-organization.ts'
import { DIALECTS, dialectsFor } from '../../src/dialects/all.ts'
import { buildServer, createServices } from '../../src/http/server.ts'
import { coreOf } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describeEachEngine('http server', ({ storage }) => {
  let app: FastifyInstance
  let secrets: {
    billogram: Record<string, string>
    billomat: Record<string, string>
    billy: Record<string, string>
  }

  beforeAll(async () => {
    const core = coreOf(storage())
    app = await buildServer(
      createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), core),
      DIALECTS,
    )
    const { organizationId } = await createOrganization(core, {
      name: 'Auth AB',
      country: 'SE',
      currency: 'SEK',
    })
    const billogram = await createCredential(core, { organizationId, dialect: 'billogram' })
    const billomat = await createCredential(core, { organizationId, dialect: 'billomat' })
    const billy = await createCredential(core, { organizationId, dialect: 'billy' })
    await createCredential(core, {
      organizationId,
      dialect: 'billy',
      userPassword: { email: 'Ekonomi@Auth.example', password: 'correct horse' },
    })
    secrets = { billogram: billogram.secrets, billomat: billomat.secrets, billy: billy.secrets }
  })
  afterAll(async () => app.close())

  test('healthz, readyz and metrics answer', async () => {
    const health = await app.inject('/healthz')
    const ready = await app.inject('/readyz')
    const metrics = await app.inject('/metrics')

    expect(health.json()).toEqual({ status: 'ok' })
    expect(ready.statusCode).toBe(200)
    expect(metrics.body).toContain('faktura_http_requests_total')
    expect(metrics.body).toContain('faktura_process_resident_memory_bytes')
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  test('a request id sent by the client is echoed', async () => {
    const response = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } })

    expect(response.headers['x-request-id']).toBe('abc-123')
  })

  test('billogram without credentials gets 401 MISSING_AUTH with a challenge and exact content type', async () => {
    const response = await app.inject('/billogram/api/v2/billogram')

    expect(response.statusCode).toBe(401)
    expect(response.headers['www-authenticate']).toMatch(/^Basic realm=/)
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.json()).toMatchObject({ status: 'MISSING_AUTH', data: { message: expect.any(String) } })
  })

  test('billogram with a wrong key gets 403 INVALID_AUTH', async () => {
    const response = await app.inject({
      url: '/billogram/api/v2/billogram',
      headers: { authorization: basic(secrets.billogram.apiUser ?? '', 'wrong') },
    })

    expect(response.statusCode).toBe(403)
    expect(response.json().status).toBe('INVALID_AUTH')
  })

  test('billogram with the right key reaches the dialect, which answers NOT_FOUND for unknown paths', async () => {
    const response = await app.inject({
      url: '/billogram/api/v2//nothing-here/',
      headers: { authorization: basic(secrets.billogram.apiUser ?? '', secrets.billogram.apiKey ?? '') },
    })

    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ status: 'NOT_FOUND', data: { message: expect.any(String) } })
  })

  test('billomat without a key gets 401 with an XML error body by default', async () => {
    const response = await app.inject('/billomat/api/invoices')

    expect(response.statusCode).toBe(401)
    expect(response.headers['content-type']).toContain('application/xml')
    expect(response.body).toMatch(/<errors><error>unauthorized[^<]*<\/error><\/errors>/)
  })

  test('billomat answers JSON errors when asked, and treats an empty key as absent', async () => {
    const response = await app.inject({
      url: '/billomat/api/invoices?format=json',
      headers: { 'x-billomatapikey': '', 'x-appid': '', 'x-appsecret': '' },
    })

    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ errors: { error: expect.stringContaining('unauthorized') } })
  })

  test('billomat accepts the key in the header or the api_key query', async () => {
    const key = secrets.billomat.apiKey ?? ''

    const byHeader = await app.inject({
      url: '/billomat/api/unknown',
      headers: { 'x-billomatapikey': key, accept: 'application/json' },
    })
    const byQuery = await app.inject({ url: `/billomat/api/unknown?api_key=${key}&format=json` })

    expect(byHeader.statusCode).toBe(404)
    expect(byQuery.statusCode).toBe(404)
    expect(byQuery.json().errors.error).toContain('row not found')
  })

  test('the operator sets the Billomat quota; past it the answer is 429 with the rate headers', async () => {
    const config = loadConfig(
      { 'data-dir': '/tmp/unused' },
      { LOG_LEVEL: 'silent', BILLOMAT_RATE_LIMIT: '2' },
    )
    const limited = await buildServer(createServices(config, coreOf(storage())), dialectsFor(config))
    const get = () =>
      limited.inject({
        url: '/billomat/api/unknown',
        headers: { 'x-billomatapikey': secrets.billomat.apiKey ?? '', accept: 'application/json' },
      })
    try {
      const answers = [await get(), await get(), await get()]
      expect(answers.map((answer) => answer.statusCode)).toEqual([404, 404, 429])
      expect(answers.map((answer) => answer.headers['x-rate-limit-remaining'])).toEqual(['1', '0', '0'])
    } finally {
      await limited.close()
    }
  })

  test('a Billomat quota that is not a positive integer stops the start, naming the variable', () => {
    expect(() => loadConfig({}, { BILLOMAT_RATE_LIMIT: 'lots' })).toThrow(/BILLOMAT_RATE_LIMIT/)
    expect(() => loadConfig({}, { BILLOMAT_RATE_LIMIT_APP: '0' })).toThrow(/BILLOMAT_RATE_LIMIT_APP/)
  })

  test('billy without credentials gets AUTHENTICATION_REQUIRED in its envelope', async () => {
    const response = await app.inject('/billy/v2/invoices')

    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({
      meta: { statusCode: 401, success: false },
      errorCode: 'AUTHENTICATION_REQUIRED',
    })
  })

  test('billy with a wrong token gets OAUTH_INVALID_ACCESS_TOKEN whatever the path', async () => {
    const response = await app.inject({
      url: '/billy/v2/no/such/route',
      headers: { 'x-access-token': 'deadbeef' },
    })

    expect(response.statusCode).toBe(401)
    expect(response.json().errorCode).toBe('OAUTH_INVALID_ACCESS_TOKEN')
  })

  test('billy accepts its access token and Basic email and password', async () => {
    const byToken = await app.inject({
      url: '/billy/v2/nothing',
      headers: { 'x-access-token': secrets.billy.accessToken ?? '' },
    })
    const byBasic = await app.inject({
      url: '/billy/v2/nothing',
      headers: { authorization: basic('ekonomi@auth.example', 'correct horse') },
    })
    const wrongPassword = await app.inject({
      url: '/billy/v2/nothing',
      headers: { authorization: basic('ekonomi@auth.example', 'wrong horse') },
    })

    expect(byToken.json().errorCode).toBe('UNKNOWN_RESOURCE')
    expect(byBasic.json().errorCode).toBe('UNKNOWN_RESOURCE')
    expect(wrongPassword.statusCode).toBe(401)
  })

  test('a credential of one dialect does not open another', async () => {
    const response = await app.inject({
      url: '/billy/v2/nothing',
      headers: { 'x-access-token': secrets.billomat.apiKey ?? '' },
    })

    expect(response.statusCode).toBe(401)
  })
})
