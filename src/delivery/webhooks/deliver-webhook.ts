// Bounded retries of one webhook, for callers that retry in process. Every attempt is reported
// through onAttempt before the next one starts, so a caller can record it durably. The outbox
// relay, which retries across restarts instead, uses postWebhook and retryDelayMs directly.

import { setTimeout as sleepFor } from 'node:timers/promises'
import { assert } from '../../domain/assert.ts'
import { postWebhook, type WebhookRequest, type WebhookResult } from './post-webhook.ts'

export type RetryPolicy = Readonly<{
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Delay before the second attempt; it doubles for each attempt after that. */
  baseDelayMs: number
  maxDelayMs: number
}>

export const DEFAULT_WEBHOOK_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
}

export type WebhookAttempt = WebhookResult &
  Readonly<{
    /** 1 for the first attempt. */
    attemptNumber: number
    /** ISO 8601 instant the attempt started. */
    startedAt: string
    /** The wait before the next attempt, or null when this was the last. */
    nextDelayMs: number | null
  }>

export type WebhookDelivery = Readonly<{ delivered: boolean; attempts: readonly WebhookAttempt[] }>

export type DeliverWebhookOptions = Readonly<{
  policy?: RetryPolicy
  onAttempt?: (attempt: WebhookAttempt) => void | Promise<void>
  sleep?: (delayMs: number) => Promise<void>
  /** Returns a number in [0, 1), as Math.random does. */
  random?: () => number
  now?: () => Date
}>

export async function deliverWebhook(
  request: WebhookRequest,
  options: DeliverWebhookOptions = {},
): Promise<WebhookDelivery> {
  const policy = options.policy ?? DEFAULT_WEBHOOK_RETRY_POLICY
  assertPolicy(policy)
  const now = options.now ?? (() => new Date())
  const sleep = options.sleep ?? ((delayMs: number) => sleepFor(delayMs).then(() => undefined))
  const random = options.random ?? Math.random
  const attempts: WebhookAttempt[] = []
  for (let attemptNumber = 1; attemptNumber <= policy.maxAttempts; attemptNumber++) {
    const startedAt = now().toISOString()
    const result = await postWebhook({ ...request, now })
    const last = result.error === undefined || !result.retryable || attemptNumber === policy.maxAttempts
    const nextDelayMs = last ? null : nextDelay(attemptNumber, policy, random, result.retryAfterMs)
    const attempt: WebhookAttempt = { ...result, attemptNumber, startedAt, nextDelayMs }
    attempts.push(attempt)
    await options.onAttempt?.(attempt)
    if (nextDelayMs === null) break
    await sleep(nextDelayMs)
  }
  return { delivered: attempts.at(-1)?.error === undefined, attempts }
}

/**
 * The wait after a failed attempt: exponential (base, 2 x base, 4 x base ... up to the maximum)
 * with "equal jitter": half of it fixed, half random, so that many receivers failing together
 * do not all come back at the same moment, yet no retry follows immediately.
 */
export function retryDelayMs(attemptNumber: number, policy: RetryPolicy, random: () => number): number {
  assert(attemptNumber >= 1, 'attempt numbers start at 1')
  const ceilingMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attemptNumber - 1, 30))
  return Math.round(ceilingMs / 2 + random() * (ceilingMs / 2))
}

// A receiver that says when to come back (429, 503 with Retry-After) is heeded, within the maximum.
function nextDelay(attemptNumber: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number) {
  const backoffMs = retryDelayMs(attemptNumber, policy, random)
  return retryAfterMs === undefined
    ? backoffMs
    : Math.max(backoffMs, Math.min(retryAfterMs, policy.maxDelayMs))
}

function assertPolicy(policy: RetryPolicy): void {
  assert(Number.isInteger(policy.maxAttempts), 'maxAttempts must be an integer')
  assert(policy.maxAttempts >= 1 && policy.maxAttempts <= 20, 'maxAttempts must be 1 to 20')
  assert(
    policy.baseDelayMs >= 0 && policy.maxDelayMs >= policy.baseDelayMs,
    'delays must be 0 <= base <= max',
  )
}
