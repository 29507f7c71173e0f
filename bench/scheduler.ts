// One scheduler pass over 100,000 open invoices of which 10,000 fall due, on SQLite and on
// PostgreSQL: the pass marks the 10,000 overdue, counts their first overdue days and interest, and
// sends each its first reminder (fee and interest posted, reminder mail queued in the outbox).
// Reported as invoices handled per second (the 10,000, with their reminder mail queued) against a
// baseline measured in the same run on the same engine: approveInvoice one at a time, a use case
// of the same weight (a locked invoice, a ledger entry, an event, an outbox row). Run:
// `npm run bench:scheduler`; BENCH_INVOICES and BENCH_DUE override the counts, BENCH_ENGINES picks
// engines, DATABASE_URL points PostgreSQL at an existing server instead of a throwaway cluster.
//
// The 100,000 invoices are copies of one approved through the core, written by plain SQL in
// batches (approving them one by one would take longer than the measurement); their approval
// entries are not copied, which the pass never reads.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { createContact } from '../src/core/contacts/create-contact.ts'
import { type CoreContext, systemClock, type Tenant, todayFor } from '../src/core/context.ts'
import { updateDunningSettings } from '../src/core/dunning/update-dunning-settings.ts'
import { approveInvoice } from '../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../src/core/invoices/create-invoice.ts'
import { createOrganization } from '../src/core/organizations/create-organization.ts'
import { createProduct } from '../src/core/products/create-product.ts'
import { addDays } from '../src/domain/calendar/dates.ts'
import { createScheduler } from '../src/jobs/scheduler.ts'
import { type Engine, openMigratedStorage, type Storage } from '../src/storage/database.ts'
import { cloneInvoice } from './support/clone-invoices.ts'
import { note, printJsonLine, rounded } from './support/json-line.ts'
import { openPostgresTarget } from './support/postgres-target.ts'

const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000)
const DUE = Number(process.env.BENCH_DUE ?? 10_000)
const BASELINE_APPROVALS = 1_000
const TARGET_PER_SECOND = 500
const CONTACTS = 50

type Bench = Readonly<{ core: CoreContext; tenant: Tenant; productId: string; contactIds: readonly string[] }>

async function benchWorld(storage: Storage): Promise<Bench> {
  const core: CoreContext = { storage, clock: systemClock }
  const { organizationId } = await createOrganization(core, {
    name: 'Bench AB',
    country: 'SE',
    currency: 'SEK',
  })
  const tenant = { organizationId }
  await updateDunningSettings(core, tenant, { automaticReminders: true })
  const product = await createProduct(core, tenant, {
    name: 'Tjänst',
    vatRatePercent: '25',
    prices: [{ currency: 'SEK', unitPrice: '1000' }],
  })
  const contactIds: string[] = []
  for (let index = 0; index < CONTACTS; index += 1) {
    const contact = await createContact(core, tenant, {
      kind: 'person',
      name: `Kund ${index}`,
      email: `kund${index}@bench.example`,
    })
    contactIds.push(contact.contactId)
  }
  return { core, tenant, productId: product.productId, contactIds }
}

async function draft(bench: Bench, index: number, dueDate: string): Promise<string> {
  const created = await createInvoice(bench.core, bench.tenant, {
    contactId: bench.contactIds[index % bench.contactIds.length] ?? '',
    invoiceDate: addDays(dueDate, -30),
    dueDate,
    lines: [{ productId: bench.productId, quantity: '1' }],
  })
  return created.invoiceId
}

/** `count` open invoices copied from one approved through the core, the first `due` of them 8 days late. */
async function seedOpenInvoices(storage: Storage, bench: Bench, count: number, due: number): Promise<void> {
  const today = todayFor(bench.core)
  const modelId = await draft(bench, 0, addDays(today, 30))
  await approveInvoice(bench.core, bench.tenant, modelId)
  // The model is the first of the `count` open invoices; the due ones are spread over the batches
  // so that they are not all at one end of the table.
  const step = Math.floor(count / due)
  await cloneInvoice(storage, bench.tenant.organizationId, modelId, count - 1, (n) => {
    const isDue = (n - 1) % step === 0 && (n - 1) / step < due
    return {
      contactId: bench.contactIds[n % bench.contactIds.length] ?? '',
      dueDate: isDue ? addDays(today, -8) : addDays(today, 1 + (n % 60)),
    }
  })
}

async function countWhere(
  storage: Storage,
  org: string,
  query: 'reminders' | 'mails' | 'overdue',
): Promise<number> {
  const statement = {
    reminders: sql<{ n: string }>`select count(*) as n from dunning_reminders where organization_id = ${org}`,
    mails: sql<{
      n: string
    }>`select count(*) as n from outbox where organization_id = ${org} and kind = 'invoice.email' and payload like '%"reminder"%'`,
    overdue: sql<{
      n: string
    }>`select count(*) as n from invoices where organization_id = ${org} and state = 'overdue'`,
  }[query]
  return Number((await statement.execute(storage.db)).rows[0]?.n ?? 0)
}

async function baselineApprovalsPerSecond(storage: Storage): Promise<number> {
  const bench = await benchWorld(storage)
  const dueDate = addDays(todayFor(bench.core), 30)
  const drafts: string[] = []
  for (let index = 0; index < BASELINE_APPROVALS; index += 1) drafts.push(await draft(bench, index, dueDate))
  const startedMs = performance.now()
  for (const invoiceId of drafts) await approveInvoice(bench.core, bench.tenant, invoiceId)
  return (BASELINE_APPROVALS * 1000) / (performance.now() - startedMs)
}

async function benchEngine(engine: Engine, storage: Storage): Promise<void> {
  const bench = await benchWorld(storage)
  note(`[${engine}] seeding ${INVOICES} open invoices, ${DUE} of them due`)
  await seedOpenInvoices(storage, bench, INVOICES, DUE)
  const scheduler = createScheduler({ context: bench.core })
  const org = bench.tenant.organizationId
  note(`[${engine}] one scheduler pass`)

  const startedMs = performance.now()
  const run = await scheduler.runOrganization(org)
  const passMs = performance.now() - startedMs

  const [overdue, reminders, mails] = await Promise.all([
    countWhere(storage, org, 'overdue'),
    countWhere(storage, org, 'reminders'),
    countWhere(storage, org, 'mails'),
  ])
  if (overdue !== DUE || reminders !== DUE || mails !== DUE)
    throw new Error(`expected ${DUE} overdue, reminded and mailed; got ${overdue}, ${reminders}, ${mails}`)
  note(`[${engine}] baseline: ${BASELINE_APPROVALS} approvals one at a time`)
  const approvalsPerSecond = await baselineApprovalsPerSecond(storage)
  const handledPerSecond = (DUE * 1000) / passMs
  printJsonLine({
    bench: 'scheduler',
    engine,
    openInvoices: INVOICES,
    due: DUE,
    passSeconds: rounded(passMs / 1000, 2),
    jobs: run.jobs.map((job) => `${job.job}:${job.handled}`),
    handledPerSecond: rounded(handledPerSecond, 1),
    openInvoicesPerSecond: rounded((INVOICES * 1000) / passMs, 1),
    approvalsPerSecond: rounded(approvalsPerSecond, 1),
    ratio: rounded(handledPerSecond / approvalsPerSecond, 3),
    targetPerSecond: TARGET_PER_SECOND,
    meetsTarget: handledPerSecond >= TARGET_PER_SECOND,
  })
}

async function benchSqlite(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faktura-bench-scheduler-'))
  try {
    const storage = await openMigratedStorage({ dataDir })
    try {
      await benchEngine('sqlite', storage)
    } finally {
      await storage.close()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function benchPostgres(): Promise<void> {
  const target = await openPostgresTarget()
  try {
    const storage = await openMigratedStorage({ dataDir: '', databaseUrl: target.databaseUrl })
    try {
      await benchEngine('postgres', storage)
    } finally {
      await storage.close()
    }
  } finally {
    await target.dispose()
  }
}

const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
if (engines.includes('sqlite')) await benchSqlite()
if (engines.includes('postgres')) await benchPostgres()
