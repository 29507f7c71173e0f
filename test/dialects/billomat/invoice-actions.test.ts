// Proves the invoice actions of seed 002 over HTTP on both engines: complete (numbering from
// number_pre, number and number_length, placeholders frozen, OVERDUE when already late), pdf in
// XML, JSON and raw, upload-signature, email and mail through the outbox, cancel and uncancel,
// and OVERDUE once the due date passes; after each test the ledger balances.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { markOverdueInvoices } from '../../../src/core/invoices/mark-overdue.ts'
import { coreOf, fixedClock } from '../../support/core-fixtures.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type InvoiceBody = { invoice: Record<string, string> }

describeEachEngine('billomat invoice actions', ({ storage }) => {
  let api: Billomat
  let clientId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Aktion AG')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  const draft = async (fields: Record<string, unknown> = {}) =>
    ok<InvoiceBody>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          'invoice-items': { 'invoice-item': { title: 'Arbeit', quantity: 2, unit_price: 50, tax_rate: 19 } },
          ...fields,
        },
      }),
      201,
    ).invoice
  const complete = async (id: string, body: unknown = {}) =>
    ok<InvoiceBody>(await api.json('PUT', `/invoices/${id}/complete`, body)).invoice
  const outboxRows = async (kind: string) =>
    (
      await storage()
        .db.selectFrom('outbox')
        .select(['kind', 'payload'])
        .where('organization_id', '=', api.tenant.organizationId)
        .where('kind', '=', kind)
        .execute()
    ).map((row) => JSON.parse(row.payload) as Record<string, unknown>)

  describe('complete', () => {
    test('completing numbers the invoice from the series and opens it', async () => {
      const invoice = await draft()

      const completed = await complete(invoice.id!)

      expect(completed.status).toBe('OPEN')
      expect(completed.invoice_number).toMatch(/^\d+$/)
      expect(completed.number).toBe(completed.invoice_number)
    })

    test('number_pre, number and number_length make the number; the series continues after it', async () => {
      const chosen = await draft({ number_pre: 'RE-', number: 500, number_length: 5 })
      const next = await draft({ number_pre: 'RE-', number_length: 5 })

      expect(chosen.invoice_number).toBe('RE-00500')
      const first = await complete(chosen.id!)
      const second = await complete(next.id!)

      expect(first).toMatchObject({
        invoice_number: 'RE-00500',
        number: '500',
        number_pre: 'RE-',
        number_length: '5',
      })
      expect(second.invoice_number).toBe('RE-00501')
    })

    test('a number already used is refused and nothing is completed', async () => {
      const taken = await draft({ number_pre: 'DUP', number: 42 })
      const again = await draft({ number_pre: 'DUP', number: 42 })
      await complete(taken.id!)

      const response = await api.json('PUT', `/invoices/${again.id}/complete`, {})

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('number 42 is already used')
      expect(ok<InvoiceBody>(await api.json('GET', `/invoices/${again.id}`)).invoice.status).toBe('DRAFT')
    })

    test('placeholders in title, intro and note are frozen at completion', async () => {
      const invoice = await draft({
        number_pre: 'PH',
        number: 7,
        date: '2026-11-02',
        due_date: '2026-11-16',
        title: 'Rechnung [Invoice.invoice_number]',
        intro: 'Bitte zahlen Sie bis zum [Invoice.due_date] an [Company.name].',
        note: 'Kunde: [Client.name] [Unknown.thing]',
      })

      const completed = await complete(invoice.id!, { complete: { template_id: null } })

      expect(invoice.title).toBe('Rechnung [Invoice.invoice_number]')
      expect(completed.title).toBe('Rechnung PH7')
      expect(completed.intro).toBe('Bitte zahlen Sie bis zum 16.11.2026 an Muster GmbH.')
      expect(completed.note).toBe('Kunde: Aktion AG [Unknown.thing]')
    })

    test('an unknown template_id is refused, naming it', async () => {
      const invoice = await draft()

      const response = await api.xml(
        'PUT',
        `/invoices/${invoice.id}/complete`,
        '<complete><template_id>77</template_id></complete>',
      )

      expect(response.statusCode).toBe(400)
      expect(response.body).toContain('template_id')
    })

    test('an invoice already past its due date completes as OVERDUE', async () => {
      const invoice = await draft({ date: '2026-09-01', due_date: '2026-09-15' })

      expect((await complete(invoice.id!)).status).toBe('OVERDUE')
    })

    test('an open invoice becomes OVERDUE when its due date passes', async () => {
      const invoice = await draft({ date: '2026-11-02', due_days: 10 })
      await complete(invoice.id!)

      await markOverdueInvoices(coreOf(storage(), fixedClock('2026-11-13T08:00:00Z')), api.tenant)

      expect(ok<InvoiceBody>(await api.json('GET', `/invoices/${invoice.id}`)).invoice.status).toBe('OVERDUE')
      expect(
        ok<{ invoices: { '@total': string } }>(
          await api.json('GET', `/invoices?status=OVERDUE&client_id=${clientId}`),
        ).invoices['@total'],
      ).not.toBe('0')
    })
  })

  describe('pdf and signature', () => {
    let id: string
    beforeAll(async () => {
      id = (await draft()).id!
      await complete(id)
    })

    test('the pdf comes base64 in XML and JSON, and raw with format=pdf', async () => {
      const xml = await api.xml('GET', `/invoices/${id}/pdf`)
      const json = ok<{ pdf: Record<string, string> }>(await api.json('GET', `/invoices/${id}/pdf`))
      const raw = await api.xml('GET', `/invoices/${id}/pdf?format=pdf`)

      expect(xml.body).toMatch(
        /<pdf><id type="integer">\d+<\/id><created type="datetime">.*<base64file>JVBER/,
      )
      expect(json.pdf).toMatchObject({
        invoice_id: id,
        mimetype: 'application/pdf',
        filename: expect.stringMatching(/\.pdf$/),
      })
      expect(Buffer.from(json.pdf.base64file!, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
      expect(Number(json.pdf.filesize)).toBe(Buffer.from(json.pdf.base64file!, 'base64').length)
      expect(raw.headers['content-type']).toBe('application/pdf')
      expect(raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    })

    test('type=print answers the PDF as well; a draft has no PDF', async () => {
      const print = await api.xml('GET', `/invoices/${id}/pdf?type=print&format=pdf`)
      const unfinished = await draft()

      const refused = await api.json('GET', `/invoices/${unfinished.id}/pdf`)

      expect(print.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
      expect(refused.statusCode).toBe(400)
    })

    test('an uploaded signature comes back unchanged with type=signed; a draft cannot be signed', async () => {
      const signed = Buffer.from('%PDF-1.4\n% signed by a qualified signature\n').toString('base64')
      const unfinished = await draft()

      const refused = await api.json('PUT', `/invoices/${unfinished.id}/upload-signature`, {
        signature: { base64file: signed },
      })
      const accepted = await api.json('PUT', `/invoices/${id}/upload-signature`, {
        upload: { base64file: signed },
      })
      const back = ok<{ pdf: { base64file: string } }>(
        await api.json('GET', `/invoices/${id}/pdf?type=signed`),
      )

      expect(refused.statusCode).toBe(400)
      expect(accepted.statusCode).toBe(200)
      expect(back.pdf.base64file).toBe(signed)
    })

    test('a signature that is not a PDF is refused, naming base64file', async () => {
      const response = await api.json('PUT', `/invoices/${id}/upload-signature`, {
        signature: { base64file: 'aGVsbG8=' },
      })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('base64file')
    })
  })

  describe('email and mail', () => {
    test('email queues one message with recipients, filled placeholders, file name and attachments', async () => {
      const invoice = await draft({ number_pre: 'EM', number: 9001 })
      await complete(invoice.id!)

      const response = await api.xml(
        'POST',
        `/invoices/${invoice.id}/email`,
        `<email><from>info@muster.example</from><recipients><to>kunde@example.com</to><to>chef@example.com</to><cc>cc@example.com</cc><bcc>bcc@example.com</bcc></recipients>
        <subject>Ihre Rechnung [Invoice.invoice_number]</subject><body>Betrag: [Invoice.total_gross]</body><filename>rechnung-em9001</filename>
        <attachments><attachment><filename>agb.txt</filename><mimetype>text/plain</mimetype><base64file>${Buffer.from('AGB').toString('base64')}</base64file></attachment></attachments></email>`,
      )

      expect(response.statusCode).toBe(200)
      const [payload] = (await outboxRows('invoice.email')).slice(-1)
      expect(payload).toMatchObject({
        to: ['kunde@example.com', 'chef@example.com'],
        cc: ['cc@example.com'],
        bcc: ['bcc@example.com'],
        subject: 'Ihre Rechnung EM9001',
        text: 'Betrag: 119,00 EUR',
        pdfFilename: 'rechnung-em9001.pdf',
        attachments: [{ filename: 'agb.txt', contentType: 'text/plain', contentBase64: 'QUdC' }],
      })
    })

    test('email without any recipient is refused, naming recipients', async () => {
      const invoice = await draft()
      await complete(invoice.id!)

      const response = await api.json('POST', `/invoices/${invoice.id}/email`, { email: { subject: 'x' } })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('recipients')
    })

    test('email of a draft is refused', async () => {
      const invoice = await draft()

      const response = await api.json('POST', `/invoices/${invoice.id}/email`, {
        email: { recipients: { to: 'a@example.com' } },
      })

      expect(response.statusCode).toBe(400)
    })

    test('mail queues a letter with colour, duplex and paper weight', async () => {
      const invoice = await draft()
      await complete(invoice.id!)

      const response = await api.json('POST', `/invoices/${invoice.id}/mail`, {
        mail: { color: 1, duplex: 0, paper_weight: 80 },
      })
      const refused = await api.json('POST', `/invoices/${invoice.id}/mail`, { mail: { paper_weight: 120 } })

      expect(response.statusCode).toBe(200)
      expect((await outboxRows('invoice.letter')).slice(-1)[0]).toMatchObject({
        colour: true,
        duplex: false,
        paperWeightGsm: 80,
      })
      expect(refused.statusCode).toBe(400)
      expect(refused.json().errors.error).toContain('paper_weight')
    })
  })

  describe('cancel and uncancel', () => {
    test('cancel takes an open invoice to CANCELED and uncancel brings it back', async () => {
      const invoice = await draft()
      await complete(invoice.id!)

      const cancelled = ok<InvoiceBody>(await api.json('PUT', `/invoices/${invoice.id}/cancel`, null)).invoice
      const filtered = ok<{ invoices: { '@total': string } }>(
        await api.json('GET', `/invoices?status=CANCELED&client_id=${clientId}`),
      )
      const restored = ok<InvoiceBody>(await api.json('PUT', `/invoices/${invoice.id}/uncancel`)).invoice

      expect(cancelled.status).toBe('CANCELED')
      expect(cancelled.open_amount).toBe('0')
      expect(Number(filtered.invoices['@total'])).toBeGreaterThan(0)
      expect(restored.status).toBe('OPEN')
    })

    test('cancelling a draft or uncancelling an open invoice is refused', async () => {
      const invoice = await draft()

      const cancelDraft = await api.json('PUT', `/invoices/${invoice.id}/cancel`)
      await complete(invoice.id!)
      const uncancelOpen = await api.json('PUT', `/invoices/${invoice.id}/uncancel`)

      expect(cancelDraft.statusCode).toBe(400)
      expect(uncancelOpen.statusCode).toBe(400)
    })
  })

  describe('encash', () => {
    test('an OVERDUE invoice goes to the collection partner and waits there as OVERDUE', async () => {
      const invoice = await draft({ date: '2026-09-01', due_date: '2026-09-15' })
      await complete(invoice.id!)

      const encashed = ok<InvoiceBody>(await api.json('PUT', `/invoices/${invoice.id}/encash`, null)).invoice
      const again = await api.json('PUT', `/invoices/${invoice.id}/encash`)
      const events = await storage()
        .db.selectFrom('events')
        .select('type')
        .where('organization_id', '=', api.tenant.organizationId)
        .where('type', '=', 'invoice.collection_started')
        .execute()

      expect(encashed.status).toBe('OVERDUE')
      expect(again.statusCode).toBe(400)
      expect(events.length).toBeGreaterThan(0)
    })

    test('an invoice not yet due is refused', async () => {
      const invoice = await draft({ date: '2026-11-02', due_days: 30 })
      await complete(invoice.id!)

      const response = await api.json('PUT', `/invoices/${invoice.id}/encash`)

      expect(response.statusCode).toBe(400)
    })
  })
})
