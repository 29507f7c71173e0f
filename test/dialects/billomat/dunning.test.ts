// Proves Billomat dunning over HTTP on both engines under the sandbox clock: reminder texts are
// the dunning levels, an invoice becomes OVERDUE the day after its due date, gets its reminders
// on their days with each level's charge as the fee (never two on one day), every reminder email
// reaches a real SMTP server, every invoice and reminder webhook reaches a real receiver exactly
// once with Billomat's headers (Billomat signs nothing), and the ledger balances.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { deliveryDirs } from '../../../src/delivery/delivery-dirs.ts'
import { createInvoiceDeliveryHandlers } from '../../../src/delivery/invoice/invoice-delivery-handlers.ts'
import { loadInvoiceDocument } from '../../../src/delivery/invoice/load-invoice-document.ts'
import { createLocalPrintSpool } from '../../../src/delivery/letters/local-print-spool.ts'
import {
  createSmtpMailTransport,
  type SmtpMailTransport,
} from '../../../src/delivery/mail/smtp-mail-transport.ts'
import { createAnnounceHandler } from '../../../src/delivery/relay/announce-handler.ts'
import { createOutboxRelay, type OutboxRelay } from '../../../src/delivery/relay/outbox-relay.ts'
import { createWebhookHandler } from '../../../src/delivery/relay/webhook-handler.ts'
import { createLocalSmsOutbox } from '../../../src/delivery/sms/local-sms-outbox.ts'
import { billomatAnnouncerFor } from '../../../src/dialects/billomat/webhooks/announce.ts'
import {
  BILLOMAT_WEBHOOK_KIND,
  billomatWebhookDelivery,
} from '../../../src/dialects/billomat/webhooks/webhook-delivery.ts'
import { type SmtpServerFixture, startSmtpServer } from '../../delivery/smtp-server-fixture.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../delivery/webhook-receiver-fixture.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Wire = Record<string, string>

describeEachEngine('billomat dunning', ({ storage }) => {
  let api: Billomat
  let smtp: SmtpServerFixture
  let mail: SmtpMailTransport
  let relay: OutboxRelay
  let receiver: WebhookReceiver
  let tempDir: string

  const advance = async (days: number) => {
    const response = await api.app.inject({
      method: 'POST',
      url: `/admin/organizations/${api.tenant.organizationId}/clock/advance`,
      headers: { 'x-billomatapikey': api.apiKey, 'content-type': 'application/json' },
      payload: { days },
    })
    expect(response.statusCode, response.body).toBe(200)
    await deliverAll()
  }
  const deliverAll = async () => {
    for (let round = 0; round < 50; round += 1) if ((await relay.runOnce()).claimed === 0) return
  }
  const invoice = async (id: string) =>
    ok<{ invoice: Wire }>(await api.json('GET', `/invoices/${id}`)).invoice
  const reminders = async (id: string) => {
    const found = ok<{ reminders: { reminder?: Wire | Wire[] } }>(
      await api.json('GET', `/reminders?invoice_id=${id}`),
    ).reminders.reminder
    return Array.isArray(found) ? found : found ? [found] : []
  }

  beforeAll(async () => {
    api = await openBillomat(storage(), { clockIso: '2027-03-01T10:00:00.000Z', sandbox: true })
    smtp = await startSmtpServer()
    receiver = await startWebhookReceiver(() => ({ status: 200 }))
    mail = createSmtpMailTransport({ url: `smtp://127.0.0.1:${smtp.port}` })
    tempDir = mkdtempSync(join(tmpdir(), 'faktura-billomat-dunning-'))
    const dirs = deliveryDirs(tempDir)
    relay = createOutboxRelay({
      storage: storage(),
      now: () => api.core.clock.now(),
      handlers: {
        ...createInvoiceDeliveryHandlers({
          mail,
          letters: createLocalPrintSpool({ dir: dirs.printSpool }),
          sms: createLocalSmsOutbox({ dir: dirs.smsOutbox }),
          from: { address: 'faktura@faktura.example', name: 'Faktura' },
          publicBaseUrl: 'https://faktura.example',
          loadInvoiceDocument: (organizationId, id) => loadInvoiceDocument(api.core, organizationId, id),
        }),
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
    mail.close()
    await smtp.close()
    await receiver.close()
    await api.close()
    rmSync(tempDir, { recursive: true, force: true })
  })

  // Each request names its webhook and event in Billomat's headers; its body is the record as it
  // stands when delivered (the relay runs after each day), so a delivery twice would show as the
  // same (event, record, status) twice.
  const expectWebhooksOnce = (hooks: Map<string, string>, invoiceId: string, sent: Wire[]) => {
    const seen = receiver.received.map((request) => {
      const event = request.headers['x-billomat-webhook-event'] as string
      const record = Object.values(JSON.parse(request.body) as Record<string, Wire>)[0] ?? {}
      expect(request.headers).toMatchObject({ 'user-agent': 'Billomat-Webhook' })
      expect(hooks.get(request.headers['x-billomat-webhook-id'] as string)).toBe(event)
      expect(request.path).toBe(`/hooks/faktura/${event}`)
      return { event, id: record.id, invoiceId: record.invoice_id || record.id, status: record.status }
    })
    const mine = seen.filter((hit) => hit.invoiceId === invoiceId)
    expect(mine.map((hit) => [hit.event, hit.status])).toEqual([
      ['invoice.create', 'OPEN'],
      ['invoice.status', 'OPEN'],
      ['invoice.status', 'OVERDUE'],
      ['reminder.create', 'OPEN'],
      ['reminder.create', 'OPEN'],
    ])
    expect(mine.filter((hit) => hit.event === 'reminder.create').map((hit) => hit.id)).toEqual(
      sent.map((reminder) => reminder.id),
    )
    const requestIds = receiver.received.map((request) => request.headers['x-billomat-webhook-request-id'])
    expect(new Set(requestIds).size).toBe(requestIds.length)
  }

  test('an invoice falls OVERDUE and is reminded on its days with each level charge, once a day', async () => {
    for (const [sorting, name, charge] of [
      [1, 'Zahlungserinnerung', '5'],
      [2, '1. Mahnung', '10'],
    ] as const)
      ok(
        await api.json('POST', '/reminder-texts', {
          'reminder-text': {
            sorting,
            name,
            subject: `${name} zu [Invoice.invoice_number]`,
            header: 'Leider haben wir noch keine Zahlung erhalten.',
            footer: 'Mit freundlichen Grüßen',
            charge_name: 'Mahngebühr',
            charge_description: 'Gebühr',
            charge_amount: charge,
          },
        }),
        201,
      )
    const hooks = new Map<string, string>()
    for (const event of ['invoice.create', 'invoice.status', 'reminder.create'])
      hooks.set(
        ok<{ webhook: Wire }>(
          await api.json('POST', '/webhooks', {
            webhook: { url: `${receiver.url}/${event}`, event, format: 'JSON' },
          }),
          201,
        ).webhook.id as string,
        event,
      )
    const clientId = await api.client('Säumig GmbH')
    const draft = ok<{ invoice: Wire }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          due_days: 10,
          'invoice-items': {
            'invoice-item': { title: 'Beratung', quantity: 1, unit_price: 100, tax_rate: 19 },
          },
        },
      }),
      201,
    ).invoice
    const id = ok<{ invoice: Wire }>(await api.json('PUT', `/invoices/${draft.id}/complete`)).invoice
      .id as string
    await deliverAll()
    const mailsBefore = smtp.received.length

    await advance(10)
    const onDueDate = await invoice(id)
    await advance(1)
    const dayAfter = await invoice(id)
    await advance(5)
    const beforeFirst = await reminders(id)
    await advance(1)
    const first = await reminders(id)
    const again = await api.json('POST', '/reminders', { reminder: { invoice_id: id } })
    await advance(13)
    const beforeSecond = await reminders(id)
    await advance(1)
    const second = await reminders(id)
    await deliverAll()

    expect(onDueDate).toMatchObject({ status: 'OPEN', due_date: '2027-03-11' })
    expect(dayAfter.status).toBe('OVERDUE')
    expect(beforeFirst).toEqual([])
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({
      reminder_level: '1',
      reminder_level_name: 'Zahlungserinnerung',
      date: '2027-03-18',
      total_gross: '5',
      status: 'OPEN',
    })
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('already sent today')
    expect(beforeSecond).toHaveLength(1)
    expect(second.map((reminder) => [reminder.reminder_level, reminder.date, reminder.total_gross])).toEqual([
      ['1', '2027-03-18', '5'],
      ['2', '2027-04-01', '10'],
    ])
    expect(second[0]?.is_old).toBe('1')
    const overdue = await invoice(id)
    expect(overdue).toMatchObject({ status: 'OVERDUE', open_amount: '134' })
    const reminderMails = smtp.received.slice(mailsBefore)
    expect(reminderMails).toHaveLength(2)
    expect(reminderMails.every((received) => received.rcptTo.includes('buchhaltung@kunde.example'))).toBe(
      true,
    )
    expectWebhooksOnce(hooks, id, second)
  }, 120_000)

  test('a reminder made through the API charges its level and is refused twice a day', async () => {
    const clientId = await api.client('Manuell AG')
    const draft = ok<{ invoice: Wire }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          date: '2027-01-02',
          due_days: 10,
          'invoice-items': { 'invoice-item': { title: 'Ware', quantity: 2, unit_price: 50, tax_rate: 19 } },
        },
      }),
      201,
    ).invoice
    const completed = ok<{ invoice: Wire }>(await api.json('PUT', `/invoices/${draft.id}/complete`)).invoice

    const created = ok<{ reminder: Wire }>(
      await api.json('POST', '/reminders', { reminder: { invoice_id: completed.id } }),
      201,
    ).reminder
    const twice = await api.json('POST', '/reminders', { reminder: { invoice_id: completed.id } })
    const xml = await api.xml('GET', `/reminders/${created.id}`)
    const emailed = await api.json('POST', `/reminders/${created.id}/email`, {
      email: { recipients: { to: 'mahnung@kunde.example' } },
    })
    const cancel = await api.json('PUT', `/reminders/${created.id}/cancel`)
    await deliverAll()

    expect(completed.status).toBe('OVERDUE')
    expect(created).toMatchObject({ reminder_level: '1', total_gross: '5', invoice_id: completed.id })
    expect(twice.statusCode).toBe(400)
    expect(xml.body).toContain('<reminder_level type="integer">1</reminder_level>')
    expect(emailed.statusCode, emailed.body).toBe(200)
    expect(cancel.statusCode).toBe(400)
    expect(smtp.received.some((received) => received.rcptTo.includes('mahnung@kunde.example'))).toBe(true)
    expect((await api.json('GET', `/reminders/${completed.id}99`)).statusCode).toBe(404)
  })

  test("a client's dunning_run 0 keeps its invoices out of the automatic reminders, and 1 lets them back", async () => {
    const client = async (name: string, dunningRun: string) =>
      ok<{ client: Wire }>(
        await api.json('POST', '/clients', {
          client: { name, email: 'zahlung@kunde.example', dunning_run: dunningRun },
        }),
        201,
      ).client.id as string
    const completed = async (clientId: string) => {
      const draft = ok<{ invoice: Wire }>(
        await api.json('POST', '/invoices', {
          invoice: {
            client_id: clientId,
            due_days: 10,
            'invoice-items': { 'invoice-item': { title: 'Abo', quantity: 1, unit_price: 20, tax_rate: 19 } },
          },
        }),
        201,
      ).invoice
      return ok<{ invoice: Wire }>(await api.json('PUT', `/invoices/${draft.id}/complete`)).invoice
        .id as string
    }
    const [outside, inside, later] = [
      await client('Ausgenommen KG', '0'),
      await client('Normal KG', '1'),
      await client('Später KG', '1'),
    ]
    const [outsideInvoice, insideInvoice, laterInvoice] = [
      await completed(outside),
      await completed(inside),
      await completed(later),
    ]
    ok(await api.json('PUT', `/clients/${later}`, { client: { dunning_run: 0 } }))

    await advance(18)
    const afterLevelDay = await Promise.all([outsideInvoice, insideInvoice, laterInvoice].map(reminders))
    ok(await api.json('PUT', `/clients/${outside}`, { client: { dunning_run: '1' } }))
    await advance(1)
    const afterBack = await reminders(outsideInvoice)

    expect(afterLevelDay.map((found) => found.length)).toEqual([0, 1, 0])
    expect(afterBack).toHaveLength(1)
    expect((await api.json('GET', `/clients/${later}`)).json().client.dunning_run).toBe('0')
  })
})
