// Proves the request body limit: a body over BODY_LIMIT_BYTES is refused in the dialect's own
// error shape, and nothing is written.

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { createCredential } from '../../src/core/credentials/create-credential.ts'
import { createOrganization } from '../../src/core/organizations/create-organization.ts'
import { DIALECTS } from '../../src/dialects/all.ts'
import { buildServer, createServices } from '../../src/http/server.ts'
import { coreOf } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

describeEachEngine('request limits', ({ storage }) => {
  let app: FastifyInstance
  let authorization = ''
  let organizationId = ''

  beforeAll(async () => {
    const core = coreOf(storage())
    const config = loadConfig(
      { 'data-dir': '/tmp/unused' },
      { LOG_LEVEL: 'silent', BODY_LIMIT_BYTES: '1024' },
    )
    app = await buildServer(createServices(config, core), DIALECTS)
    ;({ organizationId } = await createOrganization(core, {
      name: 'Limit AB',
      country: 'SE',
      currency: 'SEK',
    }))
    const { secrets } = await createCredential(core, { organizationId, dialect: 'billogram' })
    authorization = `Basic ${Buffer.from(`${secrets.apiUser}:${secrets.apiKey}`).toString('base64')}`
  })
  afterAll(async () => app.close())

  test('a body over the limit gets the dialect error shape and writes nothing', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/billogram/api/v2/customer',
      headers: { authorization, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2048) }),
    })

    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { message: expect.stringContaining('too large') },
    })
    const contacts = await storage()
      .db.selectFrom('contacts')
      .select('contact_id')
      .where('organization_id', '=', organizationId)
      .execute()
    expect(contacts).toHaveLength(0)
  })
})
