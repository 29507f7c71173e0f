// Runs the outbox relay the way main.ts does for the rows the Billogram tests care about:
// callbacks through the webhook handler with the dialect's signer, and, when given transports,
// invoice email (to a real SMTP server), letters and SMS, until nothing is left to run.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CoreContext } from '../../../../src/core/context.ts'
import { createInvoiceDeliveryHandlers } from '../../../../src/delivery/invoice/invoice-delivery-handlers.ts'
import { loadInvoiceDocument } from '../../../../src/delivery/invoice/load-invoice-document.ts'
import { createLocalPrintSpool } from '../../../../src/delivery/letters/local-print-spool.ts'
import { createSmtpMailTransport } from '../../../../src/delivery/mail/smtp-mail-transport.ts'
import type { OutboxHandler } from '../../../../src/delivery/relay/outbox-handler.ts'
import { createOutboxRelay } from '../../../../src/delivery/relay/outbox-relay.ts'
import { createWebhookHandler } from '../../../../src/delivery/relay/webhook-handler.ts'
import { createLocalSmsOutbox } from '../../../../src/delivery/sms/local-sms-outbox.ts'
import { billogramAnnouncerFor } from '../../../../src/dialects/billogram/announce.ts'
import { billogramSignerFor } from '../../../../src/dialects/billogram/callback-signer.ts'

export type DeliveryOptions = Readonly<{ smtpPort?: number; announce?: boolean }>

function invoiceHandlers(core: CoreContext, smtpPort: number): Record<string, OutboxHandler> {
  const dir = mkdtempSync(join(tmpdir(), 'faktura-billogram-delivery-'))
  return createInvoiceDeliveryHandlers({
    mail: createSmtpMailTransport({ url: `smtp://127.0.0.1:${smtpPort}` }),
    letters: createLocalPrintSpool({ dir: join(dir, 'print-spool') }),
    sms: createLocalSmsOutbox({ dir: join(dir, 'sms-outbox') }),
    from: { address: 'faktura@testbolaget.example', name: 'Faktura' },
    publicBaseUrl: 'http://127.0.0.1:8080',
    loadInvoiceDocument: (organizationId, invoiceId) => loadInvoiceDocument(core, organizationId, invoiceId),
  })
}

/**
 * What main.ts is to wire for `event.announce` rows: each names a case whose events the Billogram
 * callbacks may not have heard yet (a recipient's message on the invoice page, a job).
 */
function announceHandler(core: CoreContext): OutboxHandler {
  const announce = billogramAnnouncerFor(core)
  return {
    channel: 'webhook',
    prepare(payload: unknown) {
      const { caseId, invoiceId } = payload as { caseId?: string | null; invoiceId?: string | null }
      return {
        recipient: 'billogram callbacks',
        caseId: caseId ?? null,
        invoiceId: invoiceId ?? null,
        async send({ organizationId }) {
          return { enqueued: caseId ? await announce(organizationId, caseId) : 0 }
        },
      }
    },
  }
}

export async function drainOutbox(core: CoreContext, options: DeliveryOptions = {}): Promise<number> {
  const relay = createOutboxRelay({
    storage: core.storage,
    handlers: {
      'webhook.deliver': createWebhookHandler({
        signerFor: billogramSignerFor(core),
        network: { allowLoopback: true },
        timeoutMs: 5_000,
      }),
      ...(options.smtpPort === undefined ? {} : invoiceHandlers(core, options.smtpPort)),
      ...(options.announce ? { 'event.announce': announceHandler(core) } : {}),
    },
    batchSize: 50,
  })
  let delivered = 0
  for (let round = 0; round < 20; round++) {
    const run = await relay.runOnce()
    delivered += run.delivered
    if (run.claimed === 0) break
  }
  return delivered
}
