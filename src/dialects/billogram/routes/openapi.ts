// GET /openapi.json: the dialect's OpenAPI document, open without credentials like the vendor's
// published reference, with the server URL of the mount it was asked through.

import type { FastifyInstance } from 'fastify'
import { openApiDocument } from '../openapi.ts'

export function registerOpenApiRoute(app: FastifyInstance, publicBaseUrl: string): void {
  app.get('/openapi.json', async (request) => {
    const mount = (request.url.split('?')[0] ?? '').replace(/\/+openapi\.json\/?$/, '')
    return openApiDocument(`${publicBaseUrl}${mount}`)
  })
}
