// Mounts the Billomat dialect: API key from `X-BillomatApiKey` or `api_key`, XML unless the
// client asks for JSON, and errors in the format the client reads.

import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { authenticate } from '../../core/credentials/authenticate.ts'
import { DomainError } from '../../domain/errors.ts'
import type { AppServices, DialectMount } from '../../http/server.ts'
import { setTenant } from '../../http/tenant.ts'
import { errorPayload, fromDomainError, type WireFormat } from './errors.ts'

export function wireFormatOf(request: FastifyRequest): WireFormat {
  const query = request.query as Record<string, unknown> | undefined
  if (query?.format === 'json') return 'json'
  if (query?.format === 'xml') return 'xml'
  return /application\/json/i.test(request.headers.accept ?? '') ? 'json' : 'xml'
}

export function sendErrors(
  request: FastifyRequest,
  reply: FastifyReply,
  httpStatus: number,
  messages: string[],
): FastifyReply {
  const { contentType, body } = errorPayload(wireFormatOf(request), messages)
  return reply.code(httpStatus).header('content-type', contentType).send(body)
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-billomatapikey']
  const fromHeader = Array.isArray(header) ? header[0] : header
  const query = request.query as Record<string, unknown> | undefined
  const key = fromHeader?.trim() || (typeof query?.api_key === 'string' ? query.api_key.trim() : '')
  return key === '' ? undefined : key
}

const plugin: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  app.removeAllContentTypeParsers()
  // Bodies are parsed by the dialect's routes (XML or JSON, any root element); keep the text.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, String(body)))

  app.addHook('onRequest', async (request, reply) => {
    const key = presentedKey(request)
    if (!key) return sendErrors(request, reply, 401, ['unauthorized: missing API key (X-BillomatApiKey)'])
    const authenticated = await authenticate(services.core, services.authCache, 'billomat', {
      kind: 'api-key',
      key,
    })
    if (!authenticated) return sendErrors(request, reply, 401, ['unauthorized: invalid API key'])
    setTenant(request, authenticated)
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
}

export const billomatDialect: DialectMount = {
  name: 'billomat',
  prefix: '/billomat/api',
  ownPrefix: '/api',
  plugin,
}
