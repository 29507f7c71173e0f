// Builds the small world most use-case tests start from: an organization with a chart, one
// customer and one product, on whichever engine the suite runs.

import { sql } from 'kysely'
import { expect } from 'vitest'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import type { CoreContext, Tenant } from '../../src/core/context.ts'
import { createOrganization } from '../../src/core/organizations/create-organization.ts'
import { createProduct } from '../../src/core/products/create-product.ts'
import type { Storage } from '../../src/storage/database.ts'

export function fixedClock(iso = '2026-11-02T10:00:00.000Z'): CoreContext['clock'] {
  return { now: () => new Date(iso) }
}

export function coreOf(storage: Storage, clock = fixedClock()): CoreContext {
  return { storage, clock }
}

export type World = Readonly<{ core: CoreContext; tenant: Tenant; contactId: string; productId: string }>

export async function createWorld(storage: Storage, country = 'SE', currency = 'SEK'): Promise<World> {
  const core = coreOf(storage)
  const organization = await createOrganization(core, { name: `Test ${country} AB`, country, currency })
  const tenant = { organizationId: organization.organizationId }
  const contact = await createContact(core, tenant, {
    name: 'Kund AB',
    email: 'kund@example.se',
    address: { street: 'Gatan 1', zip: '12345', city: 'Stad', country },
  })
  const product = await createProduct(core, tenant, {
    name: 'Konsulttimme',
    unit: 'h',
    vatRatePercent: '25',
    prices: [{ currency, unitPrice: '1000' }],
  })
  return { core, tenant, contactId: contact.contactId, productId: product.productId }
}

/** Every journal entry of the organization with its debit and credit totals. */
export async function entryTotals(storage: Storage, organizationId: string) {
  return storage.db
    .selectFrom('journal_lines')
    .select([
      'entry_id',
      sql<bigint>`sum(debit_minor)`.as('debit'),
      sql<bigint>`sum(credit_minor)`.as('credit'),
    ])
    .where('organization_id', '=', organizationId)
    .groupBy('entry_id')
    .execute()
}

/** Every entry of the organization balances, and so does its trial balance. */
export async function expectBalancedLedger(storage: Storage, organizationId: string): Promise<void> {
  const totals = await entryTotals(storage, organizationId)
  expect(totals.filter((entry) => BigInt(entry.debit) !== BigInt(entry.credit))).toEqual([])
  const balances = await accountBalances(storage, organizationId)
  expect([...balances.values()].reduce((sum, balance) => sum + balance, 0n)).toBe(0n)
}

/** The signed balance (debit positive) per account number. */
export async function accountBalances(
  storage: Storage,
  organizationId: string,
): Promise<Map<string, bigint>> {
  const rows = await storage.db
    .selectFrom('journal_lines')
    .select(['account_number', sql<bigint>`sum(debit_minor) - sum(credit_minor)`.as('balance')])
    .where('organization_id', '=', organizationId)
    .groupBy('account_number')
    .execute()
  return new Map(rows.map((row) => [row.account_number, BigInt(row.balance)]))
}

export async function countRows(
  storage: Storage,
  table: 'payments' | 'journal_entries' | 'events' | 'outbox' | 'invoices',
  organizationId: string,
): Promise<number> {
  const row = await storage.db
    .selectFrom(table)
    .select(sql<bigint>`count(*)`.as('count'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
