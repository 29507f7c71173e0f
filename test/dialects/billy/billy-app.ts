// Builds the app with the Billy dialect over one storage engine, a Danish organization and its
// access token, and a small client that speaks to it through inject() the way a Billy client
// would. Also the trial-balance check every Billy test ends with.

import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { loadConfig } from '../../../src/config/config.ts'
import type { CoreContext, Tenant } from '../../../src/core/context.ts'
import { createCredential } from '../../../src/core/credentials/create-credential.ts'
import { createOrganization } from '../../../src/core/organizations/create-organization.ts'
import { billyDialect } from '../../../src/dialects/billy/plugin.ts'
import { buildServer, createServices } from '../../../src/http/server.ts'
import type { Storage } from '../../../src/storage/database.ts'
import { coreOf, fixedClock } from '../../support/core-fixtures.ts'

export const PREFIX = '/billy/v2'

export type BillyClient = Readonly<{
  request: (
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>
  get: (url: string) => Promise<LightMyRequestResponse>
  post: (url: string, body: unknown) => Promise<LightMyRequestResponse>
  put: (url: string, body: unknown) => Promise<LightMyRequestResponse>
  patch: (url: string, body: unknown) => Promise<LightMyRequestResponse>
  delete: (url: string) => Promise<LightMyRequestResponse>
}>

export type BillyWorld = Readonly<{
  app: FastifyInstance
  core: CoreContext
  tenant: Tenant
  token: string
  client: BillyClient
}>

export function billyClient(app: FastifyInstance, token: string): BillyClient {
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: method as 'GET',
      url: `${PREFIX}${url}`,
      headers: {
        'x-access-token': token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    })
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body),
    put: (url, body) => request('PUT', url, body),
    patch: (url, body) => request('PATCH', url, body),
    delete: (url) => request('DELETE', url),
  }
}

export async function buildBillyApp(storage: Storage, clock = fixedClock()): Promise<FastifyInstance> {
  const core = coreOf(storage, clock)
  return buildServer(
    createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), core),
    [billyDialect],
  )
}

/** A Danish organization (Billy's standard chart) with an access token, and a client for it. */
export async function createBillyWorld(storage: Storage, app?: FastifyInstance): Promise<BillyWorld> {
  const core = coreOf(storage)
  const server = app ?? (await buildBillyApp(storage))
  const organization = await createOrganization(core, {
    name: 'Ninja ApS',
    country: 'DK',
    currency: 'DKK',
    settings: { email: 'bogholderi@ninja.example', orgNo: '12345678' },
  })
  const tenant = { organizationId: organization.organizationId }
  const credential = await createCredential(core, { organizationId: tenant.organizationId, dialect: 'billy' })
  const token = credential.secrets.accessToken ?? ''
  return { app: server, core, tenant, token, client: billyClient(server, token) }
}

/** Debits minus credits over every posting of the organization: zero when the books balance. */
export async function trialBalanceMinor(storage: Storage, organizationId: string): Promise<bigint> {
  const row = await storage.db
    .selectFrom('journal_lines')
    .select(sql<bigint | null>`sum(debit_minor) - sum(credit_minor)`.as('difference'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow()
  return BigInt(row.difference ?? 0n)
}
