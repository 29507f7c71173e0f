// Delivers `invoice.sms` rows: a short text with the amount, the due date and the link to the
// recipient's page (the payload's own text, or the locale's default), through the SmsTransport,
// which checks the number and the length.
//
// Payload (written by core/invoices/send-invoice.ts): { invoiceId, caseId, to: "+46701234567", text?,
//   reminder? (see reminder-document.ts) }

import type { OutboxHandler, PreparedDelivery } from '../relay/outbox-handler.ts'
import { readObject, readString } from '../relay/read-payload.ts'
import type { SmsTransport } from '../sms/sms-transport.ts'
import { renderTemplate } from '../templates/render-template.ts'
import {
  loadDeliverableInvoice,
  readInvoiceSubject,
  readOptionalText,
  recipientPageUrl,
  templateValuesOf,
} from './deliverable-invoice.ts'
import { defaultSmsText } from './invoice-sms-texts.ts'
import type { LoadInvoiceDocument } from './load-invoice-document.ts'
import { readReminderNotice } from './reminder-document.ts'

export type InvoiceSmsHandlerOptions = Readonly<{
  sms: SmsTransport
  publicBaseUrl: string
  loadInvoiceDocument: LoadInvoiceDocument
}>

export function createInvoiceSmsHandler(options: InvoiceSmsHandlerOptions): OutboxHandler {
  return {
    channel: 'sms',
    prepare(value: unknown): PreparedDelivery {
      const payload = readObject(value, 'payload')
      const target = readInvoiceSubject(payload)
      const to = readString(payload, 'to', '')
      const ownText = readOptionalText(payload, 'text')
      const reminder = readReminderNotice(payload)
      return {
        ...target,
        recipient: to,
        async send({ deliveryId, organizationId }) {
          const document = await loadDeliverableInvoice(
            options.loadInvoiceDocument,
            organizationId,
            target.invoiceId,
            reminder,
          )
          const pageUrl = recipientPageUrl(options.publicBaseUrl, document.invoice.pageToken)
          const template = ownText ?? defaultSmsText(document.view.kind, document.view.locale)
          const rendered = renderTemplate(
            { subject: '', text: template },
            templateValuesOf(document, pageUrl),
          )
          const receipt = await options.sms.send({ deliveryId, to, text: rendered.text })
          return {
            location: receipt.location,
            encoding: receipt.encoding,
            segmentCount: receipt.segmentCount,
            ...(rendered.unknownPlaceholders.length > 0
              ? { unknownPlaceholders: rendered.unknownPlaceholders }
              : {}),
          }
        },
      }
    },
  }
}
