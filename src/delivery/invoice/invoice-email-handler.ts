// Delivers `invoice.email` rows: renders the message from the invoice as it stands at delivery
// time (the payload's own subject and text, or the locale's default template), attaches the PDF
// rendered from the same view as the recipient page, and hands it to the MailTransport.
//
// Payload (written by core/invoices/send-invoice.ts): { invoiceId, caseId, to: [address],
//   cc?: [address], bcc?: [address], subject?, text?, attachPdf? (true), pdfFilename?,
//   attachments?: [{ filename, contentType, contentBase64 }], reminder? (see reminder-document.ts) }

import type { InvoiceDocumentView, InvoiceViewKind } from '../../documents/invoice-document-view.ts'
import { renderInvoicePdf } from '../../documents/render-invoice-pdf.ts'
import type { MailAddress, MailAttachment, MailTransport } from '../mail/mail-transport.ts'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import type {
  DeliveryAttempt,
  DeliveryDetail,
  OutboxHandler,
  PreparedDelivery,
} from '../relay/outbox-handler.ts'
import {
  type PayloadObject,
  readArray,
  readBoolean,
  readObject,
  readOptionalString,
  readString,
  readStringValue,
} from '../relay/read-payload.ts'
import { defaultMailTemplate } from '../templates/default-mail-templates.ts'
import { type MailTemplate, renderTemplate } from '../templates/render-template.ts'
import {
  loadDeliverableInvoice,
  readInvoiceSubject,
  readOptionalText,
  recipientPageUrl,
  templateValuesOf,
} from './deliverable-invoice.ts'
import type { LoadInvoiceDocument } from './load-invoice-document.ts'
import { type ReminderNotice, readReminderNotice } from './reminder-document.ts'

export type InvoiceEmailHandlerOptions = Readonly<{
  mail: MailTransport
  /** The sending address; the organization's name is shown with it, so each tenant signs its own mail. */
  from: MailAddress
  publicBaseUrl: string
  loadInvoiceDocument: LoadInvoiceDocument
}>

const PDF_TYPE = 'application/pdf'
// Loose on purpose: the organization's reply address is only used when it looks like one, so a
// typo in its settings costs the Reply-To header rather than the whole delivery.
const PLAIN_ADDRESS = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+$/

type EmailRequest = Readonly<{
  invoiceId: string
  to: readonly MailAddress[]
  cc: readonly MailAddress[]
  bcc: readonly MailAddress[]
  own: Readonly<{ subject: string | undefined; text: string | undefined }>
  attachPdf: boolean
  pdfFilename: string | undefined
  attachments: readonly MailAttachment[]
  reminder: ReminderNotice | undefined
}>

export function createInvoiceEmailHandler(options: InvoiceEmailHandlerOptions): OutboxHandler {
  return {
    channel: 'email',
    prepare(value: unknown): PreparedDelivery {
      const payload = readObject(value, 'payload')
      const target = readInvoiceSubject(payload)
      const request: EmailRequest = {
        invoiceId: target.invoiceId,
        to: readAddresses(payload, 'to', true),
        cc: readAddresses(payload, 'cc', false),
        bcc: readAddresses(payload, 'bcc', false),
        own: { subject: readOptionalText(payload, 'subject'), text: readOptionalText(payload, 'text') },
        attachPdf: readBoolean(payload, 'attachPdf', '', true),
        pdfFilename: readOptionalString(payload, 'pdfFilename', ''),
        attachments: readArray(payload, 'attachments', '', false).map((entry, index) =>
          readAttachment(entry, `attachments[${index}]`),
        ),
        reminder: readReminderNotice(payload),
      }
      const everyone = [...request.to, ...request.cc, ...request.bcc]
      return {
        ...target,
        recipient: everyone.map((address) => address.address).join(', '),
        send: (attempt) => sendInvoiceMail(options, request, attempt),
      }
    },
  }
}

async function sendInvoiceMail(
  options: InvoiceEmailHandlerOptions,
  request: EmailRequest,
  attempt: DeliveryAttempt,
): Promise<DeliveryDetail> {
  const document = await loadDeliverableInvoice(
    options.loadInvoiceDocument,
    attempt.organizationId,
    request.invoiceId,
    request.reminder,
  )
  const { view, sender, invoice } = document
  const pageUrl = recipientPageUrl(options.publicBaseUrl, invoice.pageToken)
  const rendered = renderTemplate(templateFor(view, request.own), templateValuesOf(document, pageUrl))
  const pdf: MailAttachment[] = request.attachPdf
    ? [
        {
          filename: request.pdfFilename ?? defaultPdfFilename(view),
          contentType: PDF_TYPE,
          content: await renderInvoicePdf(view),
        },
      ]
    : []
  const replyTo = sender.settings.email
  const receipt = await options.mail.send({
    deliveryId: attempt.deliveryId,
    from: { address: options.from.address, name: sender.name },
    ...(replyTo && PLAIN_ADDRESS.test(replyTo) ? { replyTo: { address: replyTo, name: sender.name } } : {}),
    to: request.to,
    cc: request.cc,
    bcc: request.bcc,
    subject: rendered.subject,
    text: rendered.text,
    ...(rendered.html === undefined ? {} : { html: rendered.html }),
    attachments: [...pdf, ...request.attachments],
  })
  return {
    messageId: receipt.messageId,
    accepted: receipt.accepted,
    rejected: receipt.rejected,
    response: receipt.response,
    ...(rendered.unknownPlaceholders.length > 0 ? { unknownPlaceholders: rendered.unknownPlaceholders } : {}),
  }
}

/**
 * The payload's own subject and text where given, the locale's default for the rest. The default
 * HTML body goes along only with the default text: next to a text of the sender's own it would
 * say something else.
 */
function templateFor(
  view: InvoiceDocumentView<InvoiceViewKind>,
  own: Readonly<{ subject: string | undefined; text: string | undefined }>,
): MailTemplate {
  const fallback = defaultMailTemplate(view.kind, view.locale)
  return {
    subject: own.subject ?? fallback.subject,
    text: own.text ?? fallback.text,
    ...(own.text === undefined && fallback.html !== undefined ? { html: fallback.html } : {}),
  }
}

/** `invoice-1042.pdf`, `credit-note-7.pdf`; a number like 2026/12 becomes 2026-12. */
export function defaultPdfFilename(view: InvoiceDocumentView): string {
  const number = view.number.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '')
  return `${view.kind}-${number === '' ? 'draft' : number}.pdf`
}

function readAddresses(payload: PayloadObject, key: string, required: boolean): MailAddress[] {
  return readArray(payload, key, '', required).map((entry, index) => ({
    address: readStringValue(entry, `${key}[${index}]`),
  }))
}

function readAttachment(value: unknown, path: string): MailAttachment {
  const object = readObject(value, path)
  const filename = readString(object, 'filename', `${path}.`)
  const contentType = readString(object, 'contentType', `${path}.`)
  // The core accepts base64 wrapped over lines, as MIME writes it; the whitespace carries nothing.
  const base64 = readString(object, 'contentBase64', `${path}.`).replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw new PermanentDeliveryError(`payload.${path}.contentBase64 must be base64`, {
      field: `${path}.contentBase64`,
    })
  }
  return { filename, contentType, content: Buffer.from(base64, 'base64') }
}
