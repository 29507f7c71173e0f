// The handlers of the four delivery kinds, keyed as the core enqueues them, for main.ts to hand
// to createOutboxRelay with the transports it chose (SMTP or the local outbox, and so on).

import type { LetterTransport } from '../letters/letter-transport.ts'
import type { MailTransport } from '../mail/mail-transport.ts'
import type { SmsTransport } from '../sms/sms-transport.ts'
import { createEmailHandler } from './email-handler.ts'
import { createLetterHandler } from './letter-handler.ts'
import { type LoadDocument, OUTBOX_KINDS, type OutboxHandler } from './outbox-handler.ts'
import { createSmsHandler } from './sms-handler.ts'
import { createWebhookHandler, type WebhookHandlerOptions } from './webhook-handler.ts'

export type DeliveryTransports = Readonly<{
  mail: MailTransport
  letters: LetterTransport
  sms: SmsTransport
  webhooks?: WebhookHandlerOptions
  /** Loads documents that payloads refer to by id (invoice PDFs); without it they must be inlined. */
  loadDocument?: LoadDocument
}>

export function createDeliveryHandlers(transports: DeliveryTransports): Record<string, OutboxHandler> {
  const documents = transports.loadDocument ? { loadDocument: transports.loadDocument } : {}
  return {
    [OUTBOX_KINDS.email]: createEmailHandler({ transport: transports.mail, ...documents }),
    [OUTBOX_KINDS.letter]: createLetterHandler({ transport: transports.letters, ...documents }),
    [OUTBOX_KINDS.sms]: createSmsHandler({ transport: transports.sms }),
    [OUTBOX_KINDS.webhook]: createWebhookHandler(transports.webhooks ?? {}),
  }
}
