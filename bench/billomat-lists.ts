// Billomat API figures over 100,000 invoices, on SQLite and on PostgreSQL: latency of a filtered
// list page (GET /invoices?client_id=…&status=OPEN, target p99 under 20 ms), of grouped totals
// (group_by=client,month over all invoices, target p99 under 300 ms), and create-then-complete
// over the API in invoices/s as a ratio to approveInvoice's rate measured in the same run
// (target at least 0.5). Requests go through Fastify's inject(), so the figures are the server's
// own time without a socket. Run: `node bench/billomat-lists.ts`; BENCH_INVOICES overrides the
// 100,000, BENCH_ENGINES=sqlite or postgres runs one engine.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../src/config/config.ts'
import { systemClock } from '../src/core/context.ts'
import { createCredential } from '../src/core/credentials/create-credential.ts'
import { approveInvoice } from '../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../src/core/invoices/create-invoice.ts'
import { createOrganization } from '../src/core/organizations/create-organization.ts'
import { createBillomatDialect } from '../src/dialects/billomat/plugin.ts'
import { buildServer, createServices } from '../src/http/server.ts'
import { type Engine, openMigratedStorage, type Storage } from '../src/storage/database.ts'
import { apiOf, seedInvoices } from './billomat-seed.ts'
import { note, printJsonLine, rounded } from './support/json-line.ts'
import { openPostgresTarget } from './support/postgres-target.ts'

const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000)
const CLIENTS = 200
const LIST_REQUESTS = 400
const GROUP_REQUESTS = 40
const COMPLETIONS = 300
const ROUNDS = 6
const UNLIMITED = { perWindow: 1e9, perWindowWithApp: 1e9, windowSeconds: 900 }

function percentile(samplesMs: readonly number[], fraction: number): number {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN
}

async function timed(count: number, run: (index: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let index = 0; index < count; index += 1) {
    const startedMs = performance.now()
    await run(index)
    samples.push(performance.now() - startedMs)
  }
  return samples
}

async function benchEngine(engine: Engine, storage: Storage): Promise<void> {
  const core = { storage, clock: systemClock }
  const config = loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' })
  const app = await buildServer(createServices(config, core), [
    createBillomatDialect({ rateLimit: UNLIMITED }),
  ])
  const organization = await createOrganization(core, { name: 'Bench GmbH', country: 'DE', currency: 'EUR' })
  const tenant = { organizationId: organization.organizationId }
  const apiKey =
    (await createCredential(core, { organizationId: organization.organizationId, dialect: 'billomat' }))
      .secrets.apiKey ?? ''
  const seedStartedMs = performance.now()
  const seeded = await seedInvoices(core, tenant, app, apiKey, INVOICES, CLIENTS)
  note(
    `[${engine}] seeded ${INVOICES} invoices in ${rounded((performance.now() - seedStartedMs) / 1000, 1)} s`,
  )
  const api = apiOf(app, apiKey)

  await timed(30, (index) =>
    api('GET', `/invoices?client_id=${seeded.clientNos[index % CLIENTS]}&status=OPEN`),
  )
  const list = await timed(LIST_REQUESTS, (index) =>
    api('GET', `/invoices?client_id=${seeded.clientNos[(index * 7) % CLIENTS]}&status=OPEN&per_page=100`),
  )
  printJsonLine({
    bench: 'billomat-list',
    engine,
    invoices: INVOICES,
    perPage: 100,
    p50Ms: rounded(percentile(list, 0.5)),
    p99Ms: rounded(percentile(list, 0.99)),
    targetP99Ms: 20,
  })

  await timed(3, () => api('GET', '/invoices?group_by=client,month'))
  const groups = await timed(GROUP_REQUESTS, () => api('GET', '/invoices?group_by=client,month'))
  printJsonLine({
    bench: 'billomat-group-by',
    engine,
    invoices: INVOICES,
    groupBy: 'client,month',
    p50Ms: rounded(percentile(groups, 0.5)),
    p99Ms: rounded(percentile(groups, 0.99)),
    targetP99Ms: 300,
  })

  const clientNo = seeded.clientNos[0]!
  const contactId = (
    await storage.db
      .selectFrom('contacts')
      .select('contact_id')
      .where('organization_id', '=', tenant.organizationId)
      .where('contact_no', '=', BigInt(clientNo))
      .executeTakeFirstOrThrow()
  ).contact_id
  const item = { title: 'Beratung', quantity: 1, unit_price: 100, tax_rate: 19 }
  const drafts = []
  for (let index = 0; index < COMPLETIONS + 20; index += 1)
    drafts.push(
      await createInvoice(core, tenant, {
        contactId,
        lines: [{ description: 'Beratung', quantity: '1', unitPrice: '100', vatRatePercent: '19' }],
      }),
    )
  const createThenComplete = async () => {
    const created = await api('POST', '/invoices', {
      invoice: { client_id: clientNo, 'invoice-items': { 'invoice-item': item } },
    })
    await api('PUT', `/invoices/${created.invoice!.id}/complete`)
  }
  for (let index = 0; index < 20; index += 1) {
    await createThenComplete()
    await approveInvoice(core, tenant, drafts.shift()!.invoiceId)
  }
  const perRound = COMPLETIONS / ROUNDS
  const elapsedMs = { api: 0, approve: 0 }
  for (let round = 0; round < ROUNDS; round += 1) {
    const sides = round % 2 === 0 ? (['api', 'approve'] as const) : (['approve', 'api'] as const)
    for (const side of sides) {
      const startedMs = performance.now()
      for (let index = 0; index < perRound; index += 1)
        if (side === 'api') await createThenComplete()
        else await approveInvoice(core, tenant, drafts.shift()!.invoiceId)
      elapsedMs[side] += performance.now() - startedMs
    }
  }
  const apiPerSecond = (COMPLETIONS * 1000) / elapsedMs.api
  const approvePerSecond = (COMPLETIONS * 1000) / elapsedMs.approve
  printJsonLine({
    bench: 'billomat-create-complete',
    engine,
    invoicesPerSecond: rounded(apiPerSecond, 1),
    approvePerSecond: rounded(approvePerSecond, 1),
    ratio: rounded(apiPerSecond / approvePerSecond),
    targetRatio: 0.5,
  })
  await app.close()
}

const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[]
if (engines.includes('sqlite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'faktura-bench-billomat-'))
  const storage = await openMigratedStorage({ dataDir })
  try {
    await benchEngine('sqlite', storage)
  } finally {
    await storage.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
if (engines.includes('postgres')) {
  const target = await openPostgresTarget()
  const storage = await openMigratedStorage({ dataDir: '/tmp/unused', databaseUrl: target.databaseUrl })
  try {
    await benchEngine('postgres', storage)
  } finally {
    await storage.close()
    await target.dispose()
  }
}
