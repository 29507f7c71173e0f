// Proves that with two server processes (two schedulers each) on one PostgreSQL the recurring job
// issues each due recurring's invoice exactly once: one invoice per recurring, one ledger entry
// per approval, and one email per invoice at a real SMTP server.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { type CoreContext, systemClock, todayFor } from '../../src/core/context.ts'
import { createOrganization } from '../../src/core/organizations/create-organization.ts'
import { createRecurring } from '../../src/core/recurring/save-recurring.ts'
import { addDays } from '../../src/domain/calendar/dates.ts'
import { openMigratedStorage, type Storage } from '../../src/storage/database.ts'
import { failuresOf, raceWorkers, valuesOf } from '../concurrency/race-workers.ts'
import { type SmtpServerFixture, startSmtpServer } from '../delivery/smtp-server-fixture.ts'
import { accountBalances } from '../support/core-fixtures.ts'
import { createPostgresDatabase } from '../support/engines.ts'
import type { SchedulerWorkerInput, SchedulerWorkerResult } from './fixtures/scheduler-worker.ts'

const WORKER = 'test/jobs/fixtures/scheduler-worker.ts'
const ORGANIZATIONS = 3
const RECURRINGS_PER_ORGANIZATION = 8
const RECURRINGS = ORGANIZATIONS * RECURRINGS_PER_ORGANIZATION

async function seedOrganization(core: CoreContext, index: number): Promise<string> {
  const { organizationId } = await createOrganization(core, {
    name: `Abo ${index} GmbH`,
    country: 'DE',
    currency: 'EUR',
  })
  const tenant = { organizationId }
  for (let number = 0; number < RECURRINGS_PER_ORGANIZATION; number += 1) {
    const contact = await createContact(core, tenant, {
      name: `Kunde ${index}-${number}`,
      email: `abo-${index}-${number}@example.de`,
    })
    // Due today, and (for half of them) a missed occurrence yesterday as well: two invoices each.
    await createRecurring(core, tenant, {
      contactId: contact.contactId,
      template: {
        paymentTermsDays: 14,
        lines: [{ description: 'Abo', quantity: '1', unitPrice: '10', vatRatePercent: '19' }],
      },
      recurrence: { cycle: 'daily', cycleNumber: 1 },
      startOn: addDays(todayFor(core), number % 2 === 0 ? 0 : -1),
      action: 'email',
    })
  }
  return organizationId
}

async function count(storage: Storage, query: string): Promise<number> {
  const result = await sql<{ count: string }>`${sql.raw(query)}`.execute(storage.db)
  return Number(result.rows[0]?.count ?? 0)
}

describe('two processes on one PostgreSQL issue each recurring invoice once', () => {
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
    spoolDir = mkdtempSync(join(tmpdir(), 'faktura-recurring-race-'))
  })
  afterAll(async () => {
    await storage?.close()
    await smtp.close()
    rmSync(spoolDir, { recursive: true, force: true })
  })

  test('four schedulers in two processes: one invoice, entry and mail per occurrence', async () => {
    const core = { storage: db(), clock: systemClock }
    const organizations: string[] = []
    for (let index = 0; index < ORGANIZATIONS; index += 1)
      organizations.push(await seedOrganization(core, index))
    const input: SchedulerWorkerInput = { databaseUrl, smtpPort: smtp.port, spoolDir }
    const occurrences = RECURRINGS + RECURRINGS / 2

    const reports = await raceWorkers<SchedulerWorkerResult>(WORKER, [input, input], 90_000)

    expect(failuresOf(reports)).toEqual([])
    const recurringRuns = valuesOf(reports)
      .flatMap((result) => result.ran)
      .filter((job) => job.job === 'recurring')
    expect(recurringRuns).toHaveLength(ORGANIZATIONS)
    expect(await count(db(), "select count(*) from invoices where kind = 'invoice'")).toBe(occurrences)
    expect(await count(db(), "select count(*) from invoices where state = 'open'")).toBe(occurrences)
    expect(await count(db(), "select count(*) from events where type = 'recurring.invoice_issued'")).toBe(
      occurrences,
    )
    expect(await count(db(), 'select count(*) from recurrings where created_count = 0')).toBe(0)
    const invoiceMails = smtp.received.filter((mail) => mail.rcptTo.some((to) => to.startsWith('abo-')))
    expect(invoiceMails).toHaveLength(occurrences)
    for (const organizationId of organizations) {
      const balances = await accountBalances(db(), organizationId)
      expect([...balances.values()].reduce((sum, balance) => sum + balance, 0n)).toBe(0n)
    }
  }, 120_000)
})
