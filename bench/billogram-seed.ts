// Arranges the Billogram benchmarks outside their timed parts: a Swedish organization with a
// Billogram API user, the app with the Billogram dialect, customers with email addresses, and
// (for the list benchmark) many sent billograms. Those are copies of one that the API created and
// sent, written by plain SQL in batches, since sending 100,000 through the API would take longer
// than the measurement; their ledger entries and events are not copied, as lists read neither.

import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../src/config/config.ts'
import { createContact } from '../src/core/contacts/create-contact.ts'
import type { CoreContext, Tenant } from '../src/core/context.ts'
import { createCredential } from '../src/core/credentials/create-credential.ts'
import { createOrganization } from '../src/core/organizations/create-organization.ts'
import { caseNoOf } from '../src/dialects/billogram/ids.ts'
import { billogramDialect } from '../src/dialects/billogram/plugin.ts'
import { buildServer, createServices } from '../src/http/server.ts'
import type { Storage } from '../src/storage/database.ts'
import { cloneInvoice } from './support/clone-invoices.ts'

export type BillogramBenchWorld = Readonly<{
  app: FastifyInstance
  core: CoreContext
  tenant: Tenant
  authorization: string
  customerNos: readonly bigint[]
}>

const CUSTOMERS = 50

export async function billogramBenchWorld(storage: Storage): Promise<BillogramBenchWorld> {
  const core: CoreContext = { storage, clock: { now: () => new Date() } }
  const config = loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' })
  const app = await buildServer(createServices(config, core), [billogramDialect])
  const organization = await createOrganization(core, { name: 'Bench AB', country: 'SE', currency: 'SEK' })
  const tenant = { organizationId: organization.organizationId }
  const credential = await createCredential(core, {
    organizationId: tenant.organizationId,
    dialect: 'billogram',
  })
  const customerNos: bigint[] = []
  for (let index = 0; index < CUSTOMERS; index += 1) {
    const contact = await createContact(core, tenant, {
      name: `Kund ${index} AB`,
      email: `kund${index}@bench.example`,
      address: { street: 'Gatan 1', zip: '11122', city: 'Stockholm', country: 'SE' },
    })
    customerNos.push(contact.contactNo)
  }
  const pair = `${credential.secrets.apiUser}:${credential.secrets.apiKey}`
  return { app, core, tenant, authorization: `Basic ${Buffer.from(pair).toString('base64')}`, customerNos }
}

/** A body for POST /billogram that creates and sends by email in one request. */
export function createAndSendBody(customerNo: bigint): string {
  return JSON.stringify({
    customer: { customer_no: Number(customerNo) },
    items: [{ title: 'Consulting Services', count: 10, vat: 25, price: 1500, unit: 'hour' }],
    info: { message: 'Thank you for your business!' },
    on_success: { command: 'send', method: 'Email' },
  })
}

/** Adds `count` sent billograms, copies of one the API made, spread over customers and due dates. */
export async function seedBillograms(
  storage: Storage,
  world: BillogramBenchWorld,
  count: number,
): Promise<void> {
  const created = await world.app.inject({
    method: 'POST',
    url: '/billogram/api/v2/billogram',
    headers: { authorization: world.authorization, 'content-type': 'application/json' },
    payload: createAndSendBody(world.customerNos[0] ?? 1n),
  })
  const caseNo = caseNoOf(created.json().data.id as string) ?? 0n
  const org = world.tenant.organizationId
  const model = await storage.db
    .selectFrom('invoices')
    .innerJoin('cases', (join) =>
      join
        .onRef('cases.organization_id', '=', 'invoices.organization_id')
        .onRef('cases.case_id', '=', 'invoices.case_id'),
    )
    .select('invoices.invoice_id')
    .where('invoices.organization_id', '=', org)
    .where('cases.case_no', '=', caseNo)
    .executeTakeFirstOrThrow()
  const contacts = await storage.db
    .selectFrom('contacts')
    .select('contact_id')
    .where('organization_id', '=', org)
    .orderBy('contact_no')
    .execute()
  await cloneInvoice(storage, org, model.invoice_id, count, (n) => {
    const day = String(1 + (n % 28)).padStart(2, '0')
    const month = String(1 + (n % 12)).padStart(2, '0')
    return { contactId: contacts[n % contacts.length]?.contact_id ?? '', dueDate: `2026-${month}-${day}` }
  })
}
