// Claims due outbox rows for one relay, in bounded batches, so that no two relays (processes,
// or machines sharing one PostgreSQL) ever run the same row at the same time. A claim is a
// lease: the row's next_attempt_at moves to the end of the lease, so a relay that dies leaves
// rows that simply fall due again once their lease runs out.

import type { Storage } from '../../storage/database.ts'

export type ClaimedRow = Readonly<{
  organizationId: string
  outboxId: string
  kind: string
  payload: string
  /** Attempts made before this claim, interrupted ones included. */
  attempts: number
  /** The previous attempt started but never settled: the relay running it stopped. */
  interrupted: boolean
  claimToken: string
}>

export type ClaimRequest = Readonly<{
  kinds: readonly string[]
  limit: number
  now: Date
  leaseMs: number
  claimToken: string
  claimedBy: string
}>

/**
 * One statement claims the batch on both engines. On PostgreSQL the inner SELECT takes row
 * locks with SKIP LOCKED, so a concurrent claim passes over rows being claimed instead of
 * waiting for them and then taking them too; SQLite runs one writer at a time, so the
 * statement alone is atomic there.
 */
export async function claimOutboxRows(storage: Storage, request: ClaimRequest): Promise<ClaimedRow[]> {
  if (request.kinds.length === 0) return []
  const nowIso = request.now.toISOString()
  let due = storage.db
    .selectFrom('outbox')
    .select(['organization_id', 'outbox_id'])
    .where('state', 'in', ['pending', 'claimed'])
    .where('next_attempt_at', '<=', nowIso)
    .where('kind', 'in', [...request.kinds])
    .orderBy('next_attempt_at')
    .limit(request.limit)
  if (storage.engine === 'postgres') due = due.forUpdate().skipLocked()
  const rows = await storage.db
    .updateTable('outbox')
    .set({
      state: 'claimed',
      claim_token: request.claimToken,
      claimed_by: request.claimedBy,
      next_attempt_at: new Date(request.now.getTime() + request.leaseMs).toISOString(),
    })
    .where(({ eb, refTuple }) =>
      eb(refTuple('organization_id', 'outbox_id'), 'in', due.$asTuple('organization_id', 'outbox_id')),
    )
    .returning([
      'organization_id',
      'outbox_id',
      'kind',
      'payload',
      'attempts',
      'attempt_started_at',
      'created_at',
    ])
    .execute()
  // RETURNING gives no order; run the oldest first, as the claim chose them.
  rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.outbox_id.localeCompare(b.outbox_id))
  return rows.map((row) => ({
    organizationId: row.organization_id,
    outboxId: row.outbox_id,
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    interrupted: row.attempt_started_at !== null,
    claimToken: request.claimToken,
  }))
}

/** Hands back claimed rows the relay will not run (it is stopping), so others need not wait out the lease. */
export async function releaseOutboxRows(
  storage: Storage,
  rows: readonly ClaimedRow[],
  now: Date,
): Promise<void> {
  for (const row of rows) {
    await storage.db
      .updateTable('outbox')
      .set({ state: 'pending', claim_token: null, claimed_by: null, next_attempt_at: now.toISOString() })
      .where('organization_id', '=', row.organizationId)
      .where('outbox_id', '=', row.outboxId)
      .where('claim_token', '=', row.claimToken)
      .execute()
  }
}
