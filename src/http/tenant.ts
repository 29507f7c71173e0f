// Carries the authenticated organization on the request from a dialect's auth hook to its routes.

import type { FastifyRequest } from 'fastify'
import type { Authenticated } from '../core/credentials/authenticate.ts'
import { assert } from '../domain/assert.ts'

const tenants = new WeakMap<FastifyRequest, Authenticated>()

export function setTenant(request: FastifyRequest, authenticated: Authenticated): void {
  tenants.set(request, authenticated)
}

export function tenantOf(request: FastifyRequest): Authenticated {
  const tenant = tenants.get(request)
  assert(tenant, 'route reached without an authenticated tenant')
  return tenant
}

/** The tenant if a dialect authenticated the request; undefined on public routes. */
export function findTenant(request: FastifyRequest): Authenticated | undefined {
  return tenants.get(request)
}
