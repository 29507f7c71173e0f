// Builds a Faktura server with the Billomat dialect for inject() tests: a German organization in
// EUR with its chart of accounts, an API key, and helpers that speak JSON or XML to it.

import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { loadConfig } from '../../../src/config/config.ts'
import { createContact } from '../../../src/core/contacts/create-contact.ts'
import type { CoreContext, Tenant } from '../../../src/core/context.ts'
import { createCredential } from '../../../src/core/credentials/create-credential.ts'
import { createOrganization } from '../../../src/core/organizations/create-organization.ts'
import { createBillomatDialect } from '../../../src/dialects/billomat/plugin.ts'
import type { RateLimitOptions } from '../../../src/dialects/billomat/rate-limit.ts'
import { registerSandboxClock } from '../../../src/http/sandbox-clock.ts'
import { buildServer, createServices } from '../../../src/http/server.ts'
import { createScheduler } from '../../../src/jobs/scheduler.ts'
import type { Storage } from '../../../src/storage/database.ts'
import { accountBalances, coreOf, fixedClock } from '../../support/core-fixtures.ts'

export const GENEROUS_LIMIT: RateLimitOptions = {
  perWindow: 1_000_000,
  perWindowWithApp: 1_000_000,
  windowSeconds: 900,
}

export type Billomat = Readonly<{
  app: FastifyInstance
  core: CoreContext
  tenant: Tenant
  apiKey: string
  /** A JSON request; `body` is sent as JSON when given. */
  json: (method: string, url: string, body?: unknown) => Promise<LightMyRequestResponse>
  /** An XML request; `body` is sent as given with Content-Type application/xml. */
  xml: (method: string, url: string, body?: string) => Promise<LightMyRequestResponse>
  /** An XML request answered in JSON, for reading the answer easily. */
  xmlToJson: (method: string, url: string, body: string) => Promise<LightMyRequestResponse>
  /** Creates a client through the core and returns its Billomat id. */
  client: (name?: string) => Promise<string>
  close: () => Promise<void>
}>

export type HarnessOptions = Readonly<{
  clockIso?: string
  rateLimit?: RateLimitOptions
  currency?: string
  country?: string
  /** Serves the sandbox clock's admin route, with a scheduler, as `faktura serve --sandbox` does. */
  sandbox?: boolean
}>

export async function openBillomat(storage: Storage, options: HarnessOptions = {}): Promise<Billomat> {
  const core = coreOf(storage, fixedClock(options.clockIso ?? '2026-11-02T10:00:00.000Z'))
  const config = loadConfig(
    { 'data-dir': '/tmp/unused', 'public-url': 'https://faktura.example', sandbox: options.sandbox ?? false },
    { LOG_LEVEL: 'silent' },
  )
  const services = createServices(config, core)
  const app = await buildServer(services, [
    createBillomatDialect({ rateLimit: options.rateLimit ?? GENEROUS_LIMIT }),
  ])
  if (options.sandbox) registerSandboxClock(app, services, createScheduler({ context: core }))
  const organization = await createOrganization(core, {
    name: 'Muster GmbH',
    country: options.country ?? 'DE',
    currency: options.currency ?? 'EUR',
    settings: { address: { street: 'Hauptstraße 1', zip: '57562', city: 'Herdorf' }, vatNo: 'DE123456789' },
  })
  const tenant = { organizationId: organization.organizationId }
  const credential = await createCredential(core, {
    organizationId: organization.organizationId,
    dialect: 'billomat',
  })
  const apiKey = credential.secrets.apiKey ?? ''
  const prefix = '/billomat/api'
  const json: Billomat['json'] = (method, url, body) =>
    app.inject({
      method: method as 'GET',
      url: `${prefix}${url}`,
      headers: { 'x-billomatapikey': apiKey, accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    })
  const xml: Billomat['xml'] = (method, url, body) =>
    app.inject({
      method: method as 'GET',
      url: `${prefix}${url}`,
      headers: { 'x-billomatapikey': apiKey, 'content-type': 'application/xml' },
      ...(body === undefined ? {} : { payload: body }),
    })
  const xmlToJson: Billomat['xmlToJson'] = (method, url, body) =>
    app.inject({
      method: method as 'GET',
      url: `${prefix}${url}`,
      headers: { 'x-billomatapikey': apiKey, 'content-type': 'application/xml', accept: 'application/json' },
      payload: body,
    })
  const client = async (name = 'Kunde AG') => {
    const contact = await createContact(core, tenant, {
      name,
      email: 'buchhaltung@kunde.example',
      address: { street: 'Kundenweg 2', zip: '10115', city: 'Berlin', country: 'DE' },
    })
    return String(contact.contactNo)
  }
  return { app, core, tenant, apiKey, json, xml, xmlToJson, client, close: () => app.close() }
}

/** Asserts the organization's ledger balances: every entry and the whole trial balance sum to zero. */
export async function expectLedgerBalanced(storage: Storage, tenant: Tenant): Promise<void> {
  const balances = await accountBalances(storage, tenant.organizationId)
  const total = [...balances.values()].reduce((sum, balance) => sum + balance, 0n)
  expect(total).toBe(0n)
}

/** The JSON body of a response that must have succeeded with `status`. */
export function ok<T = Record<string, unknown>>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, response.body).toBe(status)
  return response.json() as T
}
