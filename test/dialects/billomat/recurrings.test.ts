// Proves Billomat recurrings over HTTP on both engines: CRUD with items, email receivers and tags
// in JSON and XML, `stop`, and the scheduler's recurring job under the sandbox clock, where a
// monthly EMAIL recurring begun on a month end makes twelve invoices on the right days, each
// emailed to a real SMTP server, and a count or an end date ends a series.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { deliveryDirs } from '../../../src/delivery/delivery-dirs.ts'
import { createInvoiceDeliveryHandlers } from '../../../src/delivery/invoice/invoice-delivery-handlers.ts'
import { loadInvoiceDocument } from '../../../src/delivery/invoice/load-invoice-document.ts'
import { createLocalPrintSpool } from '../../../src/delivery/letters/local-print-spool.ts'
import {
  createSmtpMailTransport,
  type SmtpMailTransport,
} from '../../../src/delivery/mail/smtp-mail-transport.ts'
import { createOutboxRelay, type OutboxRelay } from '../../../src/delivery/relay/outbox-relay.ts'
import { createLocalSmsOutbox } from '../../../src/delivery/sms/local-sms-outbox.ts'
import { type SmtpServerFixture, startSmtpServer } from '../../delivery/smtp-server-fixture.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Wire = Record<string, string>

const ITEM = { title: 'Wartung', quantity: 1, unit_price: 100, tax_rate: 19 }

describeEachEngine('billomat recurrings', ({ storage }) => {
  let api: Billomat
  let smtp: SmtpServerFixture
  let mail: SmtpMailTransport
  let relay: OutboxRelay
  let tempDir: string
  let clientId: string

  const advance = async (days: number) => {
    const response = await api.app.inject({
      method: 'POST',
      url: `/admin/organizations/${api.tenant.organizationId}/clock/advance`,
      headers: { 'x-billomatapikey': api.apiKey, 'content-type': 'application/json' },
      payload: { days },
    })
    expect(response.statusCode, response.body).toBe(200)
  }
  const deliverAll = async () => {
    for (let round = 0; round < 50; round += 1) if ((await relay.runOnce()).claimed === 0) return
  }
  const create = async (fields: Record<string, unknown>) =>
    ok<{ recurring: Wire & { id: string } }>(
      await api.json('POST', '/recurrings', {
        recurring: {
          client_id: clientId,
          'recurring-items': { 'recurring-item': ITEM },
          ...fields,
        },
      }),
      201,
    ).recurring
  const invoicesOf = async (recurringId: string) => {
    const all = ok<{ invoices: { invoice?: Wire | Wire[] } }>(
      await api.json('GET', '/invoices?per_page=1000&order_by=date'),
    ).invoices.invoice
    return (Array.isArray(all) ? all : all ? [all] : []).filter(
      (invoice) => invoice.recurring_id === recurringId,
    )
  }

  beforeAll(async () => {
    // 30 January 2027: tomorrow is a month end.
    api = await openBillomat(storage(), { clockIso: '2027-01-30T10:00:00.000Z', sandbox: true })
    smtp = await startSmtpServer()
    mail = createSmtpMailTransport({ url: `smtp://127.0.0.1:${smtp.port}` })
    tempDir = mkdtempSync(join(tmpdir(), 'faktura-billomat-recurrings-'))
    const dirs = deliveryDirs(tempDir)
    relay = createOutboxRelay({
      storage: storage(),
      // The outbox rows carry the organization's fixed instant; the relay reads the same clock.
      now: () => api.core.clock.now(),
      handlers: createInvoiceDeliveryHandlers({
        mail,
        letters: createLocalPrintSpool({ dir: dirs.printSpool }),
        sms: createLocalSmsOutbox({ dir: dirs.smsOutbox }),
        from: { address: 'faktura@faktura.example', name: 'Faktura' },
        publicBaseUrl: 'https://faktura.example',
        loadInvoiceDocument: (organizationId, id) => loadInvoiceDocument(api.core, organizationId, id),
      }),
    })
    clientId = await api.client('Abo Kunde GmbH')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => {
    mail.close()
    await smtp.close()
    await api.close()
    rmSync(tempDir, { recursive: true, force: true })
  })

  describe('the resource', () => {
    test('a recurring is created with its items inline and shows its schedule and totals', async () => {
      const created = await create({
        name: 'Wartungsvertrag',
        start_date: '2027-02-15',
        cycle: 'WEEKLY',
        cycle_number: 2,
      })

      expect(created).toMatchObject({
        name: 'Wartungsvertrag',
        cycle: 'WEEKLY',
        cycle_number: '2',
        action: 'CREATE',
        start_date: '2027-02-15',
        next_creation_date: '2027-02-15',
        counter: '0',
        total_net: '100',
        total_gross: '119',
        currency_code: 'EUR',
      })
    })

    test('a bad cycle is refused naming the field', async () => {
      const response = await api.json('POST', '/recurrings', {
        recurring: { client_id: clientId, cycle: 'QUARTERLY' },
      })

      expect(response.statusCode).toBe(400)
      expect(response.body).toContain('cycle')
    })

    test('a recurring without client_id is refused naming the field', async () => {
      const response = await api.json('POST', '/recurrings', { recurring: { name: 'x' } })

      expect(response.statusCode).toBe(400)
      expect(response.body).toContain('client_id')
    })

    test('XML creates and reads a recurring with typed elements', async () => {
      const response = await api.xml(
        'POST',
        '/recurrings',
        `<recurring><client_id>${clientId}</client_id><name>XML Abo</name><cycle>YEARLY</cycle><start_date>2027-03-01</start_date><recurring-items><recurring-item><title>Lizenz</title><quantity>2</quantity><unit_price>50</unit_price><tax_rate>19</tax_rate></recurring-item></recurring-items></recurring>`,
      )

      expect(response.statusCode, response.body).toBe(201)
      expect(response.body).toContain('<recurring>')
      expect(response.body).toContain('<next_creation_date type="date">2027-03-01</next_creation_date>')
      expect(response.body).toContain('<total_gross type="float">119</total_gross>')
    })

    test('items, email receivers and tags are listed by recurring_id, edited and deleted', async () => {
      const recurring = await create({ name: 'Kinder' })

      const item = ok<{ 'recurring-item': Wire }>(
        await api.json('POST', '/recurring-items', {
          'recurring-item': {
            recurring_id: recurring.id,
            title: 'Extra',
            quantity: 2,
            unit_price: 10,
            tax_rate: 7,
          },
        }),
        201,
      )['recurring-item']
      const edited = ok<{ 'recurring-item': Wire }>(
        await api.json('PUT', `/recurring-items/${item.id}`, { 'recurring-item': { quantity: 3 } }),
      )['recurring-item']
      const receiver = ok<{ 'recurring-email-receiver': Wire }>(
        await api.json('POST', '/recurring-email-receivers', {
          'recurring-email-receiver': {
            recurring_id: recurring.id,
            type: 'cc',
            address: 'chef@kunde.example',
          },
        }),
        201,
      )['recurring-email-receiver']
      const tag = ok<{ 'recurring-tag': Wire }>(
        await api.json('POST', '/recurring-tags', {
          'recurring-tag': { recurring_id: recurring.id, name: 'Abo' },
        }),
        201,
      )['recurring-tag']
      const items = ok<{ 'recurring-items': { 'recurring-item': Wire[] } }>(
        await api.json('GET', `/recurring-items?recurring_id=${recurring.id}`),
      )['recurring-items']['recurring-item']
      const withItems = ok<{ recurring: Wire }>(
        await api.json('GET', `/recurrings/${recurring.id}`),
      ).recurring
      const byTag = ok<{ recurrings: { recurring: Wire } }>(
        await api.json('GET', '/recurrings?tags=Abo'),
      ).recurrings

      expect(edited).toMatchObject({
        quantity: '3',
        title: 'Extra',
        total_net: '30',
        recurring_id: recurring.id,
      })
      expect(items).toHaveLength(2)
      expect(withItems.total_net).toBe('130')
      expect(receiver).toMatchObject({
        type: 'cc',
        address: 'chef@kunde.example',
        recurring_id: recurring.id,
      })
      expect(tag.name).toBe('Abo')
      expect(byTag.recurring.id).toBe(recurring.id)
      expect((await api.json('GET', '/recurring-items')).statusCode).toBe(400)
      expect((await api.json('DELETE', `/recurring-items/${item.id}`)).statusCode).toBe(200)
      expect((await api.json('DELETE', `/recurring-email-receivers/${receiver.id}`)).statusCode).toBe(200)
      expect((await api.json('GET', `/recurring-email-receivers/${receiver.id}`)).statusCode).toBe(404)
      expect(
        ok<{ recurring: Wire }>(await api.json('GET', `/recurrings/${recurring.id}`)).recurring.total_net,
      ).toBe('100')
    })

    test('a receiver without an email address is refused naming the field', async () => {
      const recurring = await create({ name: 'Empfänger' })

      const response = await api.json('POST', '/recurring-email-receivers', {
        'recurring-email-receiver': { recurring_id: recurring.id, type: 'to', address: 'kein-email' },
      })

      expect(response.statusCode).toBe(400)
      expect(response.body).toContain('address')
    })

    test('stop clears next_creation_date and edit and delete work', async () => {
      const recurring = await create({ name: 'Stopp' })

      const stopped = ok<{ recurring: Wire }>(
        await api.json('PUT', `/recurrings/${recurring.id}/stop`),
      ).recurring
      const edited = ok<{ recurring: Wire }>(
        await api.json('PUT', `/recurrings/${recurring.id}`, { recurring: { label: 'Neu' } }),
      ).recurring

      expect(stopped.next_creation_date).toBe('')
      expect(edited).toMatchObject({ label: 'Neu', next_creation_date: '' })
      expect((await api.json('DELETE', `/recurrings/${recurring.id}`)).statusCode).toBe(200)
      expect((await api.json('GET', `/recurrings/${recurring.id}`)).statusCode).toBe(404)
    })
  })

  describe('the recurring job under the sandbox clock', () => {
    test('a monthly EMAIL recurring begun on 31 January makes twelve emailed invoices on month ends', async () => {
      const emailed = await create({
        name: 'Monatsabo',
        start_date: '2027-01-31',
        cycle: 'MONTHLY',
        action: 'EMAIL',
        email_subject: 'Ihre Rechnung [Invoice.invoice_number]',
      })
      await api.json('POST', '/recurring-email-receivers', {
        'recurring-email-receiver': { recurring_id: emailed.id, type: 'to', address: 'abo@kunde.example' },
      })
      const drafts = await create({ name: 'Drei Entwürfe', start_date: '2027-02-01', iterations: 3 })
      const ending = await create({
        name: 'Bis April',
        start_date: '2027-01-31',
        end_date: '2027-04-29',
        action: 'COMPLETE',
      })
      const mailsBefore = smtp.received.length

      await advance(335)
      await deliverAll()

      const invoices = await invoicesOf(emailed.id)
      expect(invoices.map((invoice) => invoice.date)).toEqual([
        '2027-01-31',
        '2027-02-28',
        '2027-03-31',
        '2027-04-30',
        '2027-05-31',
        '2027-06-30',
        '2027-07-31',
        '2027-08-31',
        '2027-09-30',
        '2027-10-31',
        '2027-11-30',
        '2027-12-31',
      ])
      expect(invoices.every((invoice) => ['OPEN', 'OVERDUE'].includes(invoice.status ?? ''))).toBe(true)
      const mails = smtp.received.slice(mailsBefore)
      expect(mails).toHaveLength(12)
      expect(mails.every((received) => received.rcptTo.includes('abo@kunde.example'))).toBe(true)
      const subjects = await Promise.all(
        mails.map(async (received) => (await simpleParser(received.raw)).subject),
      )
      expect(subjects.sort()).toEqual(
        invoices.map((invoice) => `Ihre Rechnung ${invoice.invoice_number}`).sort(),
      )
      const after = ok<{ recurring: Wire }>(await api.json('GET', `/recurrings/${emailed.id}`)).recurring
      expect(after).toMatchObject({
        counter: '12',
        last_creation_date: '2027-12-31',
        next_creation_date: '2028-01-31',
        ultimo: '1',
      })
      const draftInvoices = await invoicesOf(drafts.id)
      expect(draftInvoices.map((invoice) => [invoice.date, invoice.status])).toEqual([
        ['2027-02-01', 'DRAFT'],
        ['2027-03-01', 'DRAFT'],
        ['2027-04-01', 'DRAFT'],
      ])
      expect(
        ok<{ recurring: Wire }>(await api.json('GET', `/recurrings/${drafts.id}`)).recurring
          .next_creation_date,
      ).toBe('')
      expect((await invoicesOf(ending.id)).map((invoice) => invoice.date)).toEqual([
        '2027-01-31',
        '2027-02-28',
        '2027-03-31',
      ])
    }, 120_000)
  })
})
