// Billy's routes outside the resource conventions: the token's own organization and user, the
// user's organizations, and which routes answer without credentials (reference data, as Billy's
// own client lists them in ../shared/reference/billy.md section 3.3).

import type { FastifyInstance } from 'fastify'
import { getFileContent } from '../../core/files/stored-files.ts'
import type { AppServices } from '../../http/server.ts'
import type { Engine } from './engine/handlers.ts'
import { openApiDocument } from './engine/openapi.ts'
import { type ResourceRegistry, requestedOperation } from './engine/registry.ts'
import { successMeta } from './engine/respond.ts'
import { isInvoicePdfRoute, registerInvoiceRoutes } from './invoice-routes.ts'
import { organizationRecord, userRecord } from './resources/organizations.ts'

export function isPublicRoute(registry: ResourceRegistry, method: string, path: string): boolean {
  if (isInvoicePdfRoute(method, path) || (method === 'GET' && path === '/openapi.json')) return true
  const asked = requestedOperation(registry, method, path)
  return (
    asked !== undefined && asked.resource.def.public === true && ['get', 'list'].includes(asked.operation)
  )
}

export function registerSpecialRoutes(app: FastifyInstance, engine: Engine, _services: AppServices): void {
  registerInvoiceRoutes(app, engine)
  app.get('/openapi.json', async (request, reply) => {
    const context = engine.contextOf(request)
    return reply.send(openApiDocument(engine.registry, context.baseUrl))
  })
  app.get('/organization', async (request, reply) => {
    const organization = await organizationRecord(engine.contextOf(request))
    return reply.send({ meta: successMeta(reply.elapsedTime), organization })
  })
  app.get('/user', async (request, reply) => {
    const context = engine.contextOf(request)
    const user = await userRecord(context, context.tenant)
    return reply.send({ meta: successMeta(reply.elapsedTime), user })
  })
  app.get<{ Params: { id: string } }>('/files/:id/download', async (request, reply) => {
    const context = engine.contextOf(request)
    const file = await getFileContent(context.core, context.tenant, request.params.id)
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content)
  })
  app.get('/user/organizations', async (request, reply) => {
    const organization = await organizationRecord(engine.contextOf(request))
    return reply.send({ meta: successMeta(reply.elapsedTime), organizations: [organization] })
  })
}
