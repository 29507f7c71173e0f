// Delivers `webhook.deliver` rows with postWebhook (network guard, deadline, signature). The
// request carries the delivery id and the vendor's event id in headers, so a receiver can tell
// a retry from a new event; the body is exactly what the dialect that enqueued the row wrote.
//
// Payload: { caseId?, invoiceId?, url, eventId, subscriptionId?, body: object | string,
//   headers?: {name: value} }

import { DELIVERY_ID_HEADER } from '../delivery-id.ts'
import type { NetworkPolicy } from '../webhooks/network-guard.ts'
import { postWebhook, type WebhookResult, type WebhookSigner } from '../webhooks/post-webhook.ts'
import { DeliveryAttemptError } from './delivery-attempt-error.ts'
import type { OutboxHandler, PreparedDelivery, RetrySchedule } from './outbox-handler.ts'
import { readObject, readOptionalString, readString, readStringRecord, readSubject } from './read-payload.ts'

export const EVENT_ID_HEADER = 'X-Faktura-Event-Id'

export type WebhookHandlerOptions = Readonly<{
  /** Deadline of one attempt, below the relay's attemptTimeoutMs. */
  timeoutMs?: number
  network?: NetworkPolicy
  /** The subscription's signer; the secret stays in its table, never in the outbox payload. */
  signerFor?: (organizationId: string, subscriptionId: string | null) => Promise<WebhookSigner | undefined>
  /** The vendor's retry schedule for these rows; the relay's otherwise. */
  retry?: RetrySchedule
  /**
   * Which failed answers are tried again, by HTTP status (null: no answer at all), for vendors
   * that retry more than timeouts, 408, 429 and 5xx. An address the network guard refuses never is.
   */
  retryable?: (status: number | null) => boolean
  /**
   * Called when a delivery is given up: it can never succeed, or its last attempt under `retry`
   * failed. A vendor that disables a subscription that keeps failing does it here.
   */
  onGiveUp?: (organizationId: string, subscriptionId: string | null) => Promise<void>
}>

const DEFAULT_TIMEOUT_MS = 15_000

export function createWebhookHandler(options: WebhookHandlerOptions = {}): OutboxHandler {
  return {
    channel: 'webhook',
    ...(options.retry ? { retry: options.retry } : {}),
    prepare(value: unknown): PreparedDelivery {
      const payload = readObject(value, 'payload')
      const url = readString(payload, 'url', '')
      const eventId = readString(payload, 'eventId', '')
      const subscriptionId = readOptionalString(payload, 'subscriptionId', '') ?? null
      const headers = readStringRecord(payload, 'headers', '') ?? {}
      const body =
        typeof payload.body === 'string' ? payload.body : JSON.stringify(readObject(payload.body, 'body'))
      return {
        ...readSubject(payload),
        recipient: loggableUrl(url),
        async send({ deliveryId, organizationId, attempt }) {
          const sign = await options.signerFor?.(organizationId, subscriptionId)
          const result = await postWebhook({
            url,
            body,
            headers: { ...headers, [DELIVERY_ID_HEADER]: deliveryId, [EVENT_ID_HEADER]: eventId },
            timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            ...(sign ? { sign } : {}),
            ...(options.network ? { network: options.network } : {}),
          })
          try {
            return outcomeOf(result, options.retryable)
          } catch (error) {
            if (givenUp(error, attempt, options)) await options.onGiveUp?.(organizationId, subscriptionId)
            throw error
          }
        },
      }
    },
  }
}

function outcomeOf(
  result: WebhookResult,
  retryable?: (status: number | null) => boolean,
): Readonly<{ status: number | null; durationMs: number }> {
  const detail = { status: result.status, durationMs: result.durationMs }
  if (result.error === undefined) return detail
  const failed = { ...detail, response: result.responseBodySnippet, errorKind: result.error.kind }
  const again = retryable && result.error.kind !== 'refused' ? retryable(result.status) : result.retryable
  throw new DeliveryAttemptError(result.error.message, {
    detail: failed,
    permanent: !again,
    ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
  })
}

function givenUp(error: unknown, attempt: number, options: WebhookHandlerOptions): boolean {
  if (error instanceof DeliveryAttemptError && error.permanent) return true
  return options.retry !== undefined && attempt >= options.retry.maxAttempts
}

// Webhook URLs often carry a token in the query or as userinfo: the log keeps neither.
function loggableUrl(text: string): string {
  try {
    const url = new URL(text)
    return `${url.origin}${url.pathname}`
  } catch {
    return text.slice(0, 200)
  }
}
