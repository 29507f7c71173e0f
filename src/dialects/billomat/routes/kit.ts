// What every Billomat route reads off a request: the tenant, the body (XML or JSON, any root),
// the query as Billomat clients encode it, and the services.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Tenant } from '../../../core/context.ts'
import type { AppServices } from '../../../http/server.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { parseBody, type WireObject } from '../wire/body.ts'
import { parseQuery, type Query } from '../wire/query.ts'

export type Routes = (app: FastifyInstance, services: AppServices) => void

export function tenant(request: FastifyRequest): Tenant {
  return { organizationId: tenantOf(request).organizationId }
}

export function bodyOf(request: FastifyRequest, knownFields?: readonly string[]): WireObject {
  return parseBody(request.body, request.headers['content-type'], new Set(knownFields ?? []))
}

export function queryOf(request: FastifyRequest): Query {
  return parseQuery(request.url)
}
