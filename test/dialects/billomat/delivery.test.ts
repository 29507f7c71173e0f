// Proves that POST /invoices/{id}/email reaches a real SMTP server with its PDF, and that
// POST /invoices/{id}/mail leaves a print-ready PDF in the spool, on both engines, through the
// outbox relay and the same invoice delivery handlers the server runs.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { deliveryDirs } from '../../../src/delivery/delivery-dirs.ts'
import { createInvoiceDeliveryHandlers } from '../../../src/delivery/invoice/invoice-delivery-handlers.ts'
import { loadInvoiceDocument } from '../../../src/delivery/invoice/load-invoice-document.ts'
import { createLocalPrintSpool, listLetters } from '../../../src/delivery/letters/local-print-spool.ts'
import {
  createSmtpMailTransport,
  type SmtpMailTransport,
} from '../../../src/delivery/mail/smtp-mail-transport.ts'
import { createOutboxRelay, type OutboxRelay } from '../../../src/delivery/relay/outbox-relay.ts'
import { createLocalSmsOutbox } from '../../../src/delivery/sms/local-sms-outbox.ts'
import { type SmtpServerFixture, startSmtpServer } from '../../delivery/smtp-server-fixture.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

describeEachEngine('billomat delivery', ({ storage }) => {
  let api: Billomat
  let smtp: SmtpServerFixture
  let mail: SmtpMailTransport
  let relay: OutboxRelay
  let tempDir: string
  let spoolDir: string
  let invoiceId: string
  let invoiceNumber: string

  beforeAll(async () => {
    api = await openBillomat(storage())
    smtp = await startSmtpServer()
    mail = createSmtpMailTransport({ url: `smtp://127.0.0.1:${smtp.port}` })
    tempDir = mkdtempSync(join(tmpdir(), 'faktura-billomat-delivery-'))
    const dirs = deliveryDirs(tempDir)
    spoolDir = dirs.printSpool
    const handlers = createInvoiceDeliveryHandlers({
      mail,
      letters: createLocalPrintSpool({ dir: dirs.printSpool }),
      sms: createLocalSmsOutbox({ dir: dirs.smsOutbox }),
      from: { address: 'faktura@faktura.example', name: 'Faktura' },
      publicBaseUrl: 'https://faktura.example',
      loadInvoiceDocument: (organizationId, id) => loadInvoiceDocument(api.core, organizationId, id),
    })
    relay = createOutboxRelay({ storage: storage(), handlers })
    const clientId = await api.client('Post AG')
    const created = ok<{ invoice: Record<string, string> }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          'invoice-items': {
            'invoice-item': { title: 'Lieferung', quantity: 3, unit_price: 40, tax_rate: 19 },
          },
        },
      }),
      201,
    ).invoice
    const completed = ok<{ invoice: Record<string, string> }>(
      await api.json('PUT', `/invoices/${created.id}/complete`),
    ).invoice
    invoiceId = completed.id!
    invoiceNumber = completed.invoice_number!
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => {
    mail.close()
    await smtp.close()
    await api.close()
    rmSync(tempDir, { recursive: true, force: true })
  })

  test('an emailed invoice arrives at the SMTP server with its subject, recipients and PDF', async () => {
    await api.json('POST', `/invoices/${invoiceId}/email`, {
      email: {
        recipients: { to: 'kunde@example.com', cc: ['buchhaltung@example.com'] },
        subject: 'Rechnung [Invoice.invoice_number]',
        body: 'Bitte überweisen Sie [Invoice.total_gross].',
        filename: 'rechnung',
      },
    })

    const run = await relay.runOnce()
    const received = smtp.received.at(-1)!
    const parsed = await simpleParser(received.raw)

    expect(run.delivered).toBeGreaterThanOrEqual(1)
    expect([...received.rcptTo].sort()).toEqual(['buchhaltung@example.com', 'kunde@example.com'])
    expect(parsed.subject).toBe(`Rechnung ${invoiceNumber}`)
    expect(parsed.text).toContain('Bitte überweisen Sie 142,80 EUR.')
    const pdf = parsed.attachments.find((attachment) => attachment.contentType === 'application/pdf')
    expect(pdf?.filename).toBe('rechnung.pdf')
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-')
  })

  test('a mailed invoice leaves a print-ready PDF in the spool with the chosen print options', async () => {
    await api.json('POST', `/invoices/${invoiceId}/mail`, { mail: { color: 1, duplex: 1, paper_weight: 90 } })

    await relay.runOnce()
    const letters = await listLetters(spoolDir)
    const letter = letters.at(-1)!

    expect(letter).toMatchObject({
      colour: true,
      duplex: true,
      paperWeightGsm: 90,
      recipient: { name: 'Post AG' },
    })
    const pdf = readFileSync(join(spoolDir, letter.deliveryId, '2-document.pdf'))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  })
})
