// The handlers of the three invoice delivery kinds, keyed as core/invoices/send-invoice.ts
// enqueues them, for main.ts to hand to the outbox relay beside the generic ones. Each row names
// only the invoice and the channel's options; the message is rendered when it is delivered.

import { INVOICE_DELIVERY_KINDS } from '../../core/invoices/send-invoice.ts'
import type { LetterTransport } from '../letters/letter-transport.ts'
import type { MailAddress, MailTransport } from '../mail/mail-transport.ts'
import type { OutboxHandler } from '../relay/outbox-handler.ts'
import type { SmsTransport } from '../sms/sms-transport.ts'
import { createInvoiceEmailHandler } from './invoice-email-handler.ts'
import { createInvoiceLetterHandler } from './invoice-letter-handler.ts'
import { createInvoiceSmsHandler } from './invoice-sms-handler.ts'
import type { LoadInvoiceDocument } from './load-invoice-document.ts'

export type InvoiceDeliveryOptions = Readonly<{
  mail: MailTransport
  letters: LetterTransport
  sms: SmsTransport
  /** The address invoice mail is sent from; each organization's name is shown with it. */
  from: MailAddress
  /** Where recipients reach their invoice page: `${publicBaseUrl}/i/<page token>`. */
  publicBaseUrl: string
  loadInvoiceDocument: LoadInvoiceDocument
}>

export function createInvoiceDeliveryHandlers(
  options: InvoiceDeliveryOptions,
): Record<string, OutboxHandler> {
  return {
    [INVOICE_DELIVERY_KINDS.email]: createInvoiceEmailHandler(options),
    [INVOICE_DELIVERY_KINDS.letter]: createInvoiceLetterHandler(options),
    [INVOICE_DELIVERY_KINDS.sms]: createInvoiceSmsHandler(options),
  }
}
