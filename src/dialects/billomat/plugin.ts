// Mounts the Billomat dialect: API key from `X-BillomatApiKey` or `api_key`, the rate limit with
// its headers on every answer, XML unless the client asks for JSON, errors in the format the
// client reads, and the resource routes.

import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { authenticate } from '../../core/credentials/authenticate.ts'
import { DomainError } from '../../domain/errors.ts'
import type { AppServices, DialectMount } from '../../http/server.ts'
import { setTenant } from '../../http/tenant.ts'
import { errorPayload, fromDomainError } from './errors.ts'
import { wireFormatOf } from './format.ts'
import { type MountedRoute, openApiDocument } from './openapi.ts'
import {
  BILLOMAT_RATE_LIMIT,
  createRateLimiter,
  type RateDecision,
  type RateLimitOptions,
} from './rate-limit.ts'
import { registerRoutes } from './routes/register.ts'

export { wireFormatOf } from './format.ts'

export function sendErrors(
  request: FastifyRequest,
  reply: FastifyReply,
  httpStatus: number,
  messages: string[],
): FastifyReply {
  const { contentType, body } = errorPayload(wireFormatOf(request), messages)
  return reply.code(httpStatus).header('content-type', contentType).send(body)
}

function headerValue(request: FastifyRequest, name: string): string {
  const header = request.headers[name]
  return (Array.isArray(header) ? header[0] : header)?.trim() ?? ''
}

function presentedKey(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined
  const key =
    headerValue(request, 'x-billomatapikey') ||
    (typeof query?.api_key === 'string' ? query.api_key.trim() : '')
  return key === '' ? undefined : key
}

/** Empty app headers count as absent: JFROST always sends them, empty when unconfigured (§1.2). */
function hasApp(request: FastifyRequest): boolean {
  return headerValue(request, 'x-appid') !== '' && headerValue(request, 'x-appsecret') !== ''
}

export type BillomatDialectOptions = Readonly<{ rateLimit?: RateLimitOptions }>

function billomatPlugin(options: BillomatDialectOptions): FastifyPluginAsync<{ services: AppServices }> {
  return async (app, { services }) => {
    const limiter = createRateLimiter(options.rateLimit ?? BILLOMAT_RATE_LIMIT)
    const decisions = new WeakMap<FastifyRequest, RateDecision>()
    const nowMs = () => services.core.clock.now().getTime()

    app.removeAllContentTypeParsers()
    // Bodies are parsed by the routes (XML or JSON, any root element); keep the text.
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, String(body)))

    app.addHook('onRequest', async (request, reply) => {
      // The API's description is public, as the vendor's documentation is.
      if (request.routeOptions.url?.endsWith('/openapi.json')) return
      const key = presentedKey(request)
      if (!key) return sendErrors(request, reply, 401, ['unauthorized: missing API key (X-BillomatApiKey)'])
      const authenticated = await authenticate(services.core, services.authCache, 'billomat', {
        kind: 'api-key',
        key,
      })
      if (!authenticated) return sendErrors(request, reply, 401, ['unauthorized: invalid API key'])
      setTenant(request, authenticated)
      const decision = limiter.take(authenticated.organizationId, hasApp(request), nowMs())
      decisions.set(request, decision)
      if (!decision.allowed) {
        const message = `Maximum number of requests (${decision.limit} per 15 minutes) reached. Try again in ${decision.retryAfterSeconds} seconds.`
        return sendErrors(request, reply, 429, [message])
      }
    })

    app.addHook('onSend', async (request, reply) => {
      const decision = decisions.get(request) ?? limiter.peek('anonymous', hasApp(request), nowMs())
      reply.header('x-rate-limit-remaining', String(decision.remaining))
      reply.header('x-rate-limit-reset', String(decision.resetEpochSeconds))
    })

    app.setNotFoundHandler((request, reply) => {
      sendErrors(request, reply, 404, [`row not found: ${request.method} ${request.url.split('?')[0]}`])
    })

    app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
      if (error instanceof DomainError) {
        const { httpStatus, messages } = fromDomainError(error)
        return sendErrors(request, reply, httpStatus, messages)
      }
      if (error.statusCode && error.statusCode < 500)
        return sendErrors(request, reply, error.statusCode, [error.message])
      request.log.error({ err: error }, 'unhandled error')
      return sendErrors(request, reply, 500, ['internal server error'])
    })

    // Every route mounted here, as it is added, so that openapi.json describes all of them.
    const mounted: MountedRoute[] = []
    app.addHook('onRoute', (route) => {
      const url = route.url.slice((route.prefix ?? '').length) || '/'
      for (const method of [route.method].flat()) mounted.push({ method, url })
    })
    registerRoutes(app, services)
    app.get('/openapi.json', async (request, reply) => {
      const mount = (request.url.split('?')[0] ?? '').replace(/\/+openapi\.json\/?$/, '')
      const document = openApiDocument(`${services.config.publicBaseUrl}${mount}`, mounted)
      return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(document))
    })
  }
}

/** The dialect with a rate limit of one's choosing (tests, benchmarks, a self-hoster's config). */
export function createBillomatDialect(options: BillomatDialectOptions = {}): DialectMount {
  return { name: 'billomat', prefix: '/billomat/api', ownPrefix: '/api', plugin: billomatPlugin(options) }
}

export const billomatDialect: DialectMount = createBillomatDialect()
