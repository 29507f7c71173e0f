// Registers the shared operations of every resource the registry holds. Operations a resource
// does not support never get this far: the dialect answers them 405 before authentication.

import type { FastifyInstance } from 'fastify'
import {
  type Engine,
  handleBulkDelete,
  handleBulkSave,
  handleDelete,
  handleGet,
  handleList,
  handleSave,
  handleUpload,
} from './handlers.ts'
import { supports } from './registry.ts'
import type { Resource } from './resource.ts'

/** A raw upload takes the body as it comes, whatever its type (a JSON file is a file too). */
function registerUpload(app: FastifyInstance, engine: Engine, resource: Resource): void {
  app.register(async (child) => {
    child.removeAllContentTypeParsers()
    child.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
    child.post(`/${resource.def.plural}`, (request, reply) => handleUpload(engine, resource, request, reply))
  })
}

export function registerResourceRoutes(app: FastifyInstance, engine: Engine): void {
  for (const resource of engine.registry.all) {
    const many = `/${resource.def.plural}`
    const one = `/${resource.def.plural}/:id`
    if (supports(resource, 'list'))
      app.get(many, (request, reply) => handleList(engine, resource, request, reply))
    app.get(one, (request, reply) => handleGet(engine, resource, request, reply))
    if (resource.store.upload) registerUpload(app, engine, resource)
    else if (supports(resource, 'create'))
      app.post(many, (request, reply) => handleSave(engine, resource, request, reply))
    if (supports(resource, 'update')) {
      app.put(one, (request, reply) => handleSave(engine, resource, request, reply))
      app.patch(one, (request, reply) => handleSave(engine, resource, request, reply))
    }
    if (supports(resource, 'bulkSave'))
      app.patch(many, (request, reply) => handleBulkSave(engine, resource, request, reply))
    if (supports(resource, 'delete'))
      app.delete(one, (request, reply) => handleDelete(engine, resource, request, reply))
    if (supports(resource, 'bulkDelete'))
      app.delete(many, (request, reply) => handleBulkDelete(engine, resource, request, reply))
  }
}
