// Create-and-send throughput of the Billogram API: POST /billogram with on_success send by email,
// 32 connections at once over a real socket (autocannon), on SQLite and on PostgreSQL, as a ratio
// to the approve use case's rate measured in the same run with 32 approvals in flight. A POST does
// everything an approval does plus parsing, the draft, the email's outbox row, events and the
// answer, so the ratio is what the API costs on top of the core. The sides alternate in rounds so
// that a slow patch of the machine hits both. Run: `node bench/billogram-create.ts`;
// BENCH_REQUESTS sets the POSTs per round, BENCH_ENGINES picks one engine.

import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { approveInvoice } from '../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../src/core/invoices/create-invoice.ts'
import { type Engine, openMigratedStorage, type Storage } from '../src/storage/database.ts'
import { type BillogramBenchWorld, billogramBenchWorld, createAndSendBody } from './billogram-seed.ts'
import { note, printJsonLine, rounded } from './support/json-line.ts'
import { openPostgresTarget } from './support/postgres-target.ts'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000)
const ROUNDS = 3
const CONNECTIONS = 32
const WARM_UP = 200
const TARGET_RATIO = 0.5

type Round = Readonly<{ perSecond: number; p99Ms: number }>

async function postRound(url: string, world: BillogramBenchWorld, amount: number): Promise<Round> {
  const result = await autocannon({
    url: `${url}/billogram/api/v2/billogram`,
    method: 'POST',
    connections: CONNECTIONS,
    amount,
    // These machines are shared and noisy: a slow answer is measured, not dropped.
    timeout: 120,
    headers: { authorization: world.authorization, 'content-type': 'application/json' },
    body: createAndSendBody(world.customerNos[3] ?? 1n),
  })
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `${result.non2xx} answers were not 2xx, ${result.errors} requests failed, ${result.timeouts} timed out`,
    )
  return { perSecond: result['2xx'] / (result.duration || 1), p99Ms: result.latency.p99 }
}

/** Approves `count` fresh drafts with `CONNECTIONS` approvals in flight at a time. */
async function approveRound(world: BillogramBenchWorld, count: number): Promise<Round> {
  const contact = await world.core.storage.db
    .selectFrom('contacts')
    .select('contact_id')
    .where('organization_id', '=', world.tenant.organizationId)
    .executeTakeFirstOrThrow()
  const drafts: string[] = []
  for (let index = 0; index < count; index += 1) {
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: contact.contact_id,
      lines: [
        { description: 'Consulting Services', quantity: '10', unitPrice: '1500', vatRatePercent: '25' },
      ],
    })
    drafts.push(draft.invoiceId)
  }
  const latenciesMs: number[] = []
  const startedMs = performance.now()
  let next = 0
  const worker = async () => {
    while (next < drafts.length) {
      const invoiceId = drafts[next++] ?? ''
      const approvalStartedMs = performance.now()
      await approveInvoice(world.core, world.tenant, invoiceId)
      latenciesMs.push(performance.now() - approvalStartedMs)
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  const elapsedMs = performance.now() - startedMs
  latenciesMs.sort((a, b) => a - b)
  return { perSecond: (count * 1000) / elapsedMs, p99Ms: latenciesMs[Math.ceil(0.99 * count) - 1] ?? 0 }
}

function mean(rounds: readonly Round[], pick: (round: Round) => number): number {
  return rounds.reduce((total, round) => total + pick(round), 0) / rounds.length
}

async function benchEngine(engine: Engine, storage: Storage): Promise<void> {
  const world = await billogramBenchWorld(storage)
  await world.app.listen({ host: '127.0.0.1', port: 0 })
  const url = `http://127.0.0.1:${(world.app.server.address() as AddressInfo).port}`
  note(`[${engine}] warming up`)
  await postRound(url, world, WARM_UP)
  await approveRound(world, WARM_UP)
  const posts: Round[] = []
  const approvals: Round[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    note(`[${engine}] round ${round + 1} of ${ROUNDS}: ${REQUESTS} POSTs and ${REQUESTS} approvals`)
    if (round % 2 === 0) posts.push(await postRound(url, world, REQUESTS))
    approvals.push(await approveRound(world, REQUESTS))
    if (round % 2 === 1) posts.push(await postRound(url, world, REQUESTS))
  }
  const emails = await storage.db
    .selectFrom('outbox')
    .select(sql<bigint>`count(*)`.as('count'))
    .where('organization_id', '=', world.tenant.organizationId)
    .where('kind', '=', 'invoice.email')
    .executeTakeFirstOrThrow()
  if (Number(emails.count) !== WARM_UP + ROUNDS * REQUESTS)
    throw new Error(`${emails.count} emails were queued`)
  await world.app.close()
  const postsPerSecond = mean(posts, (round) => round.perSecond)
  const approvalsPerSecond = mean(approvals, (round) => round.perSecond)
  const ratio = postsPerSecond / approvalsPerSecond
  printJsonLine({
    bench: 'billogram-create',
    engine,
    connections: CONNECTIONS,
    requests: ROUNDS * REQUESTS,
    billogramsPerSecond: rounded(postsPerSecond, 1),
    p99Ms: rounded(mean(posts, (round) => round.p99Ms)),
    approvalsPerSecond: rounded(approvalsPerSecond, 1),
    approveP99Ms: rounded(mean(approvals, (round) => round.p99Ms)),
    ratio: rounded(ratio, 3),
    targetRatio: TARGET_RATIO,
    meetsTarget: ratio >= TARGET_RATIO,
  })
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
    const storage = await openMigratedStorage({
      dataDir: '',
      databaseUrl: target.databaseUrl,
      maxConnections: 40,
    })
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
