// Proves an automatic reminder reaches a real SMTP server through the outbox relay as a reminder:
// the reminder subject and amount due, and a reminder PDF whose principal, fee and interest add up;
// the ledger balances after each.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { updateDunningSettings } from '../../src/core/dunning/update-dunning-settings.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { deliveryDirs } from '../../src/delivery/delivery-dirs.ts'
import { createInvoiceDeliveryHandlers } from '../../src/delivery/invoice/invoice-delivery-handlers.ts'
import { loadInvoiceDocument } from '../../src/delivery/invoice/load-invoice-document.ts'
import { createLocalPrintSpool, listLetters } from '../../src/delivery/letters/local-print-spool.ts'
import {
  createSmtpMailTransport,
  type SmtpMailTransport,
} from '../../src/delivery/mail/smtp-mail-transport.ts'
import { createOutboxRelay } from '../../src/delivery/relay/outbox-relay.ts'
import { createLocalSmsOutbox } from '../../src/delivery/sms/local-sms-outbox.ts'
import { advanceSandboxClock } from '../../src/jobs/advance-sandbox-clock.ts'
import { createScheduler } from '../../src/jobs/scheduler.ts'
import { type SmtpServerFixture, startSmtpServer } from '../delivery/smtp-server-fixture.ts'
import { coreOf, createWorld, expectBalancedLedger, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

function pdfText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, timeout: 10_000 })
  expect(result.status).toBe(0)
  return result.stdout.toString('utf8')
}

describeEachEngine('reminder delivery', ({ storage }) => {
  let smtp: SmtpServerFixture
  let mail: SmtpMailTransport
  let tempDir: string
  let world: World | undefined

  beforeAll(async () => {
    smtp = await startSmtpServer()
    mail = createSmtpMailTransport({ url: `smtp://127.0.0.1:${smtp.port}` })
    tempDir = mkdtempSync(join(tmpdir(), 'faktura-reminders-'))
  })
  afterEach(async () => {
    if (world) await expectBalancedLedger(storage(), world.tenant.organizationId)
    world = undefined
  })
  afterAll(async () => {
    mail.close()
    await smtp.close()
    rmSync(tempDir, { recursive: true, force: true })
  })

  function relayFor() {
    const dirs = deliveryDirs(tempDir)
    const handlers = createInvoiceDeliveryHandlers({
      mail,
      letters: createLocalPrintSpool({ dir: dirs.printSpool }),
      sms: createLocalSmsOutbox({ dir: dirs.smsOutbox }),
      from: { address: 'faktura@faktura.example', name: 'Faktura' },
      publicBaseUrl: 'https://faktura.example',
      loadInvoiceDocument: (organizationId, invoiceId) =>
        loadInvoiceDocument(coreOf(storage()), organizationId, invoiceId),
    })
    return { relay: createOutboxRelay({ storage: storage(), handlers }), printSpool: dirs.printSpool }
  }

  async function remindedInvoice(world: World) {
    await updateDunningSettings(world.core, world.tenant, { automaticReminders: true })
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      invoiceDate: '2026-11-02',
      dueDate: '2026-11-12',
      lines: [{ productId: world.productId, quantity: '1' }],
    })
    const invoice = await approveInvoice(world.core, world.tenant, draft.invoiceId)
    await advanceSandboxClock(world.core, createScheduler({ context: world.core }), world.tenant, {
      days: 17,
      sandbox: true,
    })
    return invoice
  }

  test('the first reminder is mailed with its subject, the amount due and a reminder PDF that adds up', async () => {
    world = await createWorld(storage())
    const invoice = await remindedInvoice(world)
    const { relay } = relayFor()
    const before = smtp.received.length

    await relay.runOnce()

    const received = smtp.received.slice(before)
    expect(received).toHaveLength(1)
    const parsed = await simpleParser(received[0]!.raw)
    expect(parsed.subject).toBe(`Påminnelse: faktura ${invoice.number} från Test SE AB`)
    // 1 250,00 + the 60,00 fee + 7 days at 10 % (2,40) is 1 312,40.
    expect(parsed.text).toContain('1 312,40')
    const pdf = parsed.attachments.find((attachment) => attachment.contentType === 'application/pdf')
    expect(pdf?.filename).toBe(`reminder-${invoice.number}.pdf`)
    const text = pdfText(pdf!.content)
    expect(text).toContain('Betalningspåminnelse')
    expect(text).toContain('2026-11-29')
    for (const amount of ['1 250,00', '60,00', '2,40', '1 312,40']) expect(text).toContain(amount)
  })

  test('a reminder for a recipient without email is printed as a letter', async () => {
    world = await createWorld(storage())
    await storage()
      .db.updateTable('contacts')
      .set({ email: null })
      .where('organization_id', '=', world.tenant.organizationId)
      .execute()
    const invoice = await remindedInvoice(world)
    const { relay, printSpool } = relayFor()

    await relay.runOnce()

    const letters = (await listLetters(printSpool)).filter((letter) => letter.recipient.name === 'Kund AB')
    expect(letters).toHaveLength(1)
    expect(invoice.recipient.email ?? null).toBeNull()
  })
})
