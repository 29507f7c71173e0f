// Proves that two server processes on one PostgreSQL never issue a number twice or skip one, and
// never apply an invoice's balance twice, however their transactions interleave.

import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { loadInvoice } from '../../src/core/invoices/invoice-record.ts'
import { openMigratedStorage, type Storage } from '../../src/storage/database.ts'
import { accountBalances, countRows, createWorld, entryTotals, type World } from '../support/core-fixtures.ts'
import { createPostgresDatabase } from '../support/engines.ts'
import type { ApprovedNumber, ApproveWorkerInput } from './fixtures/approve-worker.ts'
import type { PayWorkerInput, RecordedShare } from './fixtures/pay-worker.ts'
import { failuresOf, raceWorkers, valuesOf } from './race-workers.ts'

const APPROVE_WORKER = 'test/concurrency/fixtures/approve-worker.ts'
const PAY_WORKER = 'test/concurrency/fixtures/pay-worker.ts'
const CONNECTIONS_PER_PROCESS = 10
const RACE_TIMEOUT_MS = 45_000
const TEST_TIMEOUT_MS = 60_000
// The SE chart's customer-balance account (BAS 2420), where overpayments go.
const CUSTOMER_BALANCE_ACCOUNT = '2420'

async function createDrafts(world: World, count: number): Promise<string[]> {
  const invoiceIds: string[] = []
  for (let index = 0; index < count; index += 1) {
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      lines: [{ productId: world.productId, quantity: '1' }],
    })
    invoiceIds.push(draft.invoiceId)
  }
  return invoiceIds
}

function numbersOf(approved: readonly ApprovedNumber[]): number[] {
  return approved.map((value) => Number(value.number))
}

// Both ranges overlapping shows the race really interleaved: one process did not finish first.
function overlaps(first: readonly number[], second: readonly number[]): boolean {
  return Math.max(...first) > Math.min(...second) && Math.max(...second) > Math.min(...first)
}

async function sumMinor(query: Promise<{ total: string | bigint | null }>): Promise<bigint> {
  return BigInt((await query).total ?? 0)
}

describe('two processes on one PostgreSQL', () => {
  let storage: Storage | undefined
  let databaseUrl = ''
  const db = () => {
    if (!storage) throw new Error('storage is opened in beforeAll')
    return storage
  }

  beforeAll(async () => {
    databaseUrl = await createPostgresDatabase(inject('postgresUrl'))
    storage = await openMigratedStorage({ dataDir: '', databaseUrl })
  })
  afterAll(async () => {
    await storage?.close()
  })

  test(
    'racing approvals number 200 invoices 1 to 200 with one ledger entry each',
    async () => {
      const world = await createWorld(db())
      const org = world.tenant.organizationId
      const invoiceIds = await createDrafts(world, 200)
      const inputs: ApproveWorkerInput[] = [invoiceIds.slice(0, 100), invoiceIds.slice(100)].map((ids) => ({
        databaseUrl,
        organizationId: org,
        invoiceIds: ids,
        connections: CONNECTIONS_PER_PROCESS,
      }))

      const reports = await raceWorkers<ApprovedNumber>(APPROVE_WORKER, inputs, RACE_TIMEOUT_MS)

      expect(failuresOf(reports)).toEqual([])
      const rows = await db()
        .db.selectFrom('invoices')
        .select(['invoice_id', 'number', 'state'])
        .where('organization_id', '=', org)
        .execute()
      const numbers = rows.map((row) => Number(row.number)).sort((a, b) => a - b)
      expect(numbers).toEqual(Array.from({ length: 200 }, (_, index) => index + 1))
      expect(rows.every((row) => row.state === 'open')).toBe(true)
      const [first, second] = reports.map((report) => numbersOf(valuesOf([report])))
      expect(overlaps(first!, second!), 'the two processes took numbers in turn').toBe(true)
      const reported = new Map(valuesOf(reports).map((value) => [value.invoiceId, value.number]))
      expect(rows.every((row) => reported.get(row.invoice_id) === row.number)).toBe(true)
      const entries = await db()
        .db.selectFrom('journal_entries')
        .select(['source_id', sql<bigint>`count(*)`.as('count')])
        .where('organization_id', '=', org)
        .where('source_type', '=', 'invoice')
        .groupBy('source_id')
        .execute()
      expect(entries.map((entry) => entry.source_id).sort()).toEqual([...invoiceIds].sort())
      expect(entries.every((entry) => BigInt(entry.count) === 1n)).toBe(true)
    },
    TEST_TIMEOUT_MS,
  )

  test(
    'racing overpayments settle one invoice exactly once and put the rest on the customer balance',
    async () => {
      const world = await createWorld(db())
      const org = world.tenant.organizationId
      const [invoiceId] = await createDrafts(world, 1)
      const invoice = await approveInvoice(world.core, world.tenant, invoiceId!)
      const grossMinor = invoice.grossMinor
      // About 60 payments settle the invoice; the other 40 arrive after it is paid.
      const amountMinor = (grossMinor + 59n) / 60n
      const overpaidMinor = 100n * amountMinor - grossMinor
      const input: PayWorkerInput = {
        databaseUrl,
        organizationId: org,
        invoiceId: invoice.invoiceId,
        amountMinor: amountMinor.toString(),
        payments: 50,
        connections: CONNECTIONS_PER_PROCESS,
      }

      const reports = await raceWorkers<RecordedShare>(PAY_WORKER, [input, input], RACE_TIMEOUT_MS)

      expect(failuresOf(reports)).toEqual([])
      expect(await countRows(db(), 'payments', org)).toBe(100)
      const paid = await loadInvoice(db().db, org, invoice.invoiceId)
      expect(paid?.paidMinor).toBe(grossMinor)
      expect(paid?.balanceMinor).toBe(0n)
      expect(paid?.state).toBe('paid')
      const applied = valuesOf(reports).reduce((sum, share) => sum + BigInt(share.appliedMinor), 0n)
      expect(applied).toBe(grossMinor)
      const associated = await sumMinor(
        db()
          .db.selectFrom('payment_associations')
          .select(sql<string>`sum(amount_minor)`.as('total'))
          .where('organization_id', '=', org)
          .where('invoice_id', '=', invoice.invoiceId)
          .executeTakeFirstOrThrow(),
      )
      expect(associated).toBe(grossMinor)
      const overpaid = await sumMinor(
        db()
          .db.selectFrom('payments')
          .select(sql<string>`sum(overpaid_minor)`.as('total'))
          .where('organization_id', '=', org)
          .executeTakeFirstOrThrow(),
      )
      expect(overpaid).toBe(overpaidMinor)
      const balances = await accountBalances(db(), org)
      expect(balances.get(CUSTOMER_BALANCE_ACCOUNT)).toBe(-overpaidMinor)
      const entries = await entryTotals(db(), org)
      expect(entries).toHaveLength(101)
      expect(entries.every((entry) => BigInt(entry.debit) === BigInt(entry.credit))).toBe(true)
      const paidEvents = await db()
        .db.selectFrom('events')
        .select(sql<bigint>`count(*)`.as('count'))
        .where('organization_id', '=', org)
        .where('type', '=', 'invoice.paid')
        .executeTakeFirstOrThrow()
      expect(BigInt(paidEvents.count)).toBe(1n)
    },
    TEST_TIMEOUT_MS,
  )
})
