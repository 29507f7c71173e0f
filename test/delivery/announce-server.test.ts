// Proves the server wires event announcements to the Billogram callbacks: a recipient's message on
// the invoice page, an event no Billogram command announced, reaches an account-wide callback URL
// once, signed with the subscription's key; and to Billomat's webhooks, delivered by their own
// outbox kind with Billomat's headers and basic auth.

import { setTimeout as sleep } from 'node:timers/promises'
import { expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { putAccountCallback } from '../../src/core/callbacks/callback-subscriptions.ts'
import { postRecipientMessage } from '../../src/core/cases/message-from-recipient.ts'
import { systemClock } from '../../src/core/context.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { createRecord } from '../../src/core/records/create-record.ts'
import { startFaktura } from '../../src/main.ts'
import { signatureIsValid } from '../dialects/billogram/support/callback-receiver.ts'
import { createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'
import { startWebhookReceiver } from './webhook-receiver-fixture.ts'

describeEachEngine('event announcements in the server', ({ dataDir, databaseUrl }) => {
  test('a message from the invoice page reaches the account callback, signed', async () => {
    const receiver = await startWebhookReceiver(() => ({ status: 200 }))
    const url = databaseUrl()
    const config = loadConfig(
      { 'data-dir': dataDir(), port: '0', ...(url ? { 'database-url': url } : {}) },
      { LOG_LEVEL: 'silent', ALLOW_PRIVATE_WEBHOOK_TARGETS: '1' },
    )
    const running = await startFaktura(config, undefined, { relayPollIntervalMs: 50 })
    try {
      const world = await createWorld(running.storage)
      const core = { storage: running.storage, clock: systemClock }
      const draft = await createInvoice(core, world.tenant, {
        contactId: world.contactId,
        lines: [{ productId: world.productId }],
      })
      const invoice = await approveInvoice(core, world.tenant, draft.invoiceId)
      await putAccountCallback(core, world.tenant, {
        url: `${receiver.url}/callback`,
        signKey: 'hemlig-nyckel',
      })

      await postRecipientMessage(core, invoice.pageToken, { message: 'Hej! Kan ni dela upp betalningen?' })
      const deadline = Date.now() + 10_000
      while (
        Date.now() < deadline &&
        !receiver.received.some((request) => request.body.includes('Kan ni dela upp'))
      )
        await sleep(25)
      await sleep(300)

      const messages = receiver.received.filter((request) => request.body.includes('Kan ni dela upp'))
      expect(messages).toHaveLength(1)
      expect(signatureIsValid(messages[0]!, 'hemlig-nyckel')).toBe(true)
    } finally {
      await running.close()
      await receiver.close()
    }
  })

  test('an approved invoice reaches a Billomat invoice.status webhook, with basic auth', async () => {
    const receiver = await startWebhookReceiver(() => ({ status: 200 }))
    const url = databaseUrl()
    const config = loadConfig(
      { 'data-dir': dataDir(), port: '0', ...(url ? { 'database-url': url } : {}) },
      { LOG_LEVEL: 'silent', ALLOW_PRIVATE_WEBHOOK_TARGETS: '1' },
    )
    const running = await startFaktura(config, undefined, { relayPollIntervalMs: 50 })
    try {
      const world = await createWorld(running.storage)
      const core = { storage: running.storage, clock: systemClock }
      const webhook = await createRecord(core, world.tenant, {
        resource: 'webhook',
        data: {
          url: `${receiver.url}/billomat`,
          event: 'invoice.status',
          format: 'JSON',
          username: 'u',
          password: 'p',
        },
      })
      const draft = await createInvoice(core, world.tenant, {
        contactId: world.contactId,
        lines: [{ productId: world.productId }],
      })
      await approveInvoice(core, world.tenant, draft.invoiceId)
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline && receiver.received.length === 0) await sleep(25)
      await sleep(300)

      expect(receiver.received).toHaveLength(1)
      expect(receiver.received[0]?.path).toBe('/hooks/faktura/billomat')
      expect(receiver.received[0]?.headers).toMatchObject({
        'user-agent': 'Billomat-Webhook',
        'x-billomat-webhook-event': 'invoice.status',
        'x-billomat-webhook-id': String(webhook.recordNo),
        authorization: `Basic ${Buffer.from('u:p').toString('base64')}`,
      })
      expect(JSON.parse(receiver.received[0]?.body ?? '{}').invoice).toMatchObject({ status: 'OPEN' })
    } finally {
      await running.close()
      await receiver.close()
    }
  })
})
