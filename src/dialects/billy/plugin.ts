// Mounts the Billy v2 dialect. Before anything else it answers 405 for operations a resource does
// not support, as Billy does before authentication; then `X-Access-Token` or Basic (user email and
// password), checked before routing; reference data (countries, currencies, locales) is readable
// without credentials. Errors leave through one hook in Billy's envelope.

import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Authenticated } from '../../core/credentials/authenticate.ts'
import { authenticate, type PresentedCredential } from '../../core/credentials/authenticate.ts'
import { DomainError } from '../../domain/errors.ts'
import { parseBasicAuth } from '../../http/basic-auth.ts'
import type { AppServices, DialectMount } from '../../http/server.ts'
import { setTenant, tenantOf } from '../../http/tenant.ts'
import { type Engine, InvalidDeleteIds } from './engine/handlers.ts'
import { type ResourceRegistry, requestedOperation, supports } from './engine/registry.ts'
import { registerResourceRoutes } from './engine/routes.ts'
import { errorBody, fromDomainError } from './errors.ts'
import { BILLY_REGISTRY } from './resources/registry.ts'
import { isPublicRoute, registerSpecialRoutes } from './special-routes.ts'

/** Stands in for a tenant on public reference routes; it owns no records, so nothing leaks. */
const ANONYMOUS: Authenticated = {
  organizationId: '',
  credentialId: '',
  dialect: 'billy',
  kind: 'access-token',
}

function send(reply: FastifyReply, statusCode: number, errorCode: string, message: string): FastifyReply {
  return reply.code(statusCode).send(errorBody(statusCode, errorCode, message))
}

function pathBelow(prefix: string, request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? ''
  return path.startsWith(prefix) ? path.slice(prefix.length) : path
}

function presentedCredential(request: FastifyRequest): PresentedCredential | undefined {
  const token = request.headers['x-access-token']
  if (typeof token === 'string' && token.trim() !== '') return { kind: 'access-token', token: token.trim() }
  const pair = parseBasicAuth(request.headers.authorization)
  return pair ? { kind: 'user-password', email: pair.user, password: pair.password } : undefined
}

function refusedMethod(
  registry: ResourceRegistry,
  request: FastifyRequest,
  path: string,
): string | undefined {
  const asked = requestedOperation(registry, request.method, path)
  if (!asked || supports(asked.resource, asked.operation)) return undefined
  return `${request.method} is not allowed on ${asked.resource.def.plural}`
}

function languageOf(header: string | undefined): string {
  const match = /^\s*([A-Za-z]{2,3})/.exec(header ?? '')
  return match?.[1]?.toLowerCase() ?? 'en'
}

function engineFor(services: AppServices, prefix: string): Engine {
  const facts = new Map<string, unknown>()
  return {
    registry: BILLY_REGISTRY,
    core: services.core,
    contextOf: (request) => ({
      core: services.core,
      tenant: tenantOf(request),
      baseUrl: `${request.protocol}://${request.host}${prefix}`,
      language: languageOf(request.headers['accept-language']),
      cache: new Map(),
      facts,
    }),
  }
}

const plugin: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const prefix = app.prefix
  app.addHook('onRequest', async (request, reply) => {
    const path = pathBelow(prefix, request)
    const refused = refusedMethod(BILLY_REGISTRY, request, path)
    if (refused) return send(reply, 405, 'METHOD_NOT_ALLOWED', refused)
    const presented = presentedCredential(request)
    if (!presented) {
      if (isPublicRoute(BILLY_REGISTRY, request.method, path)) return setTenant(request, ANONYMOUS)
      return send(
        reply,
        401,
        'AUTHENTICATION_REQUIRED',
        'You need to use Basic auth or supply an OAuth access token in the X-Access-Token header.',
      )
    }
    const authenticated = await authenticate(services.core, services.authCache, 'billy', presented)
    if (!authenticated) {
      return presented.kind === 'access-token'
        ? send(reply, 401, 'OAUTH_INVALID_ACCESS_TOKEN', 'The access token is invalid.')
        : send(reply, 401, 'AUTHENTICATION_FAILED', 'The email or password is wrong.')
    }
    setTenant(request, authenticated)
  })

  app.setNotFoundHandler((request, reply) => {
    send(reply, 404, 'UNKNOWN_RESOURCE', `Unknown resource: ${request.method} ${request.url.split('?')[0]}`)
  })

  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const body = fromDomainError(error)
      return reply.code(body.meta.statusCode).send(body)
    }
    if (error instanceof InvalidDeleteIds) return send(reply, 400, 'INVALID_DELETE_ID_ARRAY', error.message)
    if (error.statusCode && error.statusCode < 500)
      return send(reply, error.statusCode, 'INVALID_REQUEST', error.message)
    request.log.error({ err: error }, 'unhandled error')
    return send(reply, 500, 'INTERNAL_ERROR', 'An internal error occurred.')
  })

  const engine = engineFor(services, prefix)
  registerSpecialRoutes(app, engine, services)
  registerResourceRoutes(app, engine)
}

export const billyDialect: DialectMount = { name: 'billy', prefix: '/billy/v2', ownPrefix: '/v2', plugin }
