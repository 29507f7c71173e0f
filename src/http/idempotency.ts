// The Idempotency-Key header on every mutating request of every dialect. Runs after the dialect's
// authentication (a root preHandler follows the dialects' onRequest hooks), so keys are kept per
// organization and credential; a refusal is a DomainError, answered in the dialect's own shape.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { CoreContext } from '../core/context.ts'
import type { Authenticated } from '../core/credentials/authenticate.ts'
import {
  claimIdempotencyKey,
  requestFingerprint,
  settleIdempotencyKey,
} from '../core/idempotency/idempotent-request.ts'
import { findTenant } from './tenant.ts'

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const REPLAYED_HEADERS = ['content-type', 'content-disposition', 'location', 'x-total-count']
const BINARY_MARKER = '\u0000base64:'

type Claimed = { tenant: Authenticated; scope: string; key: string }
const claims = new WeakMap<FastifyRequest, Claimed>()

function bodyText(request: FastifyRequest): string {
  const body = request.body
  if (body === undefined || body === null) return ''
  return typeof body === 'string' ? body : JSON.stringify(body)
}

export function registerIdempotency(app: FastifyInstance, core: CoreContext): void {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key']
    if (typeof key !== 'string' || !MUTATING.has(request.method)) return
    const tenant = findTenant(request)
    if (!tenant) return
    const scope = `${tenant.dialect}:${tenant.credentialId}`
    const fingerprint = requestFingerprint(request.method, request.url, bodyText(request))
    const claim = await claimIdempotencyKey(core, tenant, { scope, key, fingerprint })
    if (claim.kind === 'replay') {
      for (const [name, value] of Object.entries(claim.response.headers)) reply.header(name, value)
      reply.header('idempotent-replayed', 'true')
      const { body } = claim.response
      // Binary bodies (PDFs) are stored base64 behind a marker; text is stored as it was sent.
      const payload = body.startsWith(BINARY_MARKER)
        ? Buffer.from(body.slice(BINARY_MARKER.length), 'base64')
        : body
      return reply.code(claim.response.status).send(payload)
    }
    claims.set(request, { tenant, scope, key })
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = claims.get(request)
    if (!claim) return payload
    claims.delete(request)
    const headers: Record<string, string> = {}
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name)
      if (value !== undefined) headers[name] = String(value)
    }
    const body =
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? `${BINARY_MARKER}${payload.toString('base64')}`
          : ''
    await settleIdempotencyKey(core, claim.tenant, {
      scope: claim.scope,
      key: claim.key,
      response: { status: reply.statusCode, headers, body },
    })
    return payload
  })
}
