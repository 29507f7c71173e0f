// Arranges the Billy benchmarks outside their timed parts: a Danish organization with an access
// token, the app with the Billy dialect, and (for the list benchmark) many approved invoices. The
// invoices are copies of one that the core approved, written by plain SQL in batches, since
// approving 100,000 through the use case would take longer than the measurement itself. Their
// ledger entries are not copied: the list reads invoices, lines and contacts only.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { loadConfig } from '../src/config/config.ts'
import { createContact } from '../src/core/contacts/create-contact.ts'
import type { CoreContext, Tenant } from '../src/core/context.ts'
import { createCredential } from '../src/core/credentials/create-credential.ts'
import { approveInvoice } from '../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../src/core/invoices/create-invoice.ts'
import { createOrganization } from '../src/core/organizations/create-organization.ts'
import { createProduct } from '../src/core/products/create-product.ts'
import { billyDialect } from '../src/dialects/billy/plugin.ts'
import { buildServer, createServices } from '../src/http/server.ts'
import { openMigratedStorage, type Storage } from '../src/storage/database.ts'
import { cloneInvoice } from './support/clone-invoices.ts'
import { openPostgresTarget } from './support/postgres-target.ts'

export type BillyBenchWorld = Readonly<{
  app: FastifyInstance
  core: CoreContext
  tenant: Tenant
  token: string
  contactIds: readonly string[]
  productId: string
}>

const CONTACTS = 50

export async function billyBenchWorld(storage: Storage): Promise<BillyBenchWorld> {
  const core: CoreContext = { storage, clock: { now: () => new Date() } }
  const config = loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' })
  const app = await buildServer(createServices(config, core), [billyDialect])
  const organization = await createOrganization(core, { name: 'Bench ApS', country: 'DK', currency: 'DKK' })
  const tenant = { organizationId: organization.organizationId }
  const credential = await createCredential(core, { organizationId: tenant.organizationId, dialect: 'billy' })
  const contactIds: string[] = []
  for (let index = 0; index < CONTACTS; index += 1) {
    const contact = await createContact(core, tenant, {
      name: `Kunde ${index} ApS`,
      address: { country: 'DK' },
    })
    contactIds.push(contact.contactId)
  }
  const product = await createProduct(core, tenant, {
    name: 'Timer',
    vatRatePercent: '25',
    prices: [{ currency: 'DKK', unitPrice: '750' }],
  })
  return {
    app,
    core,
    tenant,
    token: credential.secrets.accessToken ?? '',
    contactIds,
    productId: product.productId,
  }
}

/** Adds `count` approved two-line invoices, copies of one the core approved, spread over the contacts. */
export async function seedInvoices(storage: Storage, world: BillyBenchWorld, count: number): Promise<void> {
  const draft = await createInvoice(world.core, world.tenant, {
    contactId: world.contactIds[0] ?? '',
    lines: [
      { productId: world.productId, quantity: '2' },
      { productId: world.productId, unitPrice: '120', description: 'Kørsel' },
    ],
  })
  const template = await approveInvoice(world.core, world.tenant, draft.invoiceId)
  await cloneInvoice(storage, world.tenant.organizationId, template.invoiceId, count, (n) => ({
    contactId: world.contactIds[n % world.contactIds.length] ?? '',
  }))
  // A server that has run a while has been vacuumed and analysed by autovacuum; a bulk load has not,
  // and without it PostgreSQL plans blind and cannot answer counts from its indexes alone.
  if (storage.engine === 'postgres') await sql`vacuum analyze`.execute(storage.db)
  else await sql`analyze`.execute(storage.db)
}

/** Runs `work` on a fresh SQLite file, removed afterwards. */
export async function withSqlite(work: (storage: Storage) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faktura-bench-billy-'))
  try {
    const storage = await openMigratedStorage({ dataDir })
    try {
      await work(storage)
    } finally {
      await storage.close()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Runs `work` on a fresh PostgreSQL database (see support/postgres-target.ts), removed afterwards. */
export async function withPostgres(work: (storage: Storage) => Promise<void>): Promise<void> {
  const target = await openPostgresTarget()
  try {
    const storage = await openMigratedStorage({ dataDir: '', databaseUrl: target.databaseUrl })
    try {
      await work(storage)
    } finally {
      await storage.close()
    }
  } finally {
    await target.dispose()
  }
}
