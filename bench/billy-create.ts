// Approved invoices created per second through Billy's POST /v2/invoices (state "approved", three
// embedded lines; the request creates the draft, approves it, posts it and answers with the
// invoice and its lines), against the approve use case alone on drafts made beforehand, in the
// same run and alternating rounds, on SQLite and on PostgreSQL. The ratio is the figure to watch.
// Requests go through inject(). Run: `node bench/billy-create.ts`; BENCH_INVOICES sets N per side.

import { approveInvoice } from '../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../src/core/invoices/create-invoice.ts'
import type { Engine, Storage } from '../src/storage/database.ts'
import { type BillyBenchWorld, billyBenchWorld, withPostgres, withSqlite } from './billy-seed.ts'
import { note, printJsonLine, rounded } from './support/json-line.ts'

const INVOICES: Readonly<Record<Engine, number>> = { sqlite: 1000, postgres: 500 }
const TARGET_RATIO = 0.5
const ROUNDS = 10
const WARM_UP = 50

type Side = 'billy' | 'approve'

function postApproved(world: BillyBenchWorld, index: number): Promise<unknown> {
  const lines = [1, 2, 3].map((quantity) => ({
    productId: world.productId,
    quantity,
    unitPrice: 100 + quantity,
  }))
  return world.app
    .inject({
      method: 'POST',
      url: '/billy/v2/invoices',
      headers: { 'x-access-token': world.token, 'content-type': 'application/json' },
      payload: JSON.stringify({
        invoice: {
          contactId: world.contactIds[index % world.contactIds.length],
          entryDate: '2026-01-15',
          state: 'approved',
          lines,
        },
      }),
    })
    .then((response) => {
      if (response.statusCode !== 200)
        throw new Error(`POST /invoices: ${response.statusCode} ${response.body.slice(0, 300)}`)
    })
}

async function drafts(world: BillyBenchWorld, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let index = 0; index < count; index += 1) {
    const lines = [1, 2, 3].map((quantity) => ({
      productId: world.productId,
      quantity,
      unitPrice: 100 + quantity,
    }))
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactIds[index % world.contactIds.length] ?? '',
      invoiceDate: '2026-01-15',
      lines,
    })
    ids.push(draft.invoiceId)
  }
  return ids
}

async function benchEngine(engine: Engine, storage: Storage): Promise<void> {
  const count = Number(process.env.BENCH_INVOICES ?? INVOICES[engine])
  const perRound = Math.ceil(count / ROUNDS)
  const world = await billyBenchWorld(storage)
  note(`[${engine}] creating ${perRound * ROUNDS + WARM_UP} drafts for the approve side`)
  const pending = await drafts(world, perRound * ROUNDS + WARM_UP)
  let posted = 0
  const run: Record<Side, (n: number) => Promise<void>> = {
    billy: async (n) => {
      for (let index = 0; index < n; index += 1) await postApproved(world, posted++)
    },
    approve: async (n) => {
      for (const id of pending.splice(0, n)) await approveInvoice(world.core, world.tenant, id)
    },
  }
  await run.billy(WARM_UP)
  await run.approve(WARM_UP)
  note(`[${engine}] timing ${perRound * ROUNDS} invoices per side in ${ROUNDS} alternating rounds`)
  const elapsedMs: Record<Side, number> = { billy: 0, approve: 0 }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const side of (round % 2 === 0 ? ['billy', 'approve'] : ['approve', 'billy']) as Side[]) {
      const startedMs = performance.now()
      await run[side](perRound)
      elapsedMs[side] += performance.now() - startedMs
    }
  }
  const billyPerSecond = (perRound * ROUNDS * 1000) / elapsedMs.billy
  const approvePerSecond = (perRound * ROUNDS * 1000) / elapsedMs.approve
  const ratio = billyPerSecond / approvePerSecond
  printJsonLine({
    bench: 'billy-create',
    engine,
    invoices: perRound * ROUNDS,
    billyPerSecond: rounded(billyPerSecond, 1),
    approvePerSecond: rounded(approvePerSecond, 1),
    ratio: rounded(ratio, 3),
    targetRatio: TARGET_RATIO,
    meetsTarget: ratio >= TARGET_RATIO,
  })
  await world.app.close()
}

const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
if (engines.includes('sqlite')) await withSqlite((storage) => benchEngine('sqlite', storage))
if (engines.includes('postgres')) await withPostgres((storage) => benchEngine('postgres', storage))
