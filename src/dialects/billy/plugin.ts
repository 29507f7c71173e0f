// Mounts the Billy v2 dialect: `X-Access-Token` or Basic (user email and password), checked
// before routing as Billy does, and Billy's error envelope from one hook.

import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify'
import { authenticate, type PresentedCredential } from '../../core/credentials/authenticate.ts'
import { DomainError } from '../../domain/errors.ts'
import { parseBasicAuth } from '../../http/basic-auth.ts'
import type { AppServices, DialectMount } from '../../http/server.ts'
import { setTenant } from '../../http/tenant.ts'
import { errorBody, fromDomainError } from './errors.ts'

function send(reply: FastifyReply, statusCode: number, errorCode: string, message: string): FastifyReply {
  return reply.code(statusCode).send(errorBody(statusCode, errorCode, message))
}

const plugin: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  app.addHook('onRequest', async (request, reply) => {
    const token = request.headers['x-access-token']
    const pair = parseBasicAuth(request.headers.authorization)
    let presented: PresentedCredential
    if (typeof token === 'string' && token.trim() !== '')
      presented = { kind: 'access-token', token: token.trim() }
    else if (pair) presented = { kind: 'user-password', email: pair.user, password: pair.password }
    else {
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
    if (error.statusCode && error.statusCode < 500)
      return send(reply, error.statusCode, 'INVALID_REQUEST', error.message)
    request.log.error({ err: error }, 'unhandled error')
    return send(reply, 500, 'INTERNAL_ERROR', 'An internal error occurred.')
  })
}

export const billyDialect: DialectMount = { name: 'billy', prefix: '/billy/v2', ownPrefix: '/v2', plugin }
