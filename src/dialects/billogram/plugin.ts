// Mounts the Billogram v2 dialect: lenient body parsing, Basic auth answered in Billogram's
// shape, exact `application/json` content type, and one error hook for the whole dialect.

import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { authenticate } from '../../core/credentials/authenticate.ts'
import { DomainError } from '../../domain/errors.ts'
import { parseBasicAuth } from '../../http/basic-auth.ts'
import type { AppServices, DialectMount } from '../../http/server.ts'
import { setTenant } from '../../http/tenant.ts'
import {
  type BillogramErrorCode,
  BillogramWireError,
  errorBody,
  type FieldPath,
  fromDomainError,
  HTTP_STATUS,
} from './errors.ts'
import { registerRoutes } from './routes/register-routes.ts'

function sendError(
  reply: FastifyReply,
  code: BillogramErrorCode,
  message: string,
  path?: FieldPath,
): FastifyReply {
  return reply.code(HTTP_STATUS[code]).send(errorBody(code, message, path))
}

const plugin: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  // Clients send JSON as form-urlencoded, text/plain or with no Content-Type at all
  // (../shared/reference/billogram.md §1): read every body as JSON, an empty one as absent.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body).trim()
    if (text === '') return done(null, undefined)
    try {
      done(null, JSON.parse(text))
    } catch {
      done(new BillogramWireError('INVALID_PARAMETER', 'request body is not valid JSON', ['body']) as never)
    }
  })

  // Python compares the header for equality: no charset.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-type', 'application/json')
    return payload
  })

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // The API's description is public, as the vendor's reference is.
    if (request.routeOptions.url?.endsWith('/openapi.json')) return
    const pair = parseBasicAuth(request.headers.authorization)
    if (!pair) {
      // Java's OkHttp only authenticates after a 401 challenge.
      reply.header('www-authenticate', 'Basic realm="Billogram API"')
      return sendError(
        reply,
        'MISSING_AUTH',
        'Authentication required: use HTTP Basic with the API user id and key',
      )
    }
    const authenticated = await authenticate(services.core, services.authCache, 'billogram', {
      kind: 'api-user',
      userId: pair.user,
      key: pair.password,
    })
    if (!authenticated) return sendError(reply, 'INVALID_AUTH', 'Invalid API user id or key')
    setTenant(request, authenticated)
  })

  registerRoutes(app, services)

  app.setNotFoundHandler((request, reply) => {
    sendError(reply, 'NOT_FOUND', `no such resource: ${request.method} ${request.url.split('?')[0]}`)
  })

  app.setErrorHandler((error: FastifyError | DomainError | BillogramWireError, request, reply) => {
    if (error instanceof BillogramWireError) return sendError(reply, error.code, error.message, error.path)
    if (error instanceof DomainError) {
      const { httpStatus, body } = fromDomainError(error)
      return reply.code(httpStatus).send(body)
    }
    if (error.statusCode === 413)
      return sendError(reply, 'INVALID_PARAMETER', 'request body is too large', ['body'])
    if (error.statusCode && error.statusCode < 500)
      return sendError(reply, 'INVALID_PARAMETER', error.message)
    request.log.error({ err: error }, 'unhandled error')
    return reply.code(500).send({ status: 'SERVER_ERROR', data: { message: 'internal server error' } })
  })
}

export const billogramDialect: DialectMount = {
  name: 'billogram',
  prefix: '/billogram/api/v2',
  ownPrefix: '/api/v2',
  plugin,
}
