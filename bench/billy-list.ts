// Latency of Billy's invoice list with lines embedded and contacts sideloaded, 100 a page, over
// 100,000 approved invoices, on SQLite and on PostgreSQL: the request Billy clients page through
// an organization with. Pages are picked at random across the whole list, so deep offsets count as
// often as the first page. Requests go through Fastify's inject(), so the figure is the server's
// own time (routing, auth, queries, JSON), not the network's. Run: `node bench/billy-list.ts`;
// BENCH_INVOICES and BENCH_REQUESTS override the sizes, BENCH_ENGINES picks one engine.

import type { Engine, Storage } from '../src/storage/database.ts'
import { billyBenchWorld, seedInvoices, withPostgres, withSqlite } from './billy-seed.ts'
import { note, printJsonLine, rounded } from './support/json-line.ts'

const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400)
const WARM_UP = 20
const PAGE_SIZE = 100
const TARGET_P99_MS = 50
const URL = `/billy/v2/invoices?include=invoice.lines:embed,invoice.contact:sideload&pageSize=${PAGE_SIZE}`

function percentile(sortedMs: readonly number[], fraction: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil(fraction * sortedMs.length) - 1)] ?? 0
}

async function benchEngine(engine: Engine, storage: Storage): Promise<void> {
  const world = await billyBenchWorld(storage)
  note(`[${engine}] seeding ${INVOICES} invoices`)
  const seededMs = performance.now()
  await seedInvoices(storage, world, INVOICES)
  note(`[${engine}] seeded in ${Math.round(performance.now() - seededMs)} ms; timing ${REQUESTS} requests`)
  const pages = Math.ceil((INVOICES + 1) / PAGE_SIZE)
  const get = async (page: number) => {
    const response = await world.app.inject({
      url: `${URL}&page=${page}`,
      headers: { 'x-access-token': world.token },
    })
    if (response.statusCode !== 200)
      throw new Error(`page ${page}: ${response.statusCode} ${response.body.slice(0, 300)}`)
    return response
  }
  for (let index = 0; index < WARM_UP; index += 1) await get(1 + (index % pages))
  const latenciesMs: number[] = []
  let bytes = 0
  for (let index = 0; index < REQUESTS; index += 1) {
    const page = 1 + Math.floor(Math.random() * pages)
    const startedMs = performance.now()
    const response = await get(page)
    latenciesMs.push(performance.now() - startedMs)
    bytes += response.rawPayload.length
  }
  const first = (await get(1)).json()
  if (first.invoices.length !== PAGE_SIZE || !first.invoices[0].lines || !first.contacts)
    throw new Error('the page does not hold 100 invoices with lines and sideloaded contacts')
  const sorted = [...latenciesMs].sort((a, b) => a - b)
  const p99 = percentile(sorted, 0.99)
  printJsonLine({
    bench: 'billy-list',
    engine,
    invoices: INVOICES,
    requests: REQUESTS,
    p50Ms: rounded(percentile(sorted, 0.5)),
    p95Ms: rounded(percentile(sorted, 0.95)),
    p99Ms: rounded(p99),
    maxMs: rounded(sorted[sorted.length - 1] ?? 0),
    kibPerPage: rounded(bytes / REQUESTS / 1024, 1),
    targetP99Ms: TARGET_P99_MS,
    meetsTarget: p99 < TARGET_P99_MS,
  })
  await world.app.close()
}

const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
if (engines.includes('sqlite')) await withSqlite((storage) => benchEngine('sqlite', storage))
if (engines.includes('postgres')) await withPostgres((storage) => benchEngine('postgres', storage))
