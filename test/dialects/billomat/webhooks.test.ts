// Proves Billomat webhooks over real HTTP on both engines: registered through /webhooks, announced
// through the outbox relay's `event.announce` rows, delivered to receivers on 127.0.0.1 with
// Billomat's headers (increasing request ids, the event, the webhook's id, basic auth), bodies
// exactly as a single GET answers in the webhook's format, and Billomat's retry schedule (after
// 1 minute, 1 hour and 6 hours, also for a 4xx, never after 410), watched on the relay's own clock;
// a webhook given up is inactive until set active again.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { createAnnounceHandler } from '../../../src/delivery/relay/announce-handler.ts'
import { createOutboxRelay, type OutboxRelay } from '../../../src/delivery/relay/outbox-relay.ts'
import { createWebhookHandler } from '../../../src/delivery/relay/webhook-handler.ts'
import { billomatAnnouncerFor } from '../../../src/dialects/billomat/webhooks/announce.ts'
import {
  BILLOMAT_WEBHOOK_KIND,
  billomatWebhookDelivery,
} from '../../../src/dialects/billomat/webhooks/webhook-delivery.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../delivery/webhook-receiver-fixture.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Wire = Record<string, string>

const START_MS = Date.parse('2026-11-02T10:00:00.000Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE

describeEachEngine('billomat webhooks', ({ storage }) => {
  let api: Billomat
  let relay: OutboxRelay
  let nowMs = START_MS
  let good: WebhookReceiver
  let failing: WebhookReceiver
  let gone: WebhookReceiver

  const drain = async () => {
    for (let round = 0; round < 20; round += 1) if ((await relay.runOnce()).claimed === 0) return
  }
  const register = async (webhook: Record<string, string>) =>
    ok<{ webhook: Wire }>(await api.json('POST', '/webhooks', { webhook }), 201).webhook
  const completedInvoice = async (clientId: string, dates: Record<string, string | number> = {}) => {
    const draft = ok<{ invoice: Wire }>(
      await api.json('POST', '/invoices', {
        invoice: {
          ...dates,
          client_id: clientId,
          'invoice-items': {
            'invoice-item': { title: 'Wartung', quantity: 2, unit_price: 50, tax_rate: 19 },
          },
        },
      }),
      201,
    ).invoice
    ok(await api.json('PUT', `/invoices/${draft.id}/complete`))
    return draft.id as string
  }

  beforeAll(async () => {
    api = await openBillomat(storage())
    good = await startWebhookReceiver(() => ({ status: 200 }))
    failing = await startWebhookReceiver(() => ({ status: 400, body: 'not today' }))
    gone = await startWebhookReceiver(() => ({ status: 410 }))
    relay = createOutboxRelay({
      storage: storage(),
      now: () => new Date(nowMs),
      handlers: {
        'event.announce': createAnnounceHandler([billomatAnnouncerFor(api.core, 'https://faktura.example')]),
        [BILLOMAT_WEBHOOK_KIND]: createWebhookHandler({
          network: { allowLoopback: true },
          timeoutMs: 5_000,
          ...billomatWebhookDelivery(api.core),
        }),
      },
    })
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => {
    await Promise.all([good.close(), failing.close(), gone.close()])
    await api.close()
  })

  test('a registration is validated, listed by event and never shows its password', async () => {
    const badUrl = await api.json('POST', '/webhooks', {
      webhook: { url: 'ftp://x', event: 'invoice.create' },
    })
    const badEvent = await api.json('POST', '/webhooks', {
      webhook: { url: good.url, event: 'article.create' },
    })
    const created = await register({
      url: `${good.url}/listed`,
      event: 'credit_note.create',
      format: 'json',
      username: 'hook',
      password: 'secret',
    })
    const listed = ok<{ webhooks: { webhook: Wire } }>(
      await api.json('GET', '/webhooks?event=credit_note.create'),
    ).webhooks.webhook
    const xml = await api.xml('GET', `/webhooks/${created.id}`)
    const deleted = await api.json('DELETE', `/webhooks/${created.id}`)

    expect(badUrl.statusCode).toBe(400)
    expect(badUrl.json().errors.error).toContain('url')
    expect(badEvent.statusCode).toBe(400)
    expect(badEvent.json().errors.error).toContain('event must be one of')
    expect(created).toMatchObject({ event: 'credit_note.create', format: 'JSON', username: 'hook' })
    expect(created).not.toHaveProperty('password')
    expect(listed.id).toBe(created.id)
    expect(xml.body).toContain('<event>credit_note.create</event>')
    expect(xml.body).not.toContain('secret')
    expect(deleted.statusCode).toBe(200)
  })

  test('invoice events reach their webhooks with Billomat headers and the record as GET shows it', async () => {
    const status = await register({
      url: `${good.url}/status`,
      event: 'invoice.status',
      username: 'billomat',
      password: 'pa55',
    })
    await register({ url: `${good.url}/created`, event: 'invoice.create', format: 'JSON' })
    const payments = await register({
      url: `${good.url}/payments`,
      event: 'invoice_payment.create',
      format: 'JSON',
    })
    good.received.length = 0

    const id = await completedInvoice(await api.client('Hook GmbH'))
    await drain()
    const openXml = (await api.xml('GET', `/invoices/${id}`)).body
    const openJson = (await api.json('GET', `/invoices/${id}`)).body
    const afterComplete = [...good.received]
    ok(
      await api.json('POST', '/invoice-payments', { 'invoice-payment': { invoice_id: id, amount: '119' } }),
      201,
    )
    await drain()
    await drain()

    const [created, opened] = afterComplete
    expect(afterComplete.map((request) => request.path)).toEqual([
      '/hooks/faktura/created',
      '/hooks/faktura/status',
    ])
    // Announced after the completion committed, the new invoice's body shows it as it then stood.
    expect(created?.body).toBe(openJson)
    expect(JSON.parse(created?.body ?? '{}').invoice).toMatchObject({ id, status: 'OPEN' })
    expect(created?.headers['content-type']).toContain('application/json')
    expect(opened?.body).toBe(openXml)
    expect(opened?.headers).toMatchObject({
      'user-agent': 'Billomat-Webhook',
      'x-billomat-webhook-id': status.id,
      'x-billomat-webhook-event': 'invoice.status',
      'content-type': expect.stringContaining('application/xml'),
      authorization: `Basic ${Buffer.from('billomat:pa55').toString('base64')}`,
    })
    expect(created?.headers.authorization).toBeUndefined()
    const later = good.received.slice(2)
    // In the order the core logged them: the invoice closed as paid, and the payment that did it.
    expect(later.map((request) => request.headers['x-billomat-webhook-event'])).toEqual([
      'invoice.status',
      'invoice_payment.create',
    ])
    expect(later[0]?.body).toContain('<status>PAID</status>')
    expect(later[1]?.headers['x-billomat-webhook-id']).toBe(payments.id)
    expect(JSON.parse(later[1]?.body ?? '{}')['invoice-payment']).toMatchObject({
      invoice_id: id,
      amount: '119',
    })
    const requestIds = good.received.map((request) =>
      Number(request.headers['x-billomat-webhook-request-id']),
    )
    expect(requestIds).toEqual([...requestIds].sort((a, b) => a - b))
    expect(new Set(requestIds).size).toBe(requestIds.length)
  })

  test('a failing receiver is tried again after 1 minute, 1 hour and 6 hours, then given up; 410 at once', async () => {
    const hooks = [
      await register({ url: failing.url, event: 'reminder.create' }),
      await register({ url: gone.url, event: 'reminder.create' }),
    ]
    const id = await completedInvoice(await api.client('Zahlt Nie AG'), { date: '2026-10-01', due_days: 10 })
    await drain()
    ok(await api.json('POST', '/reminders', { reminder: { invoice_id: id } }), 201)
    const started = nowMs
    const attemptsAfter = async (ms: number) => {
      nowMs = started + ms
      await drain()
      return failing.received.length
    }

    const timeline = [
      await attemptsAfter(0),
      await attemptsAfter(MINUTE - 1_000),
      await attemptsAfter(MINUTE),
      await attemptsAfter(MINUTE + HOUR - 1_000),
      await attemptsAfter(MINUTE + HOUR),
      await attemptsAfter(MINUTE + 7 * HOUR - 1_000),
      await attemptsAfter(MINUTE + 7 * HOUR),
      await attemptsAfter(MINUTE + 30 * HOUR),
    ]

    expect(timeline).toEqual([1, 1, 2, 2, 3, 3, 4, 4])
    expect(gone.received).toHaveLength(1)
    expect(failing.received[0]?.headers['x-billomat-webhook-id']).toBe(hooks[0]?.id)
    expect(failing.received[0]?.body).toContain('<reminder>')
    expect(failing.received.every((request) => request.body === failing.received[0]?.body)).toBe(true)
    const states = await storage()
      .db.selectFrom('outbox')
      .select('state')
      .where('organization_id', '=', api.tenant.organizationId)
      .where('kind', '=', BILLOMAT_WEBHOOK_KIND)
      .where('state', '=', 'dead')
      .execute()
    expect(states).toHaveLength(2)

    // Given up, both webhooks are inactive and hear nothing more until set active again.
    const active = async () =>
      Promise.all(
        hooks.map(
          async (hook) =>
            ok<{ webhook: Wire }>(await api.json('GET', `/webhooks/${hook!.id}`)).webhook.active,
        ),
      )
    const remindAnother = async (name: string) => {
      const another = await completedInvoice(await api.client(name), { date: '2026-10-01', due_days: 10 })
      ok(await api.json('POST', '/reminders', { reminder: { invoice_id: another } }), 201)
      await drain()
    }
    const inactive = await active()
    await remindAnother('Auch Nie GmbH')
    const whileInactive = [failing.received.length, gone.received.length]
    ok(await api.json('PUT', `/webhooks/${hooks[0]!.id}`, { webhook: { active: 1 } }))
    await remindAnother('Wieder Da GmbH')

    expect(inactive).toEqual(['0', '0'])
    expect(whileInactive).toEqual([4, 1])
    expect([failing.received.length, gone.received.length]).toEqual([5, 1])
  })
})
