// Claims on job runs: one row per organization, job and the organization's calendar day. The row
// is the claim. Inserting it lets exactly one process in, however many servers share the
// database (the primary key decides, on PostgreSQL as on SQLite); a run whose process died holds a
// lease that runs out, after which another process takes it over by swapping the claim token.
// Every write after the claim names the token, so a process whose lease was taken over changes
// nothing. Jobs are idempotent per invoice as well, so a run taken over starts again from the top.

import type { Storage } from '../storage/database.ts'
import { newId } from '../storage/ids.ts'

export type JobRunKey = Readonly<{ organizationId: string; job: string; runOn: string }>

export type Claim =
  | Readonly<{ kind: 'claimed'; key: JobRunKey; token: string }>
  | Readonly<{ kind: 'done' }>
  | Readonly<{ kind: 'busy'; claimedBy: string }>

export type ClaimOptions = Readonly<{ now: Date; leaseMs: number; claimedBy: string }>

function leaseEnd(now: Date, leaseMs: number): string {
  return new Date(now.getTime() + leaseMs).toISOString()
}

export async function claimJobRun(storage: Storage, key: JobRunKey, options: ClaimOptions): Promise<Claim> {
  const db = storage.db
  const where = db
    .selectFrom('job_runs')
    .select(['state', 'claim_token', 'claimed_by', 'lease_until'])
    .where('organization_id', '=', key.organizationId)
    .where('job', '=', key.job)
    .where('run_on', '=', key.runOn)
  const existing = await where.executeTakeFirst()
  if (existing?.state === 'done') return { kind: 'done' }
  const token = newId()
  const now = options.now.toISOString()
  if (!existing) {
    const inserted = await db
      .insertInto('job_runs')
      .values({
        organization_id: key.organizationId,
        job: key.job,
        run_on: key.runOn,
        state: 'running',
        claim_token: token,
        claimed_by: options.claimedBy,
        lease_until: leaseEnd(options.now, options.leaseMs),
        handled: 0n,
        started_at: now,
        finished_at: null,
      })
      .onConflict((conflict) => conflict.columns(['organization_id', 'job', 'run_on']).doNothing())
      .executeTakeFirst()
    if (inserted.numInsertedOrUpdatedRows === 1n) return { kind: 'claimed', key, token }
    const winner = await where.executeTakeFirst()
    return winner?.state === 'done' ? { kind: 'done' } : { kind: 'busy', claimedBy: winner?.claimed_by ?? '' }
  }
  if (Date.parse(existing.lease_until) > options.now.getTime())
    return { kind: 'busy', claimedBy: existing.claimed_by }
  const taken = await db
    .updateTable('job_runs')
    .set({
      claim_token: token,
      claimed_by: options.claimedBy,
      lease_until: leaseEnd(options.now, options.leaseMs),
    })
    .where('organization_id', '=', key.organizationId)
    .where('job', '=', key.job)
    .where('run_on', '=', key.runOn)
    .where('state', '=', 'running')
    .where('claim_token', '=', existing.claim_token)
    .executeTakeFirst()
  return taken.numUpdatedRows === 1n ? { kind: 'claimed', key, token } : { kind: 'busy', claimedBy: '' }
}

type Claimed = Extract<Claim, { kind: 'claimed' }>

function ownRow(storage: Storage, claim: Claimed) {
  return storage.db
    .updateTable('job_runs')
    .where('organization_id', '=', claim.key.organizationId)
    .where('job', '=', claim.key.job)
    .where('run_on', '=', claim.key.runOn)
    .where('claim_token', '=', claim.token)
}

/** Extends the lease between batches; false when another process has taken the run over. */
export async function renewJobRun(storage: Storage, claim: Claimed, options: ClaimOptions): Promise<boolean> {
  const result = await ownRow(storage, claim)
    .set({ lease_until: leaseEnd(options.now, options.leaseMs) })
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function finishJobRun(
  storage: Storage,
  claim: Claimed,
  handled: number,
  now: Date,
): Promise<void> {
  await ownRow(storage, claim)
    .set({ state: 'done', handled: BigInt(handled), finished_at: now.toISOString() })
    .executeTakeFirst()
}

/** Gives an unfinished run back at once (a stopping server), so the next pass need not wait out the lease. */
export async function releaseJobRun(storage: Storage, claim: Claimed, now: Date): Promise<void> {
  await ownRow(storage, claim).set({ lease_until: now.toISOString() }).executeTakeFirst()
}
