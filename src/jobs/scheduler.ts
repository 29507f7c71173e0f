// The scheduler: a worker of the server process that, every poll interval, walks the organizations
// and runs each one's due jobs (SCHEDULES) for its calendar day. Several server processes on one
// PostgreSQL each run a scheduler; the claim on each (organization, job, day) lets exactly one of
// them run it. A job another process is running stops that organization's chain for this pass, so
// the jobs of one day always run in their listed order.

import { hostname } from 'node:os'
import { type CoreContext, todayFor } from '../core/context.ts'
import { type PollLoop, startPollLoop } from '../delivery/relay/poll-loop.ts'
import { assert } from '../domain/assert.ts'
import {
  type Claim,
  type ClaimOptions,
  claimJobRun,
  finishJobRun,
  type JobRunKey,
  releaseJobRun,
  renewJobRun,
} from './job-runs.ts'
import { SCHEDULES, type Schedule } from './schedules.ts'

export type SchedulerLog = Readonly<{
  info(details: Record<string, unknown>, message: string): void
  error(details: Record<string, unknown>, message: string): void
}>

export type SchedulerOptions = Readonly<{
  context: CoreContext
  schedules?: readonly Schedule[]
  /** How long the loop sleeps between passes. */
  pollIntervalMs?: number
  /** How long a claim holds a job run before another process may take it over. */
  leaseMs?: number
  log?: SchedulerLog
}>

export type JobRunResult = Readonly<{ job: string; status: 'ran' | 'done' | 'busy'; handled: number }>

export type OrganizationRun = Readonly<{
  organizationId: string
  runOn: string
  jobs: readonly JobRunResult[]
}>

export type Scheduler = Readonly<{
  /** One pass over every organization. */
  runOnce(): Promise<readonly OrganizationRun[]>
  /** The due jobs of one organization, now; waits up to `waitMs` for a run another process holds. */
  runOrganization(organizationId: string, options?: Readonly<{ waitMs?: number }>): Promise<OrganizationRun>
  start(): void
  stop(): Promise<void>
}>

export const SCHEDULER_DEFAULTS = { pollIntervalMs: 60_000, leaseMs: 10 * 60_000 } as const

/** A day's job over a million invoices is 5,000 batches; more than this is a job that never ends. */
const MAX_BATCHES_PER_RUN = 100_000
const ORGANIZATION_PAGE = 200
const BUSY_RETRY_MS = 100

const SILENT: SchedulerLog = { info() {}, error() {} }

/** What one scheduler's functions share: its context, its schedules, its identity and whether it is stopping. */
type Runner = Readonly<{
  context: CoreContext
  schedules: readonly Schedule[]
  log: SchedulerLog
  claimOptions: () => ClaimOptions
  stopping: () => boolean
}>

type Claimed = Extract<Claim, { kind: 'claimed' }>

/** Runs a claimed job to the end, batch by batch; -1 when it gave the run back unfinished. */
async function runJob(runner: Runner, schedule: Schedule, claim: Claimed): Promise<number> {
  const { context } = runner
  const tenant = { organizationId: claim.key.organizationId }
  let cursor: bigint | undefined
  let handled = 0
  try {
    for (let batches = 1; ; batches += 1) {
      assert(
        batches <= MAX_BATCHES_PER_RUN,
        `job ${schedule.job} did not finish in ${MAX_BATCHES_PER_RUN} batches`,
      )
      const batch = await schedule.runBatch(context, tenant, cursor)
      handled += batch.handled
      cursor = batch.cursor
      if (batch.done) break
      if (runner.stopping() || !(await renewJobRun(context.storage, claim, runner.claimOptions()))) {
        await releaseJobRun(context.storage, claim, context.clock.now())
        return -1
      }
    }
  } catch (error) {
    // Given back at once, so the next pass retries instead of waiting out the lease.
    await releaseJobRun(context.storage, claim, context.clock.now())
    throw error
  }
  await finishJobRun(context.storage, claim, handled, context.clock.now())
  return handled
}

async function claimWaiting(runner: Runner, key: JobRunKey, waitMs: number): Promise<Claim> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const claim = await claimJobRun(runner.context.storage, key, runner.claimOptions())
    if (claim.kind !== 'busy' || Date.now() >= deadline || runner.stopping()) return claim
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS))
  }
}

async function runOrganization(
  runner: Runner,
  organizationId: string,
  options: Readonly<{ waitMs?: number }> = {},
): Promise<OrganizationRun> {
  const { context } = runner
  const organization = await context.storage.db
    .selectFrom('organizations')
    .select('clock_offset_days')
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow()
  const runOn = todayFor(context, organization.clock_offset_days)
  const jobs: JobRunResult[] = []
  for (const schedule of runner.schedules) {
    const claim = await claimWaiting(
      runner,
      { organizationId, job: schedule.job, runOn },
      options.waitMs ?? 0,
    )
    if (claim.kind !== 'claimed') {
      jobs.push({ job: schedule.job, status: claim.kind, handled: 0 })
      // The next job of the chain waits for this one, which another process is running.
      if (claim.kind === 'busy') break
      continue
    }
    const handled = await runJob(runner, schedule, claim)
    if (handled < 0) break
    jobs.push({ job: schedule.job, status: 'ran', handled })
    if (handled > 0) runner.log.info({ organizationId, job: schedule.job, runOn, handled }, 'job ran')
  }
  return { organizationId, runOn, jobs }
}

async function runOnce(runner: Runner): Promise<OrganizationRun[]> {
  const runs: OrganizationRun[] = []
  let after = ''
  for (;;) {
    const page = await runner.context.storage.db
      .selectFrom('organizations')
      .select('organization_id')
      .where('organization_id', '>', after)
      .orderBy('organization_id')
      .limit(ORGANIZATION_PAGE)
      .execute()
    for (const { organization_id: organizationId } of page) {
      if (runner.stopping()) return runs
      try {
        runs.push(await runOrganization(runner, organizationId))
      } catch (error) {
        // One organization's failure is logged and retried next pass; the others still run.
        runner.log.error({ organizationId, err: error }, 'scheduled jobs failed')
      }
    }
    const last = page.at(-1)
    if (!last || page.length < ORGANIZATION_PAGE) return runs
    after = last.organization_id
  }
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { context } = options
  const leaseMs = options.leaseMs ?? SCHEDULER_DEFAULTS.leaseMs
  const claimedBy = `${hostname()}:${process.pid}`
  const log = options.log ?? SILENT
  let stopping = false
  let loop: PollLoop | undefined
  const runner: Runner = {
    context,
    schedules: options.schedules ?? SCHEDULES,
    log,
    claimOptions: () => ({ now: context.clock.now(), leaseMs, claimedBy }),
    stopping: () => stopping,
  }
  return {
    runOnce: () => runOnce(runner),
    runOrganization: (organizationId, runOptions) => runOrganization(runner, organizationId, runOptions),
    start() {
      assert(loop === undefined, 'the scheduler is started once')
      loop = startPollLoop({
        runBatch: async () => {
          await runOnce(runner)
          return false
        },
        intervalMs: options.pollIntervalMs ?? SCHEDULER_DEFAULTS.pollIntervalMs,
        onError: (error) => log.error({ err: error }, 'scheduler pass failed'),
      })
    },
    async stop() {
      stopping = true
      await loop?.stop()
    },
  }
}
