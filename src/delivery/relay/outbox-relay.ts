// Runs outbox rows through their handlers after the transactions that enqueued them committed:
// claim a bounded batch, run each row once, record each outcome with its delivery log entry.
//
// Exactly once. SMTP and HTTP are not transactional, so one window cannot be closed from the
// sender's side: between the receiver accepting a message (SMTP's 250, HTTP's 2xx) and our
// commit of that fact. The relay keeps it as small as it can be: the outcome is committed in
// one short transaction as soon as the transport returns, before anything else happens. Every
// other crash point is safe, because nothing reached the receiver: a crash before the
// "attempt started" marker, or while the transport is still talking to a receiver that has not
// accepted, leaves a row whose lease runs out and which is sent again. A row whose attempt
// started but never settled is logged as `interrupted` and sent again rather than parked for
// manual reconciliation: a message the receiver never got is the likely case (the transport
// spends nearly all its time before acceptance), and the repeat carries the same delivery id
// (Message-ID, X-Faktura-Delivery-Id), which the local outboxes and print spool overwrite by and
// a receiver can deduplicate by. test/delivery/relay-crash.test.ts kills the relay at every
// point outside that window and counts each message once at real receivers.

import { hostname } from 'node:os'
import { assert } from '../../domain/assert.ts'
import type { Storage } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { retryDelayMs } from '../webhooks/deliver-webhook.ts'
import { type ClaimedRow, claimOutboxRows, releaseOutboxRows } from './claim-outbox-rows.ts'
import { deliverRow, type RowOutcome } from './deliver-row.ts'
import type { OutboxHandler } from './outbox-handler.ts'
import { type PollLoop, startPollLoop } from './poll-loop.ts'

export type RelayLog = Readonly<{
  debug(details: Record<string, unknown>, message: string): void
  warn(details: Record<string, unknown>, message: string): void
  error(details: Record<string, unknown>, message: string): void
}>

export type OutboxRelayOptions = Readonly<{
  storage: Storage
  /** Handlers by outbox kind; the relay claims only rows of these kinds. */
  handlers: Readonly<Record<string, OutboxHandler>>
  batchSize?: number
  /** Attempts in all, interrupted ones included, before a row is dead-lettered. */
  maxAttempts?: number
  /** The wait after failed attempt number `attempt` (1-based), in milliseconds. */
  backoff?: (attempt: number) => number
  /** How long a claim holds a row before another relay may take it. */
  leaseMs?: number
  /** An attempt running longer than this is abandoned and counted as failed. */
  attemptTimeoutMs?: number
  /** How long start()'s loop sleeps when it found less than a full batch. */
  pollIntervalMs?: number
  now?: () => Date
  log?: RelayLog
  /** Called after each outcome is committed: metrics, or a test that watches the relay. */
  onSettled?: (outcome: RowOutcome) => void
}>

export type RelayRunResult = Readonly<{ claimed: number; delivered: number; failed: number; dead: number }>

export type OutboxRelay = Readonly<{
  runOnce(): Promise<RelayRunResult>
  start(): void
  /** Stops claiming, lets the row in flight settle, hands back the rest of its batch. */
  stop(): Promise<void>
}>

export const RELAY_DEFAULTS = {
  batchSize: 20,
  maxAttempts: 10,
  leaseMs: 5 * 60_000,
  attemptTimeoutMs: 2 * 60_000,
  pollIntervalMs: 1_000,
} as const

const BACKOFF_POLICY = { maxAttempts: 20, baseDelayMs: 10_000, maxDelayMs: 60 * 60_000 } as const

/** Ten seconds, doubling to at most an hour, half of each wait random so retries spread out. */
export function defaultBackoff(attempt: number): number {
  return retryDelayMs(attempt, BACKOFF_POLICY, Math.random)
}

const SILENT_LOG: RelayLog = { debug() {}, warn() {}, error() {} }

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const settings = resolveSettings(options)
  const kinds = Object.keys(options.handlers)
  const claimedBy = `${hostname()}:${process.pid}`
  let stopping = false
  let busy = false
  let loop: PollLoop | undefined

  async function runOnce(): Promise<RelayRunResult> {
    assert(!busy, 'runOnce must not overlap itself; start() runs it in a loop')
    busy = true
    try {
      const rows = await claimOutboxRows(options.storage, {
        kinds,
        limit: settings.batchSize,
        now: settings.now(),
        leaseMs: settings.leaseMs,
        claimToken: newId(),
        claimedBy,
      })
      return await runBatch(rows)
    } finally {
      busy = false
    }
  }

  async function runBatch(rows: readonly ClaimedRow[]): Promise<RelayRunResult> {
    const counts = { claimed: rows.length, delivered: 0, failed: 0, dead: 0 }
    for (const [index, row] of rows.entries()) {
      if (stopping) {
        await releaseOutboxRows(options.storage, rows.slice(index), settings.now())
        break
      }
      const outcome = await deliverRow(
        { ...settings, storage: options.storage, handlers: options.handlers },
        row,
      )
      if (outcome.status === 'sent') counts.delivered++
      else if (outcome.status === 'failed') counts.failed++
      else if (outcome.status === 'dead') counts.dead++
      if (outcome.status !== 'lost') options.onSettled?.(outcome)
    }
    return counts
  }

  return {
    runOnce,
    start() {
      assert(loop === undefined, 'the relay is already started')
      stopping = false
      loop = startPollLoop({
        runBatch: async () => (await runOnce()).claimed === settings.batchSize,
        intervalMs: settings.pollIntervalMs,
        onError: (error) => settings.log.error({ err: error }, 'the outbox relay could not run a batch'),
      })
    },
    async stop() {
      // Set first: the batch in flight hands back its rows not yet started.
      stopping = true
      await loop?.stop()
      loop = undefined
      stopping = false
    },
  }
}

export type RelaySettings = Readonly<{
  batchSize: number
  maxAttempts: number
  backoff: (attempt: number) => number
  leaseMs: number
  attemptTimeoutMs: number
  pollIntervalMs: number
  now: () => Date
  log: RelayLog
}>

function resolveSettings(options: OutboxRelayOptions): RelaySettings {
  const settings = {
    batchSize: options.batchSize ?? RELAY_DEFAULTS.batchSize,
    maxAttempts: options.maxAttempts ?? RELAY_DEFAULTS.maxAttempts,
    backoff: options.backoff ?? defaultBackoff,
    leaseMs: options.leaseMs ?? RELAY_DEFAULTS.leaseMs,
    attemptTimeoutMs: options.attemptTimeoutMs ?? RELAY_DEFAULTS.attemptTimeoutMs,
    pollIntervalMs: options.pollIntervalMs ?? RELAY_DEFAULTS.pollIntervalMs,
    now: options.now ?? (() => new Date()),
    log: options.log ?? SILENT_LOG,
  }
  assert(Number.isInteger(settings.batchSize), 'batchSize must be an integer')
  assert(settings.batchSize >= 1 && settings.batchSize <= 500, 'batchSize must be 1 to 500')
  assert(Number.isInteger(settings.maxAttempts), 'maxAttempts must be an integer')
  assert(settings.maxAttempts >= 1 && settings.maxAttempts <= 100, 'maxAttempts must be 1 to 100')
  assert(
    settings.pollIntervalMs >= 10 && settings.pollIntervalMs <= 60_000,
    'pollIntervalMs must be 10 to 60000',
  )
  assert(settings.attemptTimeoutMs >= 1, 'attemptTimeoutMs must be positive')
  // The lease must outlast an attempt, or another relay could take a row still being sent.
  assert(settings.leaseMs > settings.attemptTimeoutMs, 'leaseMs must exceed attemptTimeoutMs')
  return settings
}
