// Delivers `email.send` rows through a MailTransport (SMTP, or the local .eml outbox). The payload
// is the message itself; attachments are inlined or loaded by document id during the attempt.
//
// Payload: { caseId?, invoiceId?, from: {address, name?}, replyTo?, to: [{address, name?}, ...],
//   cc?, bcc?, subject, text, html?, headers?: {name: value},
//   attachments?: [{ filename, contentType, contentBase64 | documentId }] }

import type { MailAddress, MailAttachment, MailTransport, OutgoingMail } from '../mail/mail-transport.ts'
import type { LoadDocument, OutboxHandler, PreparedDelivery } from './outbox-handler.ts'
import {
  type PayloadObject,
  readArray,
  readDocumentSource,
  readObject,
  readOptionalString,
  readString,
  readStringRecord,
  readSubject,
} from './read-payload.ts'

export type EmailHandlerOptions = Readonly<{
  transport: MailTransport
  loadDocument?: LoadDocument
}>

export function createEmailHandler(options: EmailHandlerOptions): OutboxHandler {
  return {
    channel: 'email',
    prepare(value: unknown): PreparedDelivery {
      const payload = readObject(value, 'payload')
      const from = readAddress(payload.from, 'from')
      const replyTo = payload.replyTo === undefined ? undefined : readAddress(payload.replyTo, 'replyTo')
      const to = readArray(payload, 'to', '', true).map((entry, index) => readAddress(entry, `to[${index}]`))
      const cc = readArray(payload, 'cc', '', false).map((entry, index) => readAddress(entry, `cc[${index}]`))
      const bcc = readArray(payload, 'bcc', '', false).map((entry, index) =>
        readAddress(entry, `bcc[${index}]`),
      )
      const subject = readString(payload, 'subject', '')
      const text = readString(payload, 'text', '')
      const html = readOptionalString(payload, 'html', '')
      const headers = readStringRecord(payload, 'headers', '')
      const attachments = readArray(payload, 'attachments', '', false).map((entry, index) =>
        readAttachment(entry, `attachments[${index}].`, options.loadDocument),
      )
      return {
        ...readSubject(payload),
        recipient: [...to, ...cc, ...bcc].map((address) => address.address).join(', '),
        async send({ deliveryId, organizationId }) {
          const message: OutgoingMail = {
            deliveryId,
            from,
            ...(replyTo ? { replyTo } : {}),
            to,
            cc,
            bcc,
            subject,
            text,
            ...(html === undefined ? {} : { html }),
            ...(headers === undefined ? {} : { headers }),
            attachments: await Promise.all(attachments.map((load) => load(organizationId))),
          }
          const receipt = await options.transport.send(message)
          return {
            messageId: receipt.messageId,
            accepted: receipt.accepted,
            rejected: receipt.rejected,
            response: receipt.response,
          }
        },
      }
    },
  }
}

function readAddress(value: unknown, path: string): MailAddress {
  const object = readObject(value, path)
  const name = readOptionalString(object, 'name', `${path}.`)
  return { address: readString(object, 'address', `${path}.`), ...(name === undefined ? {} : { name }) }
}

function readAttachment(
  value: unknown,
  path: string,
  loadDocument: LoadDocument | undefined,
): (organizationId: string) => Promise<MailAttachment> {
  const object: PayloadObject = readObject(value, path.slice(0, -1))
  const filename = readString(object, 'filename', path)
  const contentType = readString(object, 'contentType', path)
  const load = readDocumentSource(object, path, loadDocument)
  return async (organizationId) => ({ filename, contentType, content: await load(organizationId) })
}
