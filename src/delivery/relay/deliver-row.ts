// One claimed row, start to finish: read the payload, mark the attempt started, call the
// handler under a deadline, settle the outcome. Failures of the delivery become outcomes; a
// failure of the database itself propagates, and the row waits out its lease.

import { assert } from '../../domain/assert.ts'
import type { Storage } from '../../storage/database.ts'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import type { ClaimedRow } from './claim-outbox-rows.ts'
import { DeliveryAttemptError } from './delivery-attempt-error.ts'
import type { DeliveryDetail, OutboxHandler, PreparedDelivery } from './outbox-handler.ts'
import type { RelaySettings } from './outbox-relay.ts'
import { type DeliveryTarget, settleOutboxRow, startAttempt } from './settle-outbox-row.ts'

export type RowOutcome = Readonly<{
  organizationId: string
  outboxId: string
  kind: string
  /** `lost`: the lease ran out and another relay took the row; this relay changed nothing. */
  status: 'sent' | 'failed' | 'dead' | 'lost'
  attempt: number
}>

export type RowContext = RelaySettings &
  Readonly<{ storage: Storage; handlers: Readonly<Record<string, OutboxHandler>> }>

/** A receiver's Retry-After is heeded up to this, so one receiver cannot park a row for days. */
const MAX_RETRY_AFTER_MS = 6 * 60 * 60_000

export async function deliverRow(context: RowContext, row: ClaimedRow): Promise<RowOutcome> {
  const handler = context.handlers[row.kind]
  assert(handler, `the relay claimed a row of kind ${row.kind}, which it has no handler for`)
  const base = { organizationId: row.organizationId, outboxId: row.outboxId, kind: row.kind }
  let prepared: PreparedDelivery
  try {
    prepared = handler.prepare(parsePayload(row.payload), row.organizationId)
  } catch (error) {
    const target = { channel: handler.channel, recipient: null, caseId: null, invoiceId: null }
    return settleFailure(scheduleOf(context, handler), row, target, row.attempts + 1, error)
  }
  const target: DeliveryTarget = {
    channel: handler.channel,
    recipient: prepared.recipient,
    caseId: prepared.caseId,
    invoiceId: prepared.invoiceId,
  }
  if (row.attempts >= (handler.retry?.maxAttempts ?? context.maxAttempts)) {
    const error = new Error(`gave up after ${row.attempts} attempts; the last one was interrupted`)
    return settleFailure(scheduleOf(context, handler), row, target, row.attempts, error)
  }
  const attempt = await startAttempt(context.storage, row, target, {
    now: context.now(),
    leaseMs: context.leaseMs,
  })
  if (attempt === null) return { ...base, status: 'lost', attempt: row.attempts }
  let detail: DeliveryDetail
  try {
    detail = await withDeadline(context.attemptTimeoutMs, (signal) =>
      prepared.send({ deliveryId: row.outboxId, organizationId: row.organizationId, attempt, signal }),
    )
  } catch (error) {
    return settleFailure(scheduleOf(context, handler), row, target, attempt, error)
  }
  const kept = await settleOutboxRow(context.storage, row, target, {
    status: 'sent',
    attempt,
    detail,
    now: context.now(),
  })
  if (!kept) context.log.warn({ ...base, attempt }, 'sent after the claim was lost to another relay')
  context.log.debug({ ...base, attempt }, 'outbox row delivered')
  return { ...base, status: kept ? 'sent' : 'lost', attempt }
}

/** The relay's settings with the handler's own retry schedule, when it has one. */
function scheduleOf(context: RowContext, handler: OutboxHandler): RowContext {
  return handler.retry ? { ...context, ...handler.retry } : context
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new PermanentDeliveryError('the payload is not JSON', { field: 'payload', cause: error })
  }
}

async function settleFailure(
  context: RowContext,
  row: ClaimedRow,
  target: DeliveryTarget,
  attempt: number,
  error: unknown,
): Promise<RowOutcome> {
  const permanent =
    error instanceof PermanentDeliveryError || (error instanceof DeliveryAttemptError && error.permanent)
  const dead = permanent || attempt >= context.maxAttempts
  const now = context.now()
  const detail = failureDetail(error)
  let nextAttemptAt: string | undefined
  if (!dead) {
    const retryAfterMs = error instanceof DeliveryAttemptError ? (error.retryAfterMs ?? 0) : 0
    const waitMs = Math.max(context.backoff(attempt), Math.min(retryAfterMs, MAX_RETRY_AFTER_MS))
    nextAttemptAt = new Date(now.getTime() + waitMs).toISOString()
  }
  const status = dead ? 'dead' : 'failed'
  const kept = await settleOutboxRow(context.storage, row, target, {
    status,
    attempt,
    detail,
    now,
    ...(nextAttemptAt ? { nextAttemptAt } : {}),
  })
  const base = { organizationId: row.organizationId, outboxId: row.outboxId, kind: row.kind }
  const report = dead ? context.log.error : context.log.warn
  report(
    { ...base, attempt, ...detail, nextAttemptAt },
    dead ? 'outbox row dead-lettered' : 'outbox attempt failed',
  )
  return { ...base, status: kept ? status : 'lost', attempt }
}

function failureDetail(error: unknown): DeliveryDetail {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof DeliveryAttemptError) return { ...error.detail, error: message }
  if (error instanceof PermanentDeliveryError && error.field) return { error: message, field: error.field }
  return { error: message }
}

/**
 * Stops waiting for an attempt after timeoutMs and aborts its signal. A transport that ignores
 * the signal may still deliver afterwards; its own timeouts must be shorter than this deadline.
 */
async function withDeadline<T>(timeoutMs: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new DeliveryAttemptError(`the attempt took longer than ${timeoutMs} ms`, {
        detail: { outcome: 'unknown' },
      })
      controller.abort(error)
      reject(error)
    }, timeoutMs)
  })
  try {
    return await Promise.race([work(controller.signal), deadline])
  } finally {
    clearTimeout(timer)
  }
}
