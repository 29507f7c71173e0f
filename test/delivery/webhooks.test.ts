// Proves webhooks reach a real HTTP receiver signed, record every attempt, time out, retry within their bound and only as far as the policy allows.

import { afterEach, describe, expect, it } from 'vitest'
import { DELIVERY_ID_HEADER } from '../../src/delivery/delivery-id.ts'
import {
  deliverWebhook,
  retryDelayMs,
  type WebhookAttempt,
} from '../../src/delivery/webhooks/deliver-webhook.ts'
import { postWebhook } from '../../src/delivery/webhooks/post-webhook.ts'
import {
  hmacSigner,
  SIGNATURE_HEADER,
  verifyWebhookSignature,
} from '../../src/delivery/webhooks/sign-webhook.ts'
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver-fixture.ts'

const loopback = { allowLoopback: true } as const
const body = JSON.stringify({ event: 'invoice.paid', invoiceNumber: '1042' })
const secret = 'whsec_test'

describe('webhooks', () => {
  let receiver: WebhookReceiver | undefined

  afterEach(async () => {
    await receiver?.close()
    receiver = undefined
  })

  it('posts the body with signature and delivery id headers', async () => {
    receiver = await startWebhookReceiver(() => ({ status: 200, body: '{"ok":true}' }))

    const result = await postWebhook({
      url: receiver.url,
      body,
      headers: { [DELIVERY_ID_HEADER]: 'hook-1', 'Content-Type': 'application/json; charset=utf-8' },
      timeoutMs: 2_000,
      sign: hmacSigner(secret),
      network: loopback,
    })

    const [request] = receiver.received
    expect(receiver.received).toHaveLength(1)
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/faktura', body })
    expect(request!.headers['x-faktura-delivery-id']).toBe('hook-1')
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8')
    const header = request!.headers[SIGNATURE_HEADER.toLowerCase()] as string
    expect(verifyWebhookSignature({ header, body, secret, nowSeconds: Date.now() / 1000 })).toBe(true)
    expect(verifyWebhookSignature({ header, body: `${body} `, secret, nowSeconds: Date.now() / 1000 })).toBe(
      false,
    )
    expect(result).toMatchObject({ status: 200, responseBodySnippet: '{"ok":true}', retryable: false })
    expect(result.error).toBeUndefined()
    expect(result.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('keeps only a snippet of a long response body', async () => {
    receiver = await startWebhookReceiver(() => ({ status: 200, body: 'x'.repeat(100_000) }))

    const result = await postWebhook({
      url: receiver.url,
      body,
      timeoutMs: 2_000,
      network: loopback,
      snippetBytes: 64,
    })

    expect(result.responseBodySnippet).toBe('x'.repeat(64))
  })

  it('records a receiver that never answers as a timed-out attempt', async () => {
    receiver = await startWebhookReceiver(() => undefined)
    const attempts: WebhookAttempt[] = []

    const delivery = await deliverWebhook(
      { url: receiver.url, body, timeoutMs: 200, network: loopback },
      {
        policy: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 },
        onAttempt: (attempt) => void attempts.push(attempt),
      },
    )

    expect(delivery.delivered).toBe(false)
    expect(attempts).toHaveLength(2)
    expect(attempts[0]).toMatchObject({
      attemptNumber: 1,
      status: null,
      retryable: true,
      error: { kind: 'timeout' },
    })
    expect(attempts[0]!.durationMs).toBeGreaterThanOrEqual(190)
    expect(attempts[1]).toMatchObject({ attemptNumber: 2, error: { kind: 'timeout' }, nextDelayMs: null })
    expect(receiver.received).toHaveLength(2)
  })

  it('retries a failing receiver and stops after the bound, with growing delays', async () => {
    receiver = await startWebhookReceiver(() => ({ status: 500, body: 'boom' }))
    const attempts: WebhookAttempt[] = []
    const sleeps: number[] = []

    const delivery = await deliverWebhook(
      { url: receiver.url, body, timeoutMs: 2_000, network: loopback },
      {
        policy: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 },
        onAttempt: (attempt) => void attempts.push(attempt),
        sleep: async (delayMs) => void sleeps.push(delayMs),
        random: () => 0.5,
      },
    )

    expect(delivery.delivered).toBe(false)
    expect(receiver.received).toHaveLength(4)
    expect(attempts.map((attempt) => attempt.status)).toEqual([500, 500, 500, 500])
    expect(attempts[3]!.responseBodySnippet).toBe('boom')
    expect(sleeps).toEqual([75, 150, 225])
    expect(attempts.map((attempt) => attempt.nextDelayMs)).toEqual([75, 150, 225, null])
  })

  it('stops at the first success', async () => {
    receiver = await startWebhookReceiver((_request, count) => ({ status: count < 3 ? 503 : 204 }))
    const attempts: WebhookAttempt[] = []

    const delivery = await deliverWebhook(
      { url: receiver.url, body, timeoutMs: 2_000, network: loopback, sign: hmacSigner(secret) },
      { onAttempt: (attempt) => void attempts.push(attempt), sleep: async () => {} },
    )

    expect(delivery.delivered).toBe(true)
    expect(attempts.map((attempt) => attempt.status)).toEqual([503, 503, 204])
    expect(receiver.received).toHaveLength(3)
  })

  it('does not retry a request the receiver refuses as bad', async () => {
    receiver = await startWebhookReceiver(() => ({ status: 400, body: 'unknown event' }))

    const delivery = await deliverWebhook(
      { url: receiver.url, body, timeoutMs: 2_000, network: loopback },
      { sleep: async () => {} },
    )

    expect(delivery.attempts).toHaveLength(1)
    expect(delivery.attempts[0]).toMatchObject({ status: 400, retryable: false, error: { kind: 'http' } })
  })

  it('waits as long as Retry-After asks, within the maximum delay', async () => {
    receiver = await startWebhookReceiver((_request, count) =>
      count === 1 ? { status: 429, headers: { 'retry-after': '7' } } : { status: 200 },
    )
    const sleeps: number[] = []

    await deliverWebhook(
      { url: receiver.url, body, timeoutMs: 2_000, network: loopback },
      {
        policy: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 60_000 },
        sleep: async (ms) => void sleeps.push(ms),
      },
    )

    expect(sleeps).toEqual([7_000])
  })

  it('records a connection refused as a retryable network failure', async () => {
    receiver = await startWebhookReceiver(() => ({ status: 200 }))
    const url = receiver.url
    await receiver.close()
    receiver = undefined

    const result = await postWebhook({ url, body, timeoutMs: 2_000, network: loopback })

    expect(result).toMatchObject({ status: null, retryable: true, error: { kind: 'network' } })
    expect(result.error?.message).toMatch(/ECONNREFUSED/)
  })
})

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 30_000 }

  it('doubles up to the maximum, with half of each delay random', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, policy, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 15_000,
    ])
    expect([1, 2, 6].map((attempt) => retryDelayMs(attempt, policy, () => 0.999_999))).toEqual([
      1_000, 2_000, 30_000,
    ])
  })

  it('stays bounded for attempt numbers far beyond the policy', () => {
    expect(retryDelayMs(10_000, policy, () => 0.5)).toBe(22_500)
  })
})
