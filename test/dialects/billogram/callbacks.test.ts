// Proves Billogram callbacks: queued in the outbox with the event that caused them, in the
// vendor's body shape, signed with HMAC-SHA256 over "timestamp:body", per billogram and
// account-wide, and only for what happened after the subscription was made.

import { afterAll, beforeAll, expect, test } from 'vitest'
import { startWebhookReceiver, type WebhookReceiver } from '../../delivery/webhook-receiver-fixture.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { signatureIsValid } from './support/callback-receiver.ts'
import { createBillogram, createCustomer } from './support/fixtures.ts'
import { drainOutbox } from './support/relay.ts'

describeEachEngine('billogram callbacks', ({ storage }) => {
  const api = useBillogramApi(storage)
  let receiver: WebhookReceiver
  let customerNo = 0

  beforeAll(async () => {
    receiver = await startWebhookReceiver(() => ({ status: 200, body: '{"status":"OK"}' }))
    customerNo = await createCustomer(api)
  })
  afterAll(async () => receiver.close())

  const bodies = () => receiver.received.map((request) => JSON.parse(request.body))

  test('a billogram created and sent with callbacks announces BillogramCreated and BillogramSent, signed', async () => {
    receiver.received.length = 0
    const billogram = await createBillogram(api, customerNo, {
      callbacks: { url: `${receiver.url}/one`, sign_key: 'bowties-are-cool!', custom: 'order-17' },
      on_success: { command: 'send', method: 'Email' },
    })

    await drainOutbox(api.core())

    expect(bodies().map((body) => body.event.type)).toEqual(['BillogramCreated', 'BillogramSent'])
    expect(receiver.received.every((request) => signatureIsValid(request, 'bowties-are-cool!'))).toBe(true)
    expect(receiver.received.some((request) => signatureIsValid(request, 'another key'))).toBe(false)
    expect(bodies()[1]).toMatchObject({
      callback_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      callback_timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      callback_type: 'BillogramEvent',
      custom: 'order-17',
      billogram: { id: billogram.id, state: 'Unpaid', total_sum: 1250, remaining_sum: 1250 },
      event: { type: 'BillogramSent', billogram_id: billogram.id, data: { delivery_method: 'Email' } },
      signature: null,
    })
    expect(billogram.callbacks).toEqual({
      url: `${receiver.url}/one`,
      sign_key: 'bowties-are-cool!',
      custom: 'order-17',
    })
  })

  test('a payment is announced with the sums after it, and each event only once', async () => {
    const billogram = await createBillogram(api, customerNo, {
      callbacks: { url: `${receiver.url}/two`, sign_key: 'k2' },
      on_success: { command: 'send', method: 'Email' },
    })
    await drainOutbox(api.core())
    receiver.received.length = 0

    await api.call('POST', `/billogram/${billogram.id}/command/payment`, { amount: 1250 })
    await drainOutbox(api.core())
    await drainOutbox(api.core())

    expect(bodies().map((body) => body.event.type)).toEqual(['Payment', 'BillogramEnded'])
    expect(bodies()[1].billogram).toMatchObject({ state: 'Paid', remaining_sum: 0 })
  })

  test('callbacks set on an existing billogram hear only what happens afterwards', async () => {
    const billogram = await createBillogram(api, customerNo)
    api.setNow('2026-03-02T09:05:00.000Z')
    await api.call('PUT', `/billogram/${billogram.id}`, {
      callbacks: { url: `${receiver.url}/three`, sign_key: 'k3' },
    })
    receiver.received.length = 0

    await api.call('POST', `/billogram/${billogram.id}/command/send`, { method: 'Letter' })
    await drainOutbox(api.core())

    expect(bodies().map((body) => body.event.type)).toEqual(['BillogramSent'])
  })

  test('the account-wide callback from settings hears every billogram', async () => {
    const settings = await api.call('PUT', '/settings', {
      callbacks: { url: `${receiver.url}/account`, sign_key: 'account-key' },
    })
    receiver.received.length = 0

    await createBillogram(api, customerNo, { on_success: { command: 'send', method: 'Email' } })
    await drainOutbox(api.core())
    await api.call('PUT', '/settings', { callbacks: null })

    expect(settings.json.data.callbacks).toEqual({ url: `${receiver.url}/account`, sign_key: 'account-key' })
    expect(receiver.received.map((request) => request.path)).toEqual([
      '/hooks/faktura/account',
      '/hooks/faktura/account',
    ])
    expect(receiver.received.every((request) => signatureIsValid(request, 'account-key'))).toBe(true)
  })

  test('a callback url that is not http is refused naming callbacks.url, and nothing is created', async () => {
    const before = await api.call('GET', '/billogram?page_size=1')

    const response = await api.call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [{ title: 'x', price: 1, vat: 25 }],
      callbacks: { url: 'ftp://example.org/hook' },
    })
    const after = await api.call('GET', '/billogram?page_size=1')

    expect(response.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'url', field_path: ['callbacks'] },
    })
    expect(after.json.meta.total_count).toBe(before.json.meta.total_count)
  })
})
