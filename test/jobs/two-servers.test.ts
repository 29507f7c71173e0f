// Proves, with two real server processes (startFaktura in child processes, each with its own HTTP
// server, scheduler and outbox relay) on one PostgreSQL, that every scheduled job's effect happens
// exactly once while the organizations' sandbox clocks move through eight days: billograms sent
// with automatic reminders become overdue, get two reminders with fee and interest and go to
// collection; a weekly billing tab is billed once into one billogram, one that cannot be billed
// raises one BillingTab callback; a daily Billomat recurring issues and emails one invoice a day,
// each announced once to the organization's Billomat `invoice.create` webhook, and each reminder
// once to its `reminder.create` webhook. Counted at a real SMTP server, at a receiver that checks
// every Billogram signature (the account-wide callback subscription) and Billomat's webhook
// headers (Billomat signs nothing), and in the ledger, which balances.
import { mkdtempSync, rmSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { advanceClock, getOrganizationClock } from '../../src/core/clock/advance-clock.ts'
import { systemClock, type Tenant } from '../../src/core/context.ts'
import { createCredential } from '../../src/core/credentials/create-credential.ts'
import { updateDunningSettings } from '../../src/core/dunning/update-dunning-settings.ts'
import { createOrganization } from '../../src/core/organizations/create-organization.ts'
import { SCHEDULES } from '../../src/jobs/schedules.ts'
import { openMigratedStorage, type Storage } from '../../src/storage/database.ts'
import { type SmtpServerFixture, startSmtpServer } from '../delivery/smtp-server-fixture.ts'
import {
  type ReceivedRequest,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../delivery/webhook-receiver-fixture.ts'
import { signatureIsValid } from '../dialects/billogram/support/callback-receiver.ts'
import { accountBalances, entryTotals } from '../support/core-fixtures.ts'
import { createPostgresDatabase } from '../support/engines.ts'
import { type ServerProcess, startServerProcess } from './fixtures/server-processes.ts'

const ORGANIZATIONS = 2
const DUNNED_PER_ORGANIZATION = 4
const RECURRINGS_PER_ORGANIZATION = 2
/** Day 0 and seven more: the weekly tab is billed on day 7. */
const DAYS = 8
const SIGN_KEY = 'två-processers-nyckel'
// Due on day 1; overdue day 1 (day 2) the first reminder, overdue day 3 (day 4) the second, whose
// pay-by day (day 5) must pass before the hand-over on day 6.
const DUNNED_EVENTS = [
  'BillogramCreated',
  'BillogramSent',
  'Overdue',
  'ReminderSent',
  'ReminderSent',
  'Collection',
]

type Wire = Record<string, string>
// biome-ignore lint/suspicious/noExplicitAny: tests read the vendors' JSON by its documented shape
type Api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<any>

function apiOf(baseUrl: string, headers: Record<string, string>): Api {
  return async (method, path, body, extra = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...headers,
        ...extra,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`)
    return text === '' ? undefined : JSON.parse(text)
  }
}

async function count(storage: Storage, query: string): Promise<number> {
  const result = await sql<{ count: string }>`${sql.raw(query)}`.execute(storage.db)
  return Number(result.rows[0]?.count ?? 0)
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}

describe('two server processes on one PostgreSQL', () => {
  let storage: Storage | undefined
  let smtp: SmtpServerFixture
  let receiver: WebhookReceiver
  const servers: ServerProcess[] = []
  const dirs: string[] = []
  const tenants: Tenant[] = []
  // Billogram ids are numbered per organization: a case is its organization's callback path and its id.
  const dunned: { index: number; id: string }[] = []
  const unreachableCustomers: number[] = []
  const db = () => {
    if (!storage) throw new Error('storage is opened in beforeAll')
    return storage
  }
  const core = () => ({ storage: db(), clock: systemClock })

  beforeAll(async () => {
    const databaseUrl = await createPostgresDatabase(inject('postgresUrl'))
    // Migrated once here, so the two servers start on a ready schema.
    storage = await openMigratedStorage({ dataDir: '', databaseUrl })
    smtp = await startSmtpServer()
    receiver = await startWebhookReceiver(() => ({ status: 200, body: '{"status":"OK"}' }))
    for (let index = 0; index < 2; index += 1) {
      const dataDir = mkdtempSync(join(tmpdir(), 'faktura-two-servers-'))
      dirs.push(dataDir)
      servers.push(await startServerProcess({ databaseUrl, smtpPort: smtp.port, dataDir }))
    }
  }, 60_000)
  afterAll(async () => {
    await Promise.allSettled(servers.map((server) => server.stop()))
    await storage?.close()
    await receiver?.close()
    await smtp?.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  async function seedBillogram(tenant: Tenant, index: number, server: ServerProcess) {
    const credential = await createCredential(core(), {
      organizationId: tenant.organizationId,
      dialect: 'billogram',
    })
    const { apiUser, apiKey } = credential.secrets as { apiUser: string; apiKey: string }
    const api = apiOf(`${server.url}/billogram/api/v2`, {
      authorization: `Basic ${Buffer.from(`${apiUser}:${apiKey}`).toString('base64')}`,
    })
    await api('PUT', '/settings', { callbacks: { url: `${receiver.url}/org-${index}`, sign_key: SIGN_KEY } })
    const customer = async (email: string | null) =>
      (
        await api('POST', '/customer', {
          name: 'Kund AB',
          company_type: 'business',
          contact: email ? { email } : {},
          address: { street_address: 'Gatan 2', zipcode: '11444', city: 'Stockholm', country: 'SE' },
        })
      ).data.customer_no as number
    for (let number = 0; number < DUNNED_PER_ORGANIZATION; number += 1) {
      const created = await api('POST', '/billogram', {
        customer: { customer_no: await customer(`dun-${index}-${number}@kund.example`) },
        items: [{ title: 'Konsult', count: 2, price: 500, vat: 25, unit: 'hour' }],
        due_days: 1,
        reminder_fee: 60,
        automatic_reminders_settings: [
          { delay_days: 1, message: '' },
          { delay_days: 3, message: '' },
        ],
        automatic_collection: { delay_days: 1, amount: 0, use_default_settings: false },
        on_success: { command: 'send', method: 'Email' },
      })
      dunned.push({ index, id: created.data.id })
    }
    const payer = await customer(`flik-${index}@kund.example`)
    const unreachable = await customer(null)
    for (const no of [payer, unreachable]) {
      await api('PUT', `/customer/${no}/billing-tab/settings`, {
        billing_frequency: 'weekly',
        delivery_method: 'Email',
      })
      for (const key of ['a', 'b'])
        await api(
          'POST',
          `/customer/${no}/billing-tab/items`,
          { billogram_item: { title: `Tillval ${key}`, price: 100, count: 1, unit: 'month', vat: 25 } },
          { 'x-api-deduplication-id': `${no}-${key}` },
        )
    }
    unreachableCustomers.push(unreachable)
  }

  async function seedRecurrings(tenant: Tenant, index: number, server: ServerProcess) {
    const credential = await createCredential(core(), {
      organizationId: tenant.organizationId,
      dialect: 'billomat',
    })
    const api = apiOf(`${server.url}/billomat/api`, {
      'x-billomatapikey': String(credential.secrets.apiKey),
      accept: 'application/json',
    })
    for (const event of ['invoice.create', 'reminder.create'])
      await api('POST', '/webhooks', {
        webhook: { url: `${receiver.url}/billomat-${index}/${event}`, event, format: 'JSON' },
      })
    const { today } = await getOrganizationClock(core(), tenant)
    for (let number = 0; number < RECURRINGS_PER_ORGANIZATION; number += 1) {
      const client = await api('POST', '/clients', {
        client: { name: `Abo ${index}-${number} AB`, email: `abo-${index}-${number}@kund.example` },
      })
      await api('POST', '/recurrings', {
        recurring: {
          client_id: client.client.id,
          name: 'Dagsabo',
          cycle: 'DAILY',
          start_date: today,
          action: 'EMAIL',
          'recurring-items': {
            'recurring-item': { title: 'Dag', quantity: 1, unit_price: 10, tax_rate: 25 },
          },
        },
      })
    }
  }

  async function dayDone(tenant: Tenant): Promise<boolean> {
    const { today } = await getOrganizationClock(core(), tenant)
    const done = await db()
      .db.selectFrom('job_runs')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('organization_id', '=', tenant.organizationId)
      .where('run_on', '=', today)
      .where('state', '=', 'done')
      .executeTakeFirstOrThrow()
    return Number(done.count) === SCHEDULES.length
  }

  async function settled(): Promise<boolean> {
    return (await count(db(), "select count(*) from outbox where state in ('pending', 'claimed')")) === 0
  }

  test('eight days of jobs: every effect once at the SMTP server, the callback receiver and in the ledger', async () => {
    for (let index = 0; index < ORGANIZATIONS; index += 1) {
      const { organizationId } = await createOrganization(core(), {
        name: `Två ${index} AB`,
        country: 'SE',
        currency: 'SEK',
        settings: {
          orgNo: '556036-0793',
          email: `billing-${index}@tva.example`,
          bank: { bankgiro: '5050-1055' },
        },
      })
      const tenant = { organizationId }
      tenants.push(tenant)
      // One pay-by day, so the steps of a week follow each other closely.
      await updateDunningSettings(core(), tenant, { payByDays: 1 })
      await seedBillogram(tenant, index, servers[index % 2]!)
      await seedRecurrings(tenant, index, servers[(index + 1) % 2]!)
    }

    for (let day = 0; day < DAYS; day += 1) {
      if (day > 0)
        for (const tenant of tenants) await advanceClock(core(), tenant, { days: 1, sandbox: true })
      for (const tenant of tenants) await until(() => dayDone(tenant), `day ${day}'s jobs`)
    }
    await until(settled, 'the outbox to settle')
    await sleep(500)
    const pids = servers.map((server) => server.pid)
    await Promise.all(servers.map((server) => server.stop()))
    servers.length = 0

    // The scheduler: one run per organization, job and day, by the two server processes only.
    expect(await count(db(), "select count(*) from job_runs where state = 'done'")).toBe(
      ORGANIZATIONS * SCHEDULES.length * DAYS,
    )
    const claimers = await sql<{ claimed_by: string }>`select distinct claimed_by from job_runs`.execute(
      db().db,
    )
    const serverIds = pids.map((pid) => `${hostname()}:${pid}`)
    expect(claimers.rows.every((row) => serverIds.includes(row.claimed_by))).toBe(true)

    // Callbacks: each delivered once and signed. Two relays deliver a case's callbacks side by side
    // (the outbox does not order rows of one case across relays), so the receiver orders them by
    // their events (Faktura's event ids increase) to see the order the case lived them.
    const callbacks = receiver.received.filter((request) => request.path.includes('/org-'))
    const bodies = callbacks.map((request: ReceivedRequest) => JSON.parse(request.body))
    expect(callbacks.every((request) => signatureIsValid(request, SIGN_KEY))).toBe(true)
    const uuids = bodies.map((body) => body.event?.event_uuid ?? body.callback_id ?? body.event?.id)
    expect(new Set(uuids).size).toBe(uuids.length)
    for (const { index, id } of dunned) {
      const types = receiver.received
        .filter((request) => request.path.endsWith(`/org-${index}`))
        .map((request) => JSON.parse(request.body))
        .filter((body) => body.billogram?.id === id)
        .sort((a, b) => String(a.event.event_uuid).localeCompare(String(b.event.event_uuid)))
        .map((body) => body.event.type)
      expect(types, id).toEqual(DUNNED_EVENTS)
    }
    const tabFailures = bodies.filter((body) => body.callback_type === 'BillingTab')
    expect(tabFailures.map((body) => body.billing_tab.customer_number).sort()).toEqual(
      [...unreachableCustomers].sort(),
    )
    const cases = ORGANIZATIONS * DUNNED_PER_ORGANIZATION
    const issued = cases + ORGANIZATIONS + ORGANIZATIONS * RECURRINGS_PER_ORGANIZATION * DAYS
    const typeCounts: Record<string, number> = {}
    for (const body of bodies) {
      const type = String(body.event?.type)
      typeCounts[type] = (typeCounts[type] ?? 0) + 1
    }
    expect(typeCounts).toEqual({
      BillogramCreated: issued,
      BillogramSent: issued,
      Overdue: cases,
      ReminderSent: cases * 2,
      Collection: cases,
      BillogramCreationError: ORGANIZATIONS,
    })

    // Billomat webhooks, which Billomat does not sign (their headers name webhook and event): one
    // invoice.create per invoice made after the webhook was registered (each recurring invoice, and
    // the billed tab's, which Billomat sees as any other invoice), one reminder.create per reminder
    // of the dunned billograms, none twice.
    const webhooks = receiver.received.filter((request) => request.path.includes('/billomat-'))
    expect(webhooks.length + callbacks.length).toBe(receiver.received.length)
    const records = webhooks.map((request) => {
      const event = String(request.headers['x-billomat-webhook-event'])
      expect(request.headers['user-agent']).toBe('Billomat-Webhook')
      expect(request.path).toMatch(new RegExp(`/billomat-\\d/${event}$`))
      return { event, path: request.path, record: Object.values(JSON.parse(request.body))[0] as Wire }
    })
    const created = records.filter((hit) => hit.event === 'invoice.create').map((hit) => hit.record)
    expect(created.filter((invoice) => invoice.recurring_id !== '')).toHaveLength(
      ORGANIZATIONS * RECURRINGS_PER_ORGANIZATION * DAYS,
    )
    expect(created).toHaveLength(ORGANIZATIONS * (RECURRINGS_PER_ORGANIZATION * DAYS + 1))
    expect(records.filter((hit) => hit.event === 'reminder.create')).toHaveLength(cases * 2)
    const announced = records.map((hit) => `${hit.path} ${hit.record.id}`)
    expect(new Set(announced).size).toBe(announced.length)

    // Mail: the invoice and two reminders per dunned case, the tab's billogram, one invoice a day per recurring.
    const mailsTo = (prefix: string) =>
      smtp.received.filter((mail) => mail.rcptTo.some((to) => to.startsWith(prefix)))
    expect(mailsTo('dun-')).toHaveLength(ORGANIZATIONS * DUNNED_PER_ORGANIZATION * 3)
    expect(mailsTo('flik-')).toHaveLength(ORGANIZATIONS)
    expect(mailsTo('abo-')).toHaveLength(ORGANIZATIONS * RECURRINGS_PER_ORGANIZATION * DAYS)

    // The ledger and the events: each step once.
    expect(await count(db(), "select count(*) from events where type = 'invoice.overdue'")).toBe(cases)
    expect(await count(db(), 'select count(*) from dunning_reminders')).toBe(cases * 2)
    expect(
      await count(db(), "select count(*) from journal_entries where source_type = 'dunning_reminderFee'"),
    ).toBe(cases * 2)
    expect(
      await count(db(), "select count(*) from journal_entries where source_type = 'dunning_interest'"),
    ).toBe(cases * 3)
    expect(await count(db(), "select count(*) from events where type = 'invoice.collection_started'")).toBe(
      cases,
    )
    expect(await count(db(), "select count(*) from invoices where state = 'collection'")).toBe(cases)
    expect(await count(db(), 'select count(*) from billing_tabs where case_id is not null')).toBe(
      ORGANIZATIONS,
    )
    expect(await count(db(), "select count(*) from events where type = 'recurring.invoice_issued'")).toBe(
      ORGANIZATIONS * RECURRINGS_PER_ORGANIZATION * DAYS,
    )
    for (const tenant of tenants) {
      const totals = await entryTotals(db(), tenant.organizationId)
      expect(totals.filter((entry) => BigInt(entry.debit) !== BigInt(entry.credit))).toEqual([])
      const balances = await accountBalances(db(), tenant.organizationId)
      expect([...balances.values()].reduce((sum, balance) => sum + balance, 0n)).toBe(0n)
    }
  }, 240_000)
})
