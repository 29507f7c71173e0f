// Proves a sent invoice is rendered at delivery time and reaches real transports through the outbox relay: SMTP, the print spool and the SMS outbox.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { creditInvoice } from '../../src/core/invoices/credit-invoice.ts'
import { type SendInvoiceInput, sendInvoice } from '../../src/core/invoices/send-invoice.ts'
import { type DeliveryDirs, deliveryDirs } from '../../src/delivery/delivery-dirs.ts'
import { createInvoiceDeliveryHandlers } from '../../src/delivery/invoice/invoice-delivery-handlers.ts'
import { loadInvoiceDocument } from '../../src/delivery/invoice/load-invoice-document.ts'
import { createLocalPrintSpool, listLetters } from '../../src/delivery/letters/local-print-spool.ts'
import {
  createSmtpMailTransport,
  type SmtpMailTransport,
} from '../../src/delivery/mail/smtp-mail-transport.ts'
import { listDeliveries } from '../../src/delivery/relay/delivery-log.ts'
import { createOutboxRelay, type OutboxRelay } from '../../src/delivery/relay/outbox-relay.ts'
import { createLocalSmsOutbox, listLocalSms } from '../../src/delivery/sms/local-sms-outbox.ts'
import type { Invoice } from '../../src/domain/invoicing/invoice.ts'
import { newId } from '../../src/storage/ids.ts'
import { coreOf, createWorld, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'
import { enqueueRows } from './fixtures/relay-fixtures.ts'
import { type SmtpServerFixture, startSmtpServer } from './smtp-server-fixture.ts'

const PUBLIC_URL = 'https://faktura.example'

/** The text of a PDF as poppler extracts it, the way a reader's search would find it. */
function pdfText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, timeout: 10_000 })
  expect(result.status).toBe(0)
  return result.stdout.toString('utf8')
}

async function approvedInvoice(world: World): Promise<Invoice> {
  const draft = await createInvoice(world.core, world.tenant, {
    contactId: world.contactId,
    lines: [{ productId: world.productId, quantity: '1' }],
  })
  return approveInvoice(world.core, world.tenant, draft.invoiceId)
}

async function send(world: World, input: SendInvoiceInput): Promise<Record<string, string>> {
  return (await sendInvoice(world.core, world.tenant, input)).outboxIds
}

describeEachEngine('invoice delivery', ({ storage }) => {
  let smtp: SmtpServerFixture
  let mail: SmtpMailTransport
  let tempDir: string
  let dirs: DeliveryDirs
  let relay: OutboxRelay
  let loads = 0

  beforeAll(async () => {
    smtp = await startSmtpServer()
    mail = createSmtpMailTransport({ url: `smtp://127.0.0.1:${smtp.port}` })
    tempDir = mkdtempSync(join(tmpdir(), 'faktura-invoice-delivery-'))
    dirs = deliveryDirs(tempDir)
    const handlers = createInvoiceDeliveryHandlers({
      mail,
      letters: createLocalPrintSpool({ dir: dirs.printSpool }),
      sms: createLocalSmsOutbox({ dir: dirs.smsOutbox }),
      from: { address: 'faktura@faktura.example', name: 'Faktura' },
      publicBaseUrl: PUBLIC_URL,
      loadInvoiceDocument: (organizationId, invoiceId) => {
        loads++
        return loadInvoiceDocument(coreOf(storage()), organizationId, invoiceId)
      },
    })
    relay = createOutboxRelay({ storage: storage(), handlers })
  })

  afterAll(async () => {
    mail.close()
    await smtp.close()
    rmSync(tempDir, { recursive: true, force: true })
  })

  async function emailed(world: World, invoice: Invoice, email: SendInvoiceInput['email']) {
    await send(world, { invoiceId: invoice.invoiceId, ...(email ? { email } : {}) })
    const run = await relay.runOnce()
    const received = smtp.received.at(-1)
    if (!received) throw new Error('the SMTP server received nothing')
    return { run, received, parsed: await simpleParser(received.raw) }
  }

  test('an emailed invoice carries the Swedish template with its amount, due date and page link', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    const { run, parsed } = await emailed(world, invoice, { to: ['kund@example.se'] })

    expect(run).toEqual({ claimed: 1, delivered: 1, failed: 0, dead: 0 })
    expect(parsed.subject).toBe(`Faktura ${invoice.number} från Test SE AB`)
    expect(parsed.text).toContain(
      `faktura ${invoice.number} på 1 250,00 SEK med förfallodag ${invoice.dueDate}`,
    )
    expect(parsed.text).toContain(`${PUBLIC_URL}/i/${invoice.pageToken}`)
    expect(parsed.html).toContain(`href="${PUBLIC_URL}/i/${invoice.pageToken}"`)
    expect(parsed.from?.value).toEqual([{ address: 'faktura@faktura.example', name: 'Test SE AB' }])
  })

  test('an emailed invoice attaches its PDF, which shows the number and the total', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    const { parsed } = await emailed(world, invoice, { to: ['kund@example.se'] })

    const pdf = parsed.attachments.find((attachment) => attachment.contentType === 'application/pdf')
    expect(pdf?.filename).toBe(`invoice-${invoice.number}.pdf`)
    const text = pdfText(pdf!.content)
    expect(text).toMatch(new RegExp(`Fakturanummer\\s+${invoice.number}\\b`))
    expect(text).toContain('1 250,00')
  })

  test('bcc recipients are in the SMTP envelope but not in the headers', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    const { received, parsed } = await emailed(world, invoice, {
      to: ['kund@example.se'],
      cc: ['ekonomi@example.se'],
      bcc: ['arkiv@acme.example'],
    })

    expect([...received.rcptTo].sort()).toEqual([
      'arkiv@acme.example',
      'ekonomi@example.se',
      'kund@example.se',
    ])
    expect(parsed.to?.text).toBe('kund@example.se')
    expect(parsed.cc?.text).toBe('ekonomi@example.se')
    expect(received.raw.toString('utf8')).not.toContain('arkiv@acme.example')
  })

  test("the sender's own subject, text and attachments replace the template, placeholders filled", async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    const { parsed } = await emailed(world, invoice, {
      to: ['kund@example.se'],
      subject: 'Er faktura {{documentNumber}}',
      text: 'Att betala: {{amount}}. {{recipientPageUrl}}',
      attachPdf: false,
      attachments: [{ filename: 'villkor.txt', contentType: 'text/plain', contentBase64: 'VmlsbGtvcg==' }],
    })

    expect(parsed.subject).toBe(`Er faktura ${invoice.number}`)
    expect(parsed.text?.trim()).toBe(`Att betala: 1 250,00 SEK. ${PUBLIC_URL}/i/${invoice.pageToken}`)
    expect(parsed.html).toBe(false)
    expect(parsed.attachments.map((file) => [file.filename, file.content.toString()])).toEqual([
      ['villkor.txt', 'Villkor'],
    ])
  })

  test('a credit note is emailed with the credit-note template and its own PDF', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    const { creditNote } = await creditInvoice(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      selection: { mode: 'full' },
    })

    const { parsed } = await emailed(world, creditNote, { to: ['kund@example.se'] })

    expect(parsed.subject).toBe(`Kreditfaktura ${creditNote.number} från Test SE AB`)
    expect(parsed.text).toContain(`kreditfaktura ${creditNote.number} på 1 250,00 SEK.`)
    expect(parsed.attachments[0]?.filename).toBe(`credit-note-${creditNote.number}.pdf`)
  })

  test('a letter is spooled with the invoice PDF, addressed to the recipient on the invoice', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    const ids = await send(world, {
      invoiceId: invoice.invoiceId,
      letter: { colour: true, paperWeightGsm: 90 },
    })

    const run = await relay.runOnce()

    expect(run.delivered).toBe(1)
    const job = (await listLetters(dirs.printSpool)).find((each) => each.deliveryId === ids.letter)
    expect(job?.recipient).toEqual({
      name: 'Kund AB',
      extraLines: [],
      streetLines: ['Gatan 1'],
      postalCode: '12345',
      city: 'Stad',
      countryCode: 'SE',
    })
    expect([job?.colour, job?.duplex, job?.paperWeightGsm]).toEqual([true, false, 90])
    expect(job?.files.map((file) => file.role)).toEqual(['document'])
    const pdf = readFileSync(join(dirs.printSpool, ids.letter!, '2-document.pdf'))
    expect(pdfText(pdf)).toContain('1 250,00')
  })

  test('an SMS lands in the SMS outbox with the amount, the due date and the page link', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    const ids = await send(world, { invoiceId: invoice.invoiceId, sms: { to: '+46 70-123 45 67' } })

    await relay.runOnce()

    const sms = (await listLocalSms(dirs.smsOutbox)).find((each) => each.deliveryId === ids.sms)
    expect(sms?.to).toBe('+46701234567')
    expect(sms?.text).toBe(
      `Faktura ${invoice.number} från Test SE AB på 1 250,00 SEK, förfallodag ${invoice.dueDate}. ` +
        `Se och betala: ${PUBLIC_URL}/i/${invoice.pageToken}`,
    )
    expect([sms?.encoding, sms?.segmentCount]).toEqual(['gsm-7', 1])
  })

  test('a row naming an invoice that does not exist is dead-lettered at once', async () => {
    const world = await createWorld(storage())
    const invoiceId = newId()
    const payload = { invoiceId, caseId: null, to: ['kund@example.se'], cc: [], bcc: [], attachPdf: true }
    await enqueueRows(storage(), [
      { organizationId: world.tenant.organizationId, kind: 'invoice.email', payload },
    ])

    const run = await relay.runOnce()

    expect(run).toEqual({ claimed: 1, delivered: 0, failed: 0, dead: 1 })
    const [entry] = await listDeliveries(storage(), world.tenant.organizationId, { invoiceId })
    expect([entry?.status, entry?.detail.field]).toEqual(['dead', 'invoiceId'])
  })

  test('a malformed payload is dead-lettered before anything is loaded', async () => {
    const world = await createWorld(storage())
    const payload = { invoiceId: newId(), to: ['kund@example.se'], attachments: [{ filename: 'x.bin' }] }
    await enqueueRows(storage(), [
      { organizationId: world.tenant.organizationId, kind: 'invoice.email', payload },
    ])
    const loadsBefore = loads

    const run = await relay.runOnce()

    expect(run.dead).toBe(1)
    expect(loads).toBe(loadsBefore)
    const [entry] = await listDeliveries(storage(), world.tenant.organizationId)
    expect(entry?.detail.field).toBe('attachments[0].contentType')
  })
})
