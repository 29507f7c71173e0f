// Proves confirmations, delivery notes and letters over HTTP on both engines, and the ways one
// document becomes another: an offer's confirmation and invoice (GET /invoices/preset, POST
// /invoices with offer_id or confirmation_id, which clears the source), a confirmation's delivery
// note; and that an emailed offer reaches a real SMTP server with its PDF and a mailed letter
// leaves a print-ready PDF in the spool. Nothing of it posts; the ledger balances after each test.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { deliveryDirs } from '../../../src/delivery/delivery-dirs.ts'
import { createLocalPrintSpool, listLetters } from '../../../src/delivery/letters/local-print-spool.ts'
import {
  createSmtpMailTransport,
  type SmtpMailTransport,
} from '../../../src/delivery/mail/smtp-mail-transport.ts'
import { createDeliveryHandlers } from '../../../src/delivery/relay/delivery-handlers.ts'
import { createOutboxRelay, type OutboxRelay } from '../../../src/delivery/relay/outbox-relay.ts'
import { createLocalSmsOutbox } from '../../../src/delivery/sms/local-sms-outbox.ts'
import { type SmtpServerFixture, startSmtpServer } from '../../delivery/smtp-server-fixture.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, string>
type Many = Json | Json[] | undefined

const all = (value: Many): Json[] => ([] as Json[]).concat(value ?? [])

describeEachEngine('billomat confirmations, delivery notes and letters', ({ storage }) => {
  let api: Billomat
  let clientId: string
  let smtp: SmtpServerFixture
  let mail: SmtpMailTransport
  let relay: OutboxRelay
  let tempDir: string
  let spoolDir: string

  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Auftrag KG')
    smtp = await startSmtpServer()
    mail = createSmtpMailTransport({ url: `smtp://127.0.0.1:${smtp.port}` })
    tempDir = mkdtempSync(join(tmpdir(), 'faktura-billomat-sales-'))
    const dirs = deliveryDirs(tempDir)
    spoolDir = dirs.printSpool
    const handlers = createDeliveryHandlers({
      mail,
      letters: createLocalPrintSpool({ dir: dirs.printSpool }),
      sms: createLocalSmsOutbox({ dir: dirs.smsOutbox }),
    })
    relay = createOutboxRelay({ storage: storage(), handlers })
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => {
    mail.close()
    await smtp.close()
    await api.close()
    rmSync(tempDir, { recursive: true, force: true })
  })

  const completedOffer = async () => {
    const offer = ok<{ offer: Json }>(
      await api.json('POST', '/offers', {
        offer: {
          client_id: clientId,
          label: 'Umbau',
          'offer-items': {
            'offer-item': [
              { title: 'Fenster', quantity: 4, unit_price: '250', tax_rate: 19, unit: 'Stück' },
              { title: 'Montage', quantity: 6, unit_price: '55.5', tax_rate: 19 },
            ],
          },
        },
      }),
      201,
    ).offer
    return ok<{ offer: Json }>(await api.json('PUT', `/offers/${offer.id}/complete`)).offer
  }

  test('a confirmation made from an offer takes its items, is numbered AB and is cleared and cancelled', async () => {
    const offer = await completedOffer()
    const draft = ok<{ confirmation: Json }>(
      await api.json('POST', '/confirmations', { confirmation: { client_id: clientId, offer_id: offer.id } }),
      201,
    ).confirmation
    const items = all(
      ok<{ 'confirmation-items': { 'confirmation-item'?: Many } }>(
        await api.json('GET', `/confirmation-items?confirmation_id=${draft.id}`),
      )['confirmation-items']['confirmation-item'],
    )

    const completed = ok<{ confirmation: Json }>(
      await api.json('PUT', `/confirmations/${draft.id}/complete`),
    ).confirmation
    const status = async (action: string) =>
      ok<{ confirmation: Json }>(await api.json('PUT', `/confirmations/${draft.id}/${action}`)).confirmation
        .status

    expect(draft.offer_id).toBe(offer.id)
    expect(draft.total_gross).toBe(offer.total_gross)
    expect(items.map((item) => item.title)).toEqual(['Fenster', 'Montage'])
    expect(completed.confirmation_number).toBe(`AB${completed.number}`)
    expect(completed.status).toBe('OPEN')
    expect(await status('clear')).toBe('CLEARED')
    expect(await status('unclear')).toBe('OPEN')
    expect(await status('cancel')).toBe('CANCELED')
    expect(await status('uncancel')).toBe('OPEN')
    expect((await api.json('PUT', `/confirmations/${draft.id}/win`)).statusCode).toBe(404)
  })

  test('an offer turns into an invoice by its preset, and the invoice clears the offer', async () => {
    const offer = await completedOffer()
    const preset = ok<{ invoice: Record<string, unknown> }>(
      await api.json('GET', `/invoices/preset?offer_id=${offer.id}`),
    ).invoice
    const presetXml = await api.xml('GET', `/invoices/preset?offer_id=${offer.id}`)

    const invoice = ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', { invoice: preset }),
      201,
    ).invoice
    const after = ok<{ offer: Json }>(await api.json('GET', `/offers/${offer.id}`)).offer

    expect(preset.offer_id).toBe(offer.id)
    expect(presetXml.body).toContain('<invoice-items type="array"><invoice-item>')
    expect(invoice.status).toBe('DRAFT')
    expect(invoice.offer_id).toBe(offer.id)
    expect(invoice.total_gross).toBe(offer.total_gross)
    expect(after.status).toBe('CLEARED')
  })

  test('an invoice made from a confirmation without items takes the confirmation items', async () => {
    const offer = await completedOffer()
    const confirmation = ok<{ confirmation: Json }>(
      await api.json('POST', '/confirmations', { confirmation: { client_id: clientId, offer_id: offer.id } }),
      201,
    ).confirmation
    ok(await api.json('PUT', `/confirmations/${confirmation.id}/complete`))

    const invoice = ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', {
        invoice: { client_id: clientId, confirmation_id: confirmation.id },
      }),
      201,
    ).invoice
    const preset = await api.json('GET', '/invoices/preset')

    expect(invoice.total_gross).toBe(offer.total_gross)
    expect(
      ok<{ confirmation: Json }>(await api.json('GET', `/confirmations/${confirmation.id}`)).confirmation
        .status,
    ).toBe('CLEARED')
    expect(preset.statusCode).toBe(400)
  })

  test('a delivery note lists goods without totals, is CREATED when completed and numbered LS', async () => {
    const xml = await api.xml(
      'POST',
      '/delivery-notes',
      `<?xml version="1.0" encoding="UTF-8"?>
<delivery-note>
  <client_id>${clientId}</client_id>
  <label>project 123</label>
  <intro>Wir liefern Ihnen folgende Ware:</intro>
  <note>Vielen Dank!</note>
  <delivery-note-items><delivery-note-item><title>Kabel</title><quantity>3</quantity><unit>m</unit></delivery-note-item></delivery-note-items>
</delivery-note>`,
    )
    expect(xml.statusCode).toBe(201)
    const id = /<id type="integer">(\d+)<\/id>/.exec(xml.body)![1]!

    const completed = ok<{ 'delivery-note': Json }>(await api.json('PUT', `/delivery-notes/${id}/complete`))[
      'delivery-note'
    ]
    const listed = all(
      ok<{ 'delivery-notes': { 'delivery-note'?: Many } }>(
        await api.json('GET', '/delivery-notes?status=CREATED'),
      )['delivery-notes']['delivery-note'],
    )

    expect(xml.body).toContain('<status>DRAFT</status>')
    expect(xml.body).not.toContain('total_gross')
    expect(completed.status).toBe('CREATED')
    expect(completed.delivery_note_number).toBe(`LS${completed.number}`)
    expect(completed.intro).toBe('Wir liefern Ihnen folgende Ware:')
    expect(listed.map((note) => note.id)).toContain(id)
    expect((await api.json('PUT', `/delivery-notes/${id}/cancel`)).statusCode).toBe(404)
  })

  test('a letter is written to a client, completed without a number and mailed into the print spool', async () => {
    const letter = ok<{ letter: Json }>(
      await api.json('POST', '/letters', {
        letter: {
          client_id: clientId,
          subject: 'Ihr Auftrag',
          intro: 'Sehr geehrte Damen und Herren, …',
          label: 'Brief',
        },
      }),
      201,
    ).letter
    const completed = ok<{ letter: Json }>(await api.json('PUT', `/letters/${letter.id}/complete`)).letter
    const tagged = ok(
      await api.json('POST', '/letter-tags', { 'letter-tag': { letter_id: letter.id, name: 'Post' } }),
      201,
    )

    await api.json('POST', `/letters/${letter.id}/mail`, { mail: { color: 0, duplex: 0, paper_weight: 80 } })
    await relay.runOnce()
    const spooled = (await listLetters(spoolDir)).at(-1)!

    expect(letter.status).toBe('DRAFT')
    expect(letter.subject).toBe('Ihr Auftrag')
    expect(completed.status).toBe('CREATED')
    expect(tagged).toHaveProperty('letter-tag')
    expect(spooled).toMatchObject({ duplex: false, paperWeightGsm: 80, recipient: { name: 'Auftrag KG' } })
    const pdf = readFileSync(join(spoolDir, spooled.deliveryId, '2-document.pdf'))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await api.json('GET', '/letters?label=brief')).json().letters.letter.id).toBe(letter.id)
  })

  test('an emailed offer arrives at the SMTP server with its PDF and filled placeholders', async () => {
    const offer = await completedOffer()
    await api.json('POST', `/offers/${offer.id}/email`, {
      email: {
        recipients: { to: 'kunde@example.com' },
        subject: 'Angebot [Offer.offer_number]',
        body: 'Guten Tag [Client.name], anbei unser Angebot.',
      },
    })

    await relay.runOnce()
    const parsed = await simpleParser(smtp.received.at(-1)!.raw)

    expect(parsed.subject).toBe(`Angebot ${offer.offer_number}`)
    expect(parsed.text).toContain('Guten Tag Auftrag KG')
    const pdf = parsed.attachments.find((attachment) => attachment.contentType === 'application/pdf')
    expect(pdf?.filename).toBe(`offer_${offer.id}.pdf`)
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-')
  })

  test('a draft is neither emailed nor mailed', async () => {
    const draft = ok<{ offer: Json }>(
      await api.json('POST', '/offers', { offer: { client_id: clientId } }),
      201,
    ).offer

    const emailed = await api.json('POST', `/offers/${draft.id}/email`, {
      email: { recipients: { to: 'a@example.com' } },
    })
    const mailed = await api.json('POST', `/offers/${draft.id}/mail`, {})

    expect(emailed.statusCode).toBe(400)
    expect(mailed.statusCode).toBe(400)
  })
})
