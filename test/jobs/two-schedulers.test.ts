// Proves that with two server processes (two schedulers each) on one PostgreSQL every job's effect
// happens exactly once: each job run is run by one scheduler, each invoice becomes overdue once,
// gets one reminder with one fee and one interest entry, and one reminder mail reaches the SMTP server.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { type CoreContext, systemClock, todayFor } from '../../src/core/context.ts'
import { updateDunningSettings } from '../../src/core/dunning/update-dunning-settings.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { createOrganization } from '../../src/core/organizations/create-organization.ts'
import { createProduct } from '../../src/core/products/create-product.ts'
import { addDays } from '../../src/domain/calendar/dates.ts'
import { SCHEDULES } from '../../src/jobs/schedules.ts'
import { openMigratedStorage, type Storage } from '../../src/storage/database.ts'
import { failuresOf, raceWorkers, valuesOf } from '../concurrency/race-workers.ts'
import { type SmtpServerFixture, startSmtpServer } from '../delivery/smtp-server-fixture.ts'
import { accountBalances, entryTotals } from '../support/core-fixtures.ts'
import { createPostgresDatabase } from '../support/engines.ts'
import type { SchedulerWorkerInput, SchedulerWorkerResult } from './fixtures/scheduler-worker.ts'

const WORKER = 'test/jobs/fixtures/scheduler-worker.ts'
const ORGANIZATIONS = 4
const INVOICES_PER_ORGANIZATION = 15
const INVOICES = ORGANIZATIONS * INVOICES_PER_ORGANIZATION
const JOBS_PER_ORGANIZATION = SCHEDULES.length

async function seedOrganization(core: CoreContext, index: number): Promise<string> {
  const { organizationId } = await createOrganization(core, {
    name: `Race ${index} AB`,
    country: 'SE',
    currency: 'SEK',
  })
  const tenant = { organizationId }
  await updateDunningSettings(core, tenant, { automaticReminders: true })
  const product = await createProduct(core, tenant, {
    name: 'Tjänst',
    vatRatePercent: '25',
    prices: [{ currency: 'SEK', unitPrice: '100' }],
  })
  // Eight days overdue today, so one pass makes each invoice overdue and sends its first reminder.
  const today = todayFor(core)
  for (let number = 0; number < INVOICES_PER_ORGANIZATION; number += 1) {
    const contact = await createContact(core, tenant, {
      kind: 'person',
      name: `Kund ${index}-${number}`,
      email: `kund-${index}-${number}@example.se`,
    })
    const draft = await createInvoice(core, tenant, {
      contactId: contact.contactId,
      invoiceDate: addDays(today, -38),
      dueDate: addDays(today, -8),
      lines: [{ productId: product.productId, quantity: '1' }],
    })
    await approveInvoice(core, tenant, draft.invoiceId)
  }
  return organizationId
}

async function count(storage: Storage, query: string): Promise<number> {
  const result = await sql<{ count: string }>`${sql.raw(query)}`.execute(storage.db)
  return Number(result.rows[0]?.count ?? 0)
}

describe('two processes on one PostgreSQL run every job once', () => {
  let storage: Storage | undefined
  let databaseUrl = ''
  let smtp: SmtpServerFixture
  let spoolDir = ''
  const db = () => {
    if (!storage) throw new Error('storage is opened in beforeAll')
    return storage
  }

  beforeAll(async () => {
    databaseUrl = await createPostgresDatabase(inject('postgresUrl'))
    storage = await openMigratedStorage({ dataDir: '', databaseUrl })
    smtp = await startSmtpServer()
    spoolDir = mkdtempSync(join(tmpdir(), 'faktura-two-schedulers-'))
  })
  afterAll(async () => {
    await storage?.close()
    await smtp.close()
    rmSync(spoolDir, { recursive: true, force: true })
  })

  test('four schedulers in two processes: one run per job and day, one reminder, fee and mail per invoice', async () => {
    const core = { storage: db(), clock: systemClock }
    const organizations: string[] = []
    for (let index = 0; index < ORGANIZATIONS; index += 1)
      organizations.push(await seedOrganization(core, index))
    const input: SchedulerWorkerInput = { databaseUrl, smtpPort: smtp.port, spoolDir }

    const reports = await raceWorkers<SchedulerWorkerResult>(WORKER, [input, input], 90_000)

    expect(failuresOf(reports)).toEqual([])
    const results = valuesOf(reports)
    const ran = results.flatMap((result) => result.ran)
    expect(ran).toHaveLength(ORGANIZATIONS * JOBS_PER_ORGANIZATION)
    expect(new Set(ran.map((job) => `${job.organizationId}:${job.job}`)).size).toBe(ran.length)
    expect(await count(db(), "select count(*) from job_runs where state = 'done'")).toBe(ran.length)
    expect(await count(db(), "select count(*) from events where type = 'invoice.overdue'")).toBe(INVOICES)
    expect(await count(db(), 'select count(*) from dunning_reminders')).toBe(INVOICES)
    expect(
      await count(db(), "select count(*) from journal_entries where source_type = 'dunning_reminderFee'"),
    ).toBe(INVOICES)
    expect(
      await count(db(), "select count(*) from journal_entries where source_type = 'dunning_interest'"),
    ).toBe(INVOICES)
    const reminderMails = smtp.received.filter((mail) => mail.raw.toString('utf8').includes('reminder-'))
    expect(reminderMails).toHaveLength(INVOICES)
    expect(new Set(reminderMails.map((mail) => mail.rcptTo.join())).size).toBe(INVOICES)
    expect(results.reduce((sum, result) => sum + result.delivered, 0)).toBe(INVOICES)
    for (const organizationId of organizations) {
      const totals = await entryTotals(db(), organizationId)
      expect(totals.filter((entry) => BigInt(entry.debit) !== BigInt(entry.credit))).toEqual([])
      const balances = await accountBalances(db(), organizationId)
      expect([...balances.values()].reduce((sum, balance) => sum + balance, 0n)).toBe(0n)
    }
  }, 120_000)
})
