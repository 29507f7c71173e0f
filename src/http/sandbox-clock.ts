// The sandbox clock over HTTP, for integrators who watch a dunning cycle without shell access:
// POST /admin/organizations/{id}/clock/advance {"days": N} moves the organization's clock N days,
// running each day's jobs, and GET .../clock reads it. Refused with 403 unless the server runs in
// sandbox mode. The caller proves it acts for the organization with any of its credentials, in any
// dialect's way of presenting it (Basic, X-BillomatApiKey, X-Access-Token). Faktura's own route,
// so it answers in Faktura's own error shape: { error, message, field? }.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { getOrganizationClock } from '../core/clock/advance-clock.ts'
import { authenticate, type PresentedCredential } from '../core/credentials/authenticate.ts'
import type { Dialect } from '../core/credentials/credential-kinds.ts'
import { DomainError, type DomainErrorCode } from '../domain/errors.ts'
import { advanceSandboxClock } from '../jobs/advance-sandbox-clock.ts'
import type { Scheduler } from '../jobs/scheduler.ts'
import { parseBasicAuth } from './basic-auth.ts'
import type { AppServices } from './server.ts'

const STATUS: Readonly<Record<DomainErrorCode, number>> = {
  invalid_field: 400,
  missing_field: 400,
  not_found: 404,
  conflict: 409,
  wrong_state: 409,
  currency_mismatch: 400,
  unbalanced_entry: 400,
  amount_exceeds_balance: 400,
  unauthenticated: 401,
  forbidden: 403,
  idempotency_mismatch: 409,
  limit_exceeded: 429,
}

function presentedCredentials(request: FastifyRequest): [Dialect, PresentedCredential][] {
  const header = (name: string) => {
    const value = request.headers[name]
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const found: [Dialect, PresentedCredential][] = []
  const basic = parseBasicAuth(header('authorization'))
  if (basic) {
    found.push(['billogram', { kind: 'api-user', userId: basic.user, key: basic.password }])
    found.push(['billy', { kind: 'user-password', email: basic.user, password: basic.password }])
  }
  const apiKey = header('x-billomatapikey')
  if (apiKey) found.push(['billomat', { kind: 'api-key', key: apiKey }])
  const token = header('x-access-token')
  if (token) found.push(['billy', { kind: 'access-token', token }])
  return found
}

async function organizationOf(services: AppServices, request: FastifyRequest): Promise<string | undefined> {
  for (const [dialect, presented] of presentedCredentials(request)) {
    const authenticated = await authenticate(services.core, services.authCache, dialect, presented)
    if (authenticated) return authenticated.organizationId
  }
  return undefined
}

function refuse(reply: FastifyReply, code: DomainErrorCode, message: string, field?: string) {
  return reply.code(STATUS[code]).send({ error: code, message, ...(field ? { field } : {}) })
}

type Params = { organizationId: string }

export function registerSandboxClock(
  app: FastifyInstance,
  services: AppServices,
  scheduler: Pick<Scheduler, 'runOrganization'>,
): void {
  async function tenantFor(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
    if (!services.config.sandbox) {
      await refuse(
        reply,
        'forbidden',
        'the clock moves only when the server runs in sandbox mode (--sandbox)',
      )
      return undefined
    }
    const organizationId = await organizationOf(services, request)
    if (!organizationId) {
      await refuse(reply, 'unauthenticated', "present one of the organization's credentials")
      return undefined
    }
    // Another organization's clock is none of this caller's business, nor whether it exists.
    if (organizationId !== request.params.organizationId) {
      await refuse(reply, 'not_found', `organization ${request.params.organizationId} does not exist`)
      return undefined
    }
    return { organizationId }
  }

  app.get<{ Params: Params }>('/admin/organizations/:organizationId/clock', async (request, reply) => {
    const tenant = await tenantFor(request, reply)
    if (!tenant) return reply
    return getOrganizationClock(services.core, tenant)
  })

  app.post<{ Params: Params }>(
    '/admin/organizations/:organizationId/clock/advance',
    async (request, reply) => {
      const tenant = await tenantFor(request, reply)
      if (!tenant) return reply
      const body = request.body
      const days = typeof body === 'object' && body !== null ? (body as { days?: unknown }).days : undefined
      try {
        return await advanceSandboxClock(services.core, scheduler, tenant, { days, sandbox: true })
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        return refuse(reply, error.code, error.message, error.details.field)
      }
    },
  )
}
