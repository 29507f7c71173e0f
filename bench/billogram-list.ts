// Latency of a filtered, ordered Billogram list page over 100,000 sent billograms, on SQLite and
// on PostgreSQL: unpaid billograms of one customer, latest due date first, 100 a page, pages picked
// at random across the customer's whole list, as an integration syncing a customer pages through
// it. Statistics are gathered after seeding. Through Fastify's inject(), so the figure is the server's own time (routing, auth, queries,
// JSON). Run: `node bench/billogram-list.ts`; BENCH_BILLOGRAMS and BENCH_REQUESTS override the
// sizes, BENCH_ENGINES picks one engine.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { type Engine, openMigratedStorage, type Storage } from '../src/storage/database.ts'
import { billogramBenchWorld, seedBillograms } from './billogram-seed.ts'
import { note, printJsonLine, rounded } from './support/json-line.ts'
import { openPostgresTarget } from './support/postgres-target.ts'

const BILLOGRAMS = Number(process.env.BENCH_BILLOGRAMS ?? 100_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400)
const WARM_UP = 20
const PAGE_SIZE = 100
const TARGET_P99_MS = 20

function percentile(sortedMs: readonly number[], fraction: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil(fraction * sortedMs.length) - 1)] ?? 0
}

async function benchEngine(engine: Engine, storage: Storage): Promise<void> {
  const world = await billogramBenchWorld(storage)
  note(`[${engine}] seeding ${BILLOGRAMS} billograms`)
  const seededMs = performance.now()
  await seedBillograms(storage, world, BILLOGRAMS)
  // Both engines plan joins from table statistics; a live database has them (PostgreSQL's
  // autovacuum, SQLite's recommended PRAGMA optimize), freshly bulk-loaded rows do not yet.
  await sql`analyze`.execute(storage.db)
  note(`[${engine}] seeded in ${Math.round(performance.now() - seededMs)} ms; timing ${REQUESTS} requests`)
  const customerNo = world.customerNos[7] ?? 1n
  const query = `filter_type=field&filter_field=customer:customer_no&filter_value=${customerNo}&order_field=due_date&order_direction=desc&page_size=${PAGE_SIZE}`
  const get = async (page: number) => {
    const response = await world.app.inject({
      url: `/billogram/api/v2/billogram?${query}&page=${page}`,
      headers: { authorization: world.authorization },
    })
    if (response.statusCode !== 200)
      throw new Error(`page ${page}: ${response.statusCode} ${response.body.slice(0, 300)}`)
    return response
  }
  const first = (await get(1)).json()
  const pages = Math.ceil(first.meta.total_count / PAGE_SIZE)
  if (first.data.length !== PAGE_SIZE) throw new Error('the first page does not hold 100 billograms')
  for (let index = 0; index < WARM_UP; index += 1) await get(1 + (index % pages))
  const latenciesMs: number[] = []
  for (let index = 0; index < REQUESTS; index += 1) {
    const page = 1 + Math.floor(Math.random() * pages)
    const startedMs = performance.now()
    await get(page)
    latenciesMs.push(performance.now() - startedMs)
  }
  const sorted = [...latenciesMs].sort((a, b) => a - b)
  const p99 = percentile(sorted, 0.99)
  printJsonLine({
    bench: 'billogram-list',
    engine,
    billograms: BILLOGRAMS,
    matching: first.meta.total_count,
    requests: REQUESTS,
    p50Ms: rounded(percentile(sorted, 0.5)),
    p95Ms: rounded(percentile(sorted, 0.95)),
    p99Ms: rounded(p99),
    maxMs: rounded(sorted[sorted.length - 1] ?? 0),
    targetP99Ms: TARGET_P99_MS,
    meetsTarget: p99 < TARGET_P99_MS,
  })
  await world.app.close()
}

async function withSqlite(run: (storage: Storage) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faktura-bench-billogram-'))
  try {
    const storage = await openMigratedStorage({ dataDir })
    try {
      await run(storage)
    } finally {
      await storage.close()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function withPostgres(run: (storage: Storage) => Promise<void>): Promise<void> {
  const target = await openPostgresTarget()
  try {
    const storage = await openMigratedStorage({ dataDir: '', databaseUrl: target.databaseUrl })
    try {
      await run(storage)
    } finally {
      await storage.close()
    }
  } finally {
    await target.dispose()
  }
}

const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
if (engines.includes('sqlite')) await withSqlite((storage) => benchEngine('sqlite', storage))
if (engines.includes('postgres')) await withPostgres((storage) => benchEngine('postgres', storage))
