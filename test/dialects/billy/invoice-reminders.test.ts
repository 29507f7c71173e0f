// Proves Billy's invoice reminders on both engines: a reminder over an overdue invoice goes
// through the core's dunning step (level 1, the fee posted Dr 5810 Cr 1150 and the statutory
// interest Cr 3110, both added to the invoice's balance), is mailed with its subject and body to
// the contact person through the outbox relay and a real SMTP server, is read back with its
// associations, and refuses invoices of another contact, a second reminder the same day and
// writes to associations.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { deliveryDirs } from '../../../src/delivery/delivery-dirs.ts'
import { createInvoiceDeliveryHandlers } from '../../../src/delivery/invoice/invoice-delivery-handlers.ts'
import { loadInvoiceDocument } from '../../../src/delivery/invoice/load-invoice-document.ts'
import { createLocalPrintSpool } from '../../../src/delivery/letters/local-print-spool.ts'
import {
  createSmtpMailTransport,
  type SmtpMailTransport,
} from '../../../src/delivery/mail/smtp-mail-transport.ts'
import { createOutboxRelay } from '../../../src/delivery/relay/outbox-relay.ts'
import { createLocalSmsOutbox } from '../../../src/delivery/sms/local-sms-outbox.ts'
import { type SmtpServerFixture, startSmtpServer } from '../../delivery/smtp-server-fixture.ts'
import { coreOf } from '../../support/core-fixtures.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

describeEachEngine('billy invoice reminders', ({ storage }) => {
  let world: BillyWorld
  let smtp: SmtpServerFixture
  let mail: SmtpMailTransport
  let tempDir: string
  let contactId: string
  let personId: string
  let productId: string
  let accountIds: Record<number, string>
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    smtp = await startSmtpServer()
    mail = createSmtpMailTransport({ url: `smtp://127.0.0.1:${smtp.port}` })
    tempDir = mkdtempSync(join(tmpdir(), 'faktura-billy-reminders-'))
    const contact = await world.client.post('/contacts', {
      contact: {
        name: 'Kunde ApS',
        countryId: 'DK',
        contactPersons: [{ name: 'Ane', email: 'ane@kunde.example', isPrimary: true }],
      },
    })
    contactId = contact.json().contacts[0].id
    personId = contact.json().contactPersons[0].id
    const product = await world.client.post('/products', {
      product: { name: 'Rådgivning', prices: [{ unitPrice: 1000, currencyId: 'DKK' }] },
    })
    productId = product.json().products[0].id
    const accounts = (await world.client.get('/accounts')).json().accounts
    accountIds = Object.fromEntries(
      accounts.map((account: { accountNo: number; id: string }) => [account.accountNo, account.id]),
    )
  })
  afterAll(async () => {
    mail.close()
    await smtp.close()
    rmSync(tempDir, { recursive: true, force: true })
    await world.app.close()
  })
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  async function overdueInvoice(forContact = contactId): Promise<string> {
    const response = await world.client.post('/invoices', {
      invoice: {
        contactId: forContact,
        entryDate: '2026-09-01',
        paymentTermsDays: 8,
        currencyId: 'DKK',
        state: 'approved',
        lines: [{ productId, unitPrice: 1000 }],
      },
    })
    return response.json().invoices[0].id
  }

  function reminder(invoiceIds: readonly string[], fields: Record<string, unknown> = {}) {
    return world.client.post('/invoiceReminders', {
      invoiceReminder: {
        contactId,
        contactPersonId: personId,
        feeCurrencyId: 'DKK',
        flatFee: 100,
        percentageFee: 0,
        sendEmail: true,
        emailSubject: 'Rykker',
        emailBody: 'Vi mangler betaling.',
        associations: invoiceIds.map((invoiceId) => ({ invoiceId })),
        ...fields,
      },
    })
  }

  function relay() {
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
    return createOutboxRelay({ storage: storage(), handlers })
  }

  test('a reminder charges its fee on the invoice, posts it and is mailed to the contact person', async () => {
    const invoiceId = await overdueInvoice()
    const before = smtp.received.length

    const response = await reminder([invoiceId])
    await relay().runOnce()

    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.invoiceReminders[0]).toMatchObject({
      contactId,
      flatFee: 100,
      feeCurrencyId: 'DKK',
      sendEmail: true,
    })
    expect(body.invoiceReminderAssociations[0]).toMatchObject({ invoiceId, lateFeeId: null })
    const invoice = body.invoices.find((item: { id: string }) => item.id === invoiceId)
    // 1000 net plus 25% VAT, the reminder's flat fee of 100, and the statutory interest of the
    // 54 days from the due date (2026-09-09) to the test clock (2026-11-02) at the Danish
    // reference rate plus 8 points (9.75%): 1250 × 9.75% × 54 / 365 = 18.03.
    expect(invoice.balance).toBe(1368.03)
    const postingsOf = async (accountNo: number) =>
      (
        await world.client.get(
          `/postings?originatorReference=invoice:${invoiceId}&accountId=${accountIds[accountNo]}`,
        )
      ).json().postings
    expect(await postingsOf(1150)).toEqual([expect.objectContaining({ amount: 100, side: 'credit' })])
    expect(await postingsOf(3110)).toEqual([expect.objectContaining({ amount: 18.03, side: 'credit' })])
    const received = smtp.received.slice(before)
    expect(received).toHaveLength(1)
    const parsed = await simpleParser(received[0]!.raw)
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toContain('ane@kunde.example')
    expect(parsed.subject).toBe('Rykker')
  })

  test('a reminder is read back with its associations, by id, by contact and by invoice', async () => {
    const invoiceId = await overdueInvoice()
    const created = (await reminder([invoiceId], { sendEmail: false })).json().invoiceReminders[0]

    const one = await world.client.get(
      `/invoiceReminders/${created.id}?include=invoiceReminder.associations:embed`,
    )
    const byContact = await world.client.get(`/invoiceReminders?contactId=${contactId}`)
    const byInvoice = await world.client.get(`/invoiceReminderAssociations?invoiceId=${invoiceId}`)

    expect(one.json().invoiceReminder.associations).toEqual([
      expect.objectContaining({ reminderId: created.id, invoiceId }),
    ])
    expect(byContact.json().invoiceReminders.map((r: { id: string }) => r.id)).toContain(created.id)
    expect(byInvoice.json().invoiceReminderAssociations).toHaveLength(1)
  })

  test('a second reminder for the same invoice the same day is refused and writes nothing', async () => {
    const invoiceId = await overdueInvoice()
    await reminder([invoiceId], { sendEmail: false })

    const again = await reminder([invoiceId], { sendEmail: false })
    const associations = await world.client.get(`/invoiceReminderAssociations?invoiceId=${invoiceId}`)

    expect(again.statusCode).toBe(422)
    expect(again.json().errorCode).toBe('VALIDATION_ERROR')
    expect(associations.json().invoiceReminderAssociations).toHaveLength(1)
  })

  test('an invoice of another contact is 422 naming the associations', async () => {
    const other = await world.client.post('/contacts', { contact: { name: 'Anden ApS', countryId: 'DK' } })
    const invoiceId = await overdueInvoice(other.json().contacts[0].id)

    const response = await reminder([invoiceId], { sendEmail: false })

    expect(response.statusCode).toBe(422)
    expect(JSON.stringify(response.json().validationErrors)).toContain('associations')
  })

  test('associations are not written on their own (405)', async () => {
    const response = await world.client.post('/invoiceReminderAssociations', {
      invoiceReminderAssociation: { reminderId: 'x', invoiceId: 'y' },
    })

    expect(response.statusCode).toBe(405)
  })
})
