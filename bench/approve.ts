// Approvals per second through approveInvoice, one at a time, on SQLite and on PostgreSQL, against
// a baseline in the same run: the same rows written by plain SQL in one transaction each
// (support/approve-by-plain-sql.ts). The ratio is the figure to watch; these machines are too
// noisy for absolute rates to compare across days. The two sides alternate in rounds so that a
// slow patch of the machine hits both. Run: `npm run bench:approve`; BENCH_APPROVALS overrides N,
// DATABASE_URL points PostgreSQL at an existing server instead of a throwaway cluster.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { approveInvoice } from '../src/core/invoices/approve-invoice.ts'
import { type Engine, openMigratedStorage, type Storage } from '../src/storage/database.ts'
import { createWorld } from '../test/support/core-fixtures.ts'
import { approveByPlainSql, type PlainDraft } from './support/approve-by-plain-sql.ts'
import { assertSameRows, createDrafts, planFromApproved } from './support/approve-fixtures.ts'
import { note, printJsonLine, rounded } from './support/json-line.ts'
import { openPostgresTarget } from './support/postgres-target.ts'

const APPROVALS: Readonly<Record<Engine, number>> = { sqlite: 2000, postgres: 1000 }
const TARGET_RATIO: Readonly<Record<Engine, number>> = { sqlite: 0.5, postgres: 0.4 }
const WARM_UP_APPROVALS = 200
const ROUNDS = 10
const DRAFT_CONCURRENCY: Readonly<Record<Engine, number>> = { sqlite: 1, postgres: 8 }

type Side = 'approve' | 'baseline'
type Approve = (draft: PlainDraft) => Promise<unknown>

async function runSequentially(drafts: readonly PlainDraft[], approve: Approve): Promise<number> {
  const startedMs = performance.now()
  for (const draft of drafts) await approve(draft)
  return performance.now() - startedMs
}

/** Alternates the sides round by round, starting with the other side each round. */
async function alternate(
  drafts: Readonly<Record<Side, PlainDraft[]>>,
  approvers: Readonly<Record<Side, Approve>>,
  perRound: number,
): Promise<Record<Side, number>> {
  const elapsedMs: Record<Side, number> = { approve: 0, baseline: 0 }
  for (let round = 0; round < ROUNDS; round += 1) {
    const order: Side[] = round % 2 === 0 ? ['approve', 'baseline'] : ['baseline', 'approve']
    for (const side of order) {
      elapsedMs[side] += await runSequentially(drafts[side].splice(0, perRound), approvers[side])
    }
  }
  return elapsedMs
}

async function benchEngine(engine: Engine, storage: Storage): Promise<void> {
  const approvals = Number(process.env.BENCH_APPROVALS ?? APPROVALS[engine])
  const perRound = Math.ceil(approvals / ROUNDS)
  const measured = perRound * ROUNDS
  const approved = await createWorld(storage)
  const baseline = await createWorld(storage)
  note(`[${engine}] creating ${2 * (measured + WARM_UP_APPROVALS)} drafts`)
  const drafts: Record<Side, PlainDraft[]> = {
    approve: await createDrafts(approved, measured + WARM_UP_APPROVALS, DRAFT_CONCURRENCY[engine]),
    baseline: await createDrafts(baseline, measured + WARM_UP_APPROVALS, DRAFT_CONCURRENCY[engine]),
  }
  const warmUp = drafts.approve.splice(0, WARM_UP_APPROVALS)
  const approveOne: Approve = (draft) => approveInvoice(approved.core, approved.tenant, draft.invoiceId)
  await runSequentially(warmUp, approveOne)
  const plan = await planFromApproved(storage, warmUp[0]!.invoiceId, approved, baseline)
  const approvers: Record<Side, Approve> = {
    approve: approveOne,
    baseline: (draft) => approveByPlainSql(storage.db, plan, draft),
  }
  await runSequentially(drafts.baseline.splice(0, WARM_UP_APPROVALS), approvers.baseline)
  note(`[${engine}] timing ${measured} approvals per side in ${ROUNDS} alternating rounds`)

  const elapsedMs = await alternate(drafts, approvers, perRound)

  await assertSameRows(storage, approved, baseline)
  const approvePerSecond = (measured * 1000) / elapsedMs.approve
  const baselinePerSecond = (measured * 1000) / elapsedMs.baseline
  const ratio = approvePerSecond / baselinePerSecond
  printJsonLine({
    bench: 'approve',
    engine,
    approvals: measured,
    approvePerSecond: rounded(approvePerSecond, 1),
    baselinePerSecond: rounded(baselinePerSecond, 1),
    ratio: rounded(ratio, 3),
    targetRatio: TARGET_RATIO[engine],
    meetsTarget: ratio >= TARGET_RATIO[engine],
  })
}

async function benchSqlite(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faktura-bench-approve-'))
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
