// Replays the workflows of seed 001_8698e40ca444021a.txt step by step over HTTP: states,
// remaining_sum and events after each step, the invoice emails at a real SMTP server, and the
// callbacks at a receiver that verifies their signatures.

import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { invoiceNamed } from '../../../src/cli/partner-commands.ts'
import { markOverdueInvoices } from '../../../src/core/invoices/mark-overdue.ts'
import { recallPayment } from '../../../src/core/payments/recall-payment.ts'
import { type SmtpServerFixture, startSmtpServer } from '../../delivery/smtp-server-fixture.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../delivery/webhook-receiver-fixture.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { signatureIsValid } from './support/callback-receiver.ts'
import { createCustomer, eventTypes } from './support/fixtures.ts'
import { drainOutbox } from './support/relay.ts'

const SIGN_KEY = 'workflow-secret'

describeEachEngine('billogram workflows (seed 001)', ({ storage }) => {
  const api = useBillogramApi(storage)
  let smtp: SmtpServerFixture
  let receiver: WebhookReceiver
  let customerNo = 0

  beforeAll(async () => {
    smtp = await startSmtpServer()
    receiver = await startWebhookReceiver(() => ({ status: 200, body: '{"status":"OK"}' }))
    customerNo = await createCustomer(api, {
      contact: { email: 'kund@workflow.example', phone: '+46701234567' },
    })
  })
  afterAll(async () => {
    await smtp.close()
    await receiver.close()
  })
  beforeEach(() => {
    smtp.received.length = 0
    receiver.received.length = 0
    api.setNow('2026-03-02T09:00:00.000Z')
  })

  const deliver = () => drainOutbox(api.core(), { smtpPort: smtp.port, announce: true })
  const callbackTypes = () => receiver.received.map((request) => JSON.parse(request.body).event.type)
  const allSigned = () => receiver.received.every((request) => signatureIsValid(request, SIGN_KEY))
  const command = (id: string, name: string, body?: unknown) =>
    api.call('POST', `/billogram/${id}/command/${name}`, body)
  const item = (price: number) => ({ title: 'Consulting Services', count: 1, vat: 25, price, unit: 'hour' })
  const body = (extra: Record<string, unknown> = {}) => ({
    customer: { customer_no: customerNo },
    items: [{ title: 'Consulting Services', count: 10, vat: 25, price: 1500, unit: 'hour' }],
    callbacks: { url: receiver.url, sign_key: SIGN_KEY },
    ...extra,
  })

  test('workflow 1, option A: create and send in one request, then payment ends it', async () => {
    const created = await api.call(
      'POST',
      '/billogram',
      body({ on_success: { command: 'send', method: 'Email' } }),
    )
    await deliver()
    const paid = await command(created.json.data.id, 'payment', { amount: 18750 })
    await deliver()

    expect(eventTypes(created.json.data)).toEqual(['BillogramCreated', 'BillogramSent'])
    expect(created.json.data).toMatchObject({ state: 'Unpaid', remaining_sum: 18750 })
    expect(smtp.received.map((mail) => mail.rcptTo)).toEqual([['kund@workflow.example']])
    expect(smtp.received[0]?.raw.toString()).toContain('application/pdf')
    expect(paid.json.data).toMatchObject({ state: 'Paid', remaining_sum: 0 })
    expect(eventTypes(paid.json.data).slice(-2)).toEqual(['Payment', 'BillogramEnded'])
    expect(callbackTypes()).toEqual(['BillogramCreated', 'BillogramSent', 'Payment', 'BillogramEnded'])
    expect(allSigned()).toBe(true)
  })

  test('workflow 1, option B: create unattested, send as a second step, pay in two parts', async () => {
    const created = await api.call('POST', '/billogram', body())
    const id = created.json.data.id
    const sent = await command(id, 'send', { method: 'Email' })
    const partly = await command(id, 'payment', { amount: 10000 })
    const settled = await command(id, 'payment', { amount: 8750 })
    await deliver()

    expect(created.json.data.state).toBe('Unattested')
    expect(eventTypes(created.json.data)).toEqual(['BillogramCreated'])
    expect(sent.json.data.state).toBe('Unpaid')
    expect(partly.json.data).toMatchObject({ state: 'PartlyPaid', remaining_sum: 8750 })
    expect(settled.json.data).toMatchObject({ state: 'Paid', remaining_sum: 0 })
    expect(smtp.received).toHaveLength(1)
    expect(callbackTypes()).toEqual([
      'BillogramCreated',
      'BillogramSent',
      'Payment',
      'Payment',
      'BillogramEnded',
    ])
  })

  test('workflow 2: credit full, and credit items with negative counts', async () => {
    const full = await api.call(
      'POST',
      '/billogram',
      body({ on_success: { command: 'send', method: 'Email' } }),
    )
    const items = await api.call(
      'POST',
      '/billogram',
      body({ on_success: { command: 'send', method: 'Email' } }),
    )

    const credited = await command(full.json.data.id, 'credit', { mode: 'full' })
    const partly = await command(items.json.data.id, 'credit', {
      mode: 'items',
      items: [{ title: 'Consulting Services', count: -2, price: 1500, vat: 25, unit: 'hour' }],
    })
    await deliver()

    expect(credited.json.data).toMatchObject({
      state: 'Credited',
      remaining_sum: 0,
      detailed_sums: { credited_sum: 18750 },
    })
    expect(partly.json.data).toMatchObject({
      state: 'Unpaid',
      remaining_sum: 15000,
      detailed_sums: { credited_sum: 3750 },
    })
    expect(callbackTypes().filter((type) => type === 'Credit')).toHaveLength(2)
  })

  test('workflow 3: a stand-alone credit is created, allocated across two billograms, the rest paid out', async () => {
    const send = { on_success: { command: 'send', method: 'Email' } }
    const first = await api.call('POST', '/billogram', body({ ...send, items: [item(400)] }))
    const second = await api.call('POST', '/billogram', body({ ...send, items: [item(200)] }))
    const third = await api.call('POST', '/billogram', body({ ...send, items: [item(1000)] }))
    const credit = await api.call(
      'POST',
      '/billogram',
      body({ items: [{ title: 'Kredit', count: 1, price: -800, vat: 25 }] }),
    )
    const creditId = credit.json.data.id
    const attested = await command(creditId, 'send', { method: 'DoNotNotify' })
    await deliver()
    smtp.received.length = 0
    receiver.received.length = 0

    const toFirst = await command(first.json.data.id, 'credit-allocate', {
      amount: 500.0,
      source_id: creditId,
    })
    const toSecond = await command(second.json.data.id, 'credit-allocate', {
      amount: 250,
      source_id: creditId,
    })
    const settled = await command(second.json.data.id, 'credit-allocate', { amount: 1, source_id: creditId })
    const beyondCredit = await command(third.json.data.id, 'credit-allocate', {
      amount: 300,
      source_id: creditId,
    })
    const paidOut = await command(creditId, 'credit-payment', { mode: 'remaining' })
    await deliver()

    expect(credit.json.data).toMatchObject({ state: 'Unattested', total_sum: -1000, remaining_sum: -1000 })
    expect(attested.json.data).toMatchObject({ state: 'Unpaid', total_sum: -1000, ocr_number: '' })
    // A debit billogram settled by a credit is Credited, as with the credit command.
    expect(toFirst.json.data).toMatchObject({ state: 'Credited', remaining_sum: 0 })
    expect(eventTypes(toFirst.json.data).at(-1)).toBe('Credit')
    expect(toSecond.json.data).toMatchObject({ state: 'Credited', remaining_sum: 0 })
    expect(settled.json.status).toBe('INVALID_OBJECT_STATE')
    expect(beyondCredit.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'amount' } })
    expect(paidOut.json.data).toMatchObject({ state: 'Paid', remaining_sum: 0, total_sum: -1000 })
    expect(eventTypes(paidOut.json.data).slice(-4)).toEqual([
      'Payment',
      'Payment',
      'Payment',
      'BillogramEnded',
    ])
    expect(paidOut.json.data.events.at(-2).data).toMatchObject({ amount: -250, remaining_sum: 0 })
    expect(smtp.received).toHaveLength(0)
    expect(allSigned()).toBe(true)
  })

  test('workflow 4: a customer asks for time on the invoice page, respite is granted and removed', async () => {
    const created = await api.call(
      'POST',
      '/billogram',
      body({ due_days: 30, on_success: { command: 'send', method: 'Email' } }),
    )
    const id = created.json.data.id
    const pagePath = new URL(created.json.data.url).pathname
    await deliver()
    receiver.received.length = 0

    const asked = await api.app().inject({
      method: 'POST',
      url: `${pagePath}/respite`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'until=2026-04-20&reason=L%C3%B6nen+kommer+den+25%3Ae',
    })
    await deliver()
    const granted = await command(id, 'respite', { date: '2026-04-20' })
    const removed = await command(id, 'remove-respite')
    await deliver()

    expect(asked.statusCode).toBe(303)
    expect(callbackTypes()).toEqual(['CustomerMessage', 'Respite', 'RespiteRemoved'])
    expect(JSON.parse(receiver.received[0]?.body ?? '{}').event.data).toMatchObject({
      date: '2026-04-20',
      type: 'respite',
    })
    expect(granted.json.data).toMatchObject({
      state: 'Unpaid',
      respite_date: '2026-04-20',
      due_date: '2026-04-01',
    })
    expect(removed.json.data).toMatchObject({ respite_date: null, due_date: '2026-04-01' })
    expect(allSigned()).toBe(true)
  })

  test('workflow 5: overdue is announced, a manual reminder is sent, a second one the same day refused', async () => {
    const created = await api.call(
      'POST',
      '/billogram',
      body({ due_days: 10, on_success: { command: 'send', method: 'Email' } }),
    )
    const id = created.json.data.id
    api.setNow('2026-03-20T09:00:00.000Z')

    await markOverdueInvoices(api.core(), { organizationId: api.organizationId() })
    await deliver()
    const reminded = await command(id, 'remind', { method: 'Email' })
    const again = await command(id, 'remind', { method: 'Email' })
    await deliver()

    expect(callbackTypes()).toEqual(['BillogramCreated', 'BillogramSent', 'Overdue', 'ReminderSent'])
    expect(reminded.json.data).toMatchObject({ state: 'Reminder_1', reminder_count: 1 })
    expect(again.json.status).toBe('INVALID_OBJECT_STATE')
    expect(smtp.received).toHaveLength(2)
  })

  test('workflow 6: a settled payment is recalled, the billogram reopens, falls overdue and is dunned', async () => {
    const created = await api.call(
      'POST',
      '/billogram',
      body({ due_days: 10, on_success: { command: 'send', method: 'Email' } }),
    )
    const id = created.json.data.id
    const paid = await command(id, 'payment', { amount: 18750 })
    await deliver()
    receiver.received.length = 0

    await recallPayment(
      api.core(),
      { organizationId: api.organizationId() },
      {
        invoiceId: await invoiceNamed(
          api.core(),
          { organizationId: api.organizationId() },
          { billogram: id },
        ),
      },
    )
    await deliver()
    const reopened = await api.call('GET', `/billogram/${id}`)
    api.setNow('2026-03-20T09:00:00.000Z')
    await markOverdueInvoices(api.core(), { organizationId: api.organizationId() })
    const reminded = await command(id, 'remind', { method: 'Email' })

    expect(paid.json.data).toMatchObject({ state: 'Paid', remaining_sum: 0 })
    expect(eventTypes(paid.json.data).at(-1)).toBe('BillogramEnded')
    const recalled = JSON.parse(receiver.received[0]?.body ?? '{}')
    expect(recalled).toMatchObject({
      callback_type: 'PaymentRecalled',
      event: { type: 'PaymentRecalled', data: { amount: -18750, remaining_sum: 18750 } },
      billogram: { id, state: 'Unpaid', remaining_sum: 18750 },
    })
    expect(allSigned()).toBe(true)
    expect(reopened.json.data).toMatchObject({ state: 'Unpaid', remaining_sum: 18750 })
    expect(reminded.json.data).toMatchObject({ reminder_count: 1 })
    expect(eventTypes(reminded.json.data).slice(-2)).toEqual(['Overdue', 'ReminderSent'])
  })
})
