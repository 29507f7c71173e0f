// Proves Idempotency-Key handling on both engines: a retry replays the stored answer without doing
// the work twice, another body with the same key is refused, and keys are kept per credential.

import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { DomainError } from '../../src/domain/errors.ts'
import { registerIdempotency } from '../../src/http/idempotency.ts'
import { setTenant, tenantOf } from '../../src/http/tenant.ts'
import { createWorld, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

describeEachEngine('idempotency keys', ({ storage }) => {
  let app: FastifyInstance
  let world: World

  beforeAll(async () => {
    world = await createWorld(storage())
    app = Fastify()
    registerIdempotency(app, world.core)
    await app.register(async (dialect) => {
      // Stands in for a dialect's auth hook: the credential comes from a test header.
      dialect.addHook('onRequest', async (request) => {
        setTenant(request, {
          organizationId: world.tenant.organizationId,
          credentialId: String(request.headers['x-credential'] ?? 'one'),
          dialect: 'billy',
          kind: 'access-token',
        })
      })
      dialect.setErrorHandler((error, _request, reply) => {
        if (error instanceof DomainError) return reply.code(409).send({ code: error.code })
        throw error
      })
      dialect.post<{ Body: { name: string } }>('/contacts', async (request, reply) => {
        const contact = await createContact(world.core, tenantOf(request), { name: request.body.name })
        return reply.code(201).send({ contactNo: String(contact.contactNo) })
      })
    })
  })
  afterAll(async () => app.close())

  const post = (name: string, key: string, credential = 'one') =>
    app.inject({
      method: 'POST',
      url: '/contacts',
      headers: { 'idempotency-key': key, 'x-credential': credential },
      payload: { name },
    })

  async function contactCount(): Promise<number> {
    const rows = await storage()
      .db.selectFrom('contacts')
      .select('contact_id')
      .where('organization_id', '=', world.tenant.organizationId)
      .execute()
    return rows.length
  }

  test('a retry with the same key and body replays the first answer and creates nothing more', async () => {
    const before = await contactCount()

    const first = await post('Ett AB', 'key-1')
    const retry = await post('Ett AB', 'key-1')

    expect(first.statusCode).toBe(201)
    expect(retry.statusCode).toBe(201)
    expect(retry.body).toBe(first.body)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(await contactCount()).toBe(before + 1)
  })

  test('the same key with another body is refused as idempotency_mismatch', async () => {
    await post('Två AB', 'key-2')

    const other = await post('Tre AB', 'key-2')

    expect(other.statusCode).toBe(409)
    expect(other.json()).toEqual({ code: 'idempotency_mismatch' })
  })

  test('keys are kept per credential', async () => {
    const first = await post('Fyra AB', 'key-3', 'one')
    const second = await post('Fyra AB', 'key-3', 'two')

    expect(second.headers['idempotent-replayed']).toBeUndefined()
    expect(second.json().contactNo).not.toBe(first.json().contactNo)
  })

  test('requests without a key are not affected', async () => {
    const before = await contactCount()

    await app.inject({ method: 'POST', url: '/contacts', payload: { name: 'Fem AB' } })
    await app.inject({ method: 'POST', url: '/contacts', payload: { name: 'Fem AB' } })

    expect(await contactCount()).toBe(before + 2)
  })
})
