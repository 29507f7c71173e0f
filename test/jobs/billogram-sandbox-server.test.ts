// Proves, through the Billogram HTTP API of a sandbox server on a real socket, with the clock moved
// by POST /admin/organizations/{id}/clock/advance: a billogram sent with automatic reminders becomes
// overdue on the day after its due date, is reminded on its overdue days (not the day before) with
// its fee, accrues interest to the öre, stands still under a respite and resumes after it, and goes
// to collection after the last reminder; a billing tab empties on its billing day into one sent billogram, and a
// tab that cannot be billed raises the BillingTab callback. Every mail reaches a real SMTP server,
// every callback a receiver that checks its signature, and the ledger balances.

import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { createCredential } from '../../src/core/credentials/create-credential.ts'
import { createOrganization } from '../../src/core/organizations/create-organization.ts'
import { addDays } from '../../src/domain/calendar/dates.ts'
import { INTEREST_DENOMINATOR } from '../../src/domain/dunning/interest.ts'
import { divideRounded } from '../../src/domain/money/money.ts'
import { type Running, startFaktura } from '../../src/main.ts'
import { type SmtpServerFixture, startSmtpServer } from '../delivery/smtp-server-fixture.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../delivery/webhook-receiver-fixture.ts'
import { signatureIsValid } from '../dialects/billogram/support/callback-receiver.ts'
import { accountBalances, entryTotals } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

const SIGN_KEY = 'sandlådans-nyckel'
// 1,250 kr at the billogram's own 10 % a year, in ten-thousandths of a percent.
function interestKronor(days: number): number {
  return Number(divideRounded(125_000n * 100_000n * BigInt(days), INTEREST_DENOMINATOR, 'half-up')) / 100
}

describeEachEngine('billogram dunning on a sandbox server', ({ dataDir, databaseUrl }) => {
  let smtp: SmtpServerFixture
  let receiver: WebhookReceiver
  let running: Running
  let organizationId = ''
  let authorization = ''

  beforeAll(async () => {
    smtp = await startSmtpServer()
    receiver = await startWebhookReceiver(() => ({ status: 200, body: '{"status":"OK"}' }))
    const url = databaseUrl()
    const config = loadConfig(
      {
        'data-dir': dataDir(),
        port: '0',
        sandbox: true,
        'smtp-url': `smtp://127.0.0.1:${smtp.port}`,
        ...(url ? { 'database-url': url } : {}),
      },
      { LOG_LEVEL: 'silent', ALLOW_PRIVATE_WEBHOOK_TARGETS: '1' },
    )
    running = await startFaktura(config, undefined, {
      relayPollIntervalMs: 50,
      schedulerPollIntervalMs: 3_600_000,
    })
    const organization = await createOrganization(running.core, {
      name: 'Sandlådan AB',
      country: 'SE',
      currency: 'SEK',
      settings: { orgNo: '556036-0793', email: 'billing@sandladan.example', bank: { bankgiro: '5050-1055' } },
    })
    organizationId = organization.organizationId
    const credential = await createCredential(running.core, { organizationId, dialect: 'billogram' })
    const secrets = credential.secrets
    authorization = `Basic ${Buffer.from(`${secrets.apiUser}:${secrets.apiKey}`).toString('base64')}`
    await call('PUT', '/settings', { callbacks: { url: `${receiver.url}/billogram`, sign_key: SIGN_KEY } })
  })
  afterAll(async () => {
    await running?.close()
    await receiver?.close()
    await smtp?.close()
  })

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${running.urls.main}/billogram/api/v2${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    // biome-ignore lint/suspicious/noExplicitAny: tests read the vendor's JSON by its documented shape
    return (await response.json()) as any
  }
  async function advance(days: number): Promise<string> {
    const response = await fetch(`${running.urls.main}/admin/organizations/${organizationId}/clock/advance`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ days }),
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { today: string }).today
  }
  const read = async (id: string) => (await call('GET', `/billogram/${id}`)).data
  async function customer(email: string | null): Promise<number> {
    const created = await call('POST', '/customer', {
      name: 'Kund AB',
      company_type: 'business',
      contact: email ? { email } : {},
      address: { street_address: 'Gatan 2', zipcode: '11444', city: 'Stockholm', country: 'SE' },
    })
    return created.data.customer_no
  }
  async function waitFor(condition: () => boolean, what: string) {
    const deadline = Date.now() + 20_000
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await sleep(50)
    }
  }
  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.rcptTo.includes(address))
  const callbacks = () => receiver.received.map((request) => JSON.parse(request.body))

  test('a sent billogram is overdue, reminded, paused by a respite, and handed to collection', async () => {
    const customerNo = await customer('betalare@kund.example')
    const created = await call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [
        { title: 'Konsult', count: 2, price: 400, vat: 25, unit: 'hour' },
        { title: 'Resa', count: 1, price: 200, vat: 25, unit: 'unit' },
      ],
      due_days: 10,
      reminder_fee: 60,
      interest_rate: 10,
      automatic_reminders_settings: [
        { delay_days: 5, message: 'Har du glömt oss?' },
        { delay_days: 20, message: '' },
      ],
      automatic_collection: { delay_days: 14, amount: 0, use_default_settings: false },
      on_success: { command: 'send', method: 'Email' },
    })
    const id: string = created.data.id
    const dueOn: string = created.data.due_date

    const dueDay = await advance(10)
    const onDueDay = await read(id)
    await advance(1)
    const overdue = await read(id)
    await advance(3)
    const dayBeforeFirst = await read(id)
    await advance(1)
    const reminded = await read(id)
    const respiteUntil = addDays(dueOn, 25)
    const respite = await call('POST', `/billogram/${id}/command/respite`, { date: respiteUntil })
    const lastPausedDay = await advance(20)
    const paused = await read(id)
    await advance(1)
    const resumed = await read(id)
    await advance(13)
    const dayBeforeSecond = await read(id)
    await advance(1)
    const second = await read(id)
    await advance(13)
    const waiting = await read(id)
    await advance(1)
    const collected = await read(id)

    expect(dueDay).toBe(dueOn)
    expect(onDueDay.state).toBe('Unpaid')
    expect(overdue).toMatchObject({ state: 'Overdue', interest_fee: interestKronor(1) })
    expect(dayBeforeFirst).toMatchObject({
      state: 'Overdue',
      reminder_count: 0,
      interest_fee: interestKronor(4),
    })
    expect(reminded).toMatchObject({
      state: 'Reminder_1',
      reminder_count: 1,
      interest_fee: interestKronor(5),
    })
    expect(reminded.remaining_sum).toBe(1250 + 60 + interestKronor(5))
    expect(respite.data).toMatchObject({ state: 'Unpaid', respite_date: respiteUntil })
    expect(lastPausedDay).toBe(respiteUntil)
    expect(paused).toMatchObject({ state: 'Unpaid', interest_fee: interestKronor(5), reminder_count: 1 })
    expect(resumed).toMatchObject({ state: 'Reminder_1', interest_fee: interestKronor(6) })
    expect(dayBeforeSecond).toMatchObject({
      state: 'Reminder_1',
      reminder_count: 1,
      interest_fee: interestKronor(19),
    })
    expect(second).toMatchObject({ state: 'Reminder_2', reminder_count: 2, interest_fee: interestKronor(20) })
    expect(second.remaining_sum).toBe(1250 + 120 + interestKronor(20))
    expect(waiting.state).toBe('Reminder_2')
    expect(collected).toMatchObject({ state: 'Collection', interest_fee: interestKronor(34) })
    expect(collected.remaining_sum).toBe(1250 + 120 + interestKronor(34))

    await waitFor(() => mailsTo('betalare@kund.example').length >= 3, 'the invoice and two reminders')
    await waitFor(
      () => callbacks().some((body) => body.billogram?.id === id && body.event.type === 'Collection'),
      'the Collection callback',
    )
    await sleep(500)
    expect(mailsTo('betalare@kund.example')).toHaveLength(3)
    const ours = receiver.received.filter((request) => JSON.parse(request.body).billogram?.id === id)
    expect(ours.every((request) => signatureIsValid(request, SIGN_KEY))).toBe(true)
    const types = ours.map((request) => JSON.parse(request.body).event.type)
    expect(types).toEqual([
      'BillogramCreated',
      'BillogramSent',
      'Overdue',
      'ReminderSent',
      'Respite',
      'Overdue',
      'ReminderSent',
      'Collection',
    ])
    expect(new Set(ours.map((request) => JSON.parse(request.body).event.event_uuid)).size).toBe(ours.length)
  }, 120_000)

  test('a billing tab empties on its billing day; one that cannot be billed raises BillingTab', async () => {
    const payer = await customer('flik@kund.example')
    const unreachable = await customer(null)
    for (const no of [payer, unreachable]) {
      await call('PUT', `/customer/${no}/billing-tab/settings`, {
        billing_frequency: 'weekly',
        delivery_method: 'Email',
      })
      for (const [key, title] of [
        ['a', 'Abonnemang'],
        ['b', 'Tillval'],
      ] as const)
        await fetch(`${running.urls.main}/billogram/api/v2/customer/${no}/billing-tab/items`, {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/json',
            'x-api-deduplication-id': `${no}-${key}`,
          },
          body: JSON.stringify({ billogram_item: { title, price: 100, count: 1, unit: 'month', vat: 25 } }),
        })
    }
    const list = (no: number) =>
      call('GET', `/billogram?filter_type=field&filter_field=customer:customer_no&filter_value=${no}`)

    await advance(6)
    const early = await list(payer)
    await advance(1)
    const billed = await list(payer)
    const stillOpen = await call('GET', `/customer/${unreachable}/billing-tab`)

    expect(early.meta.total_count).toBe(0)
    expect(billed.meta.total_count).toBe(1)
    const billogram = await read(billed.data[0].id)
    expect(billogram).toMatchObject({ state: 'Unpaid', total_sum: 250, delivery_method: 'Email' })
    expect(billogram.items.map((item: { title: string }) => item.title)).toEqual(['Abonnemang', 'Tillval'])
    expect(stillOpen.data.items).toHaveLength(2)
    await waitFor(() => mailsTo('flik@kund.example').length >= 1, 'the billing tab’s billogram by mail')
    await waitFor(
      () => callbacks().some((body) => body.callback_type === 'BillingTab'),
      'the BillingTab callback',
    )
    const failures = receiver.received.filter(
      (request) => JSON.parse(request.body).callback_type === 'BillingTab',
    )
    expect(failures).toHaveLength(1)
    expect(signatureIsValid(failures[0]!, SIGN_KEY)).toBe(true)
    expect(JSON.parse(failures[0]!.body)).toMatchObject({
      billing_tab: { customer_number: unreachable, id: stillOpen.data.billing_tab_id },
      event: { type: 'BillogramCreationError', response: { status: 'INVALID_PARAMETER' } },
    })
  }, 120_000)

  test('the ledger balances', async () => {
    const totals = await entryTotals(running.storage, organizationId)
    expect(totals.filter((entry) => BigInt(entry.debit) !== BigInt(entry.credit))).toEqual([])
    const balances = await accountBalances(running.storage, organizationId)
    expect([...balances.values()].reduce((sum, balance) => sum + balance, 0n)).toBe(0n)
  })
})
