// The two writes around every attempt. startAttempt commits the "attempt started" marker before
// the transport is called; settleOutboxRow commits the outcome and its delivery log entry in one
// transaction right after the transport answers. Both are guarded by the claim token, so a
// relay whose lease was taken over by another cannot overwrite that relay's work.

import type { Storage } from '../../storage/database.ts'
import type { ClaimedRow } from './claim-outbox-rows.ts'
import { type DeliveryStatus, writeDeliveryLog } from './delivery-log.ts'
import type { DeliveryChannel, DeliveryDetail } from './outbox-handler.ts'

/** What the log says about the row; the recipient is null when the payload named none. */
export type DeliveryTarget = Readonly<{
  channel: DeliveryChannel
  recipient: string | null
  caseId: string | null
  invoiceId: string | null
}>

export type Settlement = Readonly<{
  status: Exclude<DeliveryStatus, 'interrupted'>
  attempt: number
  detail: DeliveryDetail
  /** For `failed`: when the row falls due again. */
  nextAttemptAt?: string
  now: Date
}>

function logFields(row: ClaimedRow, target: DeliveryTarget) {
  return { organizationId: row.organizationId, outboxId: row.outboxId, kind: row.kind, ...target }
}

/**
 * Counts the attempt and extends the lease to cover it, then commits. Returns the attempt's
 * number, or null when the claim was lost (the lease ran out and another relay took the row).
 * An interrupted previous attempt is logged here, as the first thing known about it.
 */
export async function startAttempt(
  storage: Storage,
  row: ClaimedRow,
  target: DeliveryTarget,
  timing: Readonly<{ now: Date; leaseMs: number }>,
): Promise<number | null> {
  const nowIso = timing.now.toISOString()
  return storage.db.transaction().execute(async (tx) => {
    const started = await tx
      .updateTable('outbox')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        attempt_started_at: nowIso,
        next_attempt_at: new Date(timing.now.getTime() + timing.leaseMs).toISOString(),
      }))
      .where('organization_id', '=', row.organizationId)
      .where('outbox_id', '=', row.outboxId)
      .where('claim_token', '=', row.claimToken)
      .where('state', '=', 'claimed')
      .returning('attempts')
      .executeTakeFirst()
    if (!started) return null
    if (row.interrupted) {
      await writeDeliveryLog(tx, {
        ...logFields(row, target),
        status: 'interrupted',
        attempt: row.attempts,
        detail: {
          error: 'the relay stopped during this attempt, so its outcome is unknown; it is sent again',
        },
        createdAt: nowIso,
      })
    }
    return started.attempts
  })
}

const OUTBOX_STATE = { sent: 'done', failed: 'pending', dead: 'dead' } as const

/** Records the outcome. Returns false when the claim was lost; the log entry is written anyway. */
export async function settleOutboxRow(
  storage: Storage,
  row: ClaimedRow,
  target: DeliveryTarget,
  settlement: Settlement,
): Promise<boolean> {
  const nowIso = settlement.now.toISOString()
  const error = typeof settlement.detail.error === 'string' ? settlement.detail.error : null
  return storage.db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('outbox')
      .set({
        state: OUTBOX_STATE[settlement.status],
        attempts: settlement.attempt,
        last_error: settlement.status === 'sent' ? null : error,
        next_attempt_at: settlement.nextAttemptAt ?? nowIso,
        done_at: settlement.status === 'sent' ? nowIso : null,
        claim_token: null,
        claimed_by: null,
        attempt_started_at: null,
      })
      .where('organization_id', '=', row.organizationId)
      .where('outbox_id', '=', row.outboxId)
      .where('claim_token', '=', row.claimToken)
      .executeTakeFirst()
    await writeDeliveryLog(tx, {
      ...logFields(row, target),
      status: settlement.status,
      attempt: settlement.attempt,
      detail: settlement.detail,
      createdAt: nowIso,
    })
    return result.numUpdatedRows > 0n
  })
}
