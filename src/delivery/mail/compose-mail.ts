// Turns an OutgoingMail into nodemailer's message options, once, for both transports: the SMTP
// transport sends exactly what the local outbox would have written. Checks here are the ones a
// retry cannot fix, so they raise PermanentDeliveryError rather than failing at the server.

import type { MailComposerOptions } from 'nodemailer/lib/mail-composer'
import { assertDeliveryId, DELIVERY_ID_HEADER } from '../delivery-id.ts'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import type { MailAddress, OutgoingMail } from './mail-transport.ts'

/** Bounds that keep one message within what common SMTP servers accept (25 MB, 100 recipients). */
export const MAIL_LIMITS = { attachmentBytes: 20 * 1024 * 1024, recipients: 100 } as const

// Deliberately loose: one "@", no whitespace or characters that would split an address list.
// The receiving server is the authority; this only catches what it would refuse anyway.
const ADDRESS_PATTERN = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+$/

const RESERVED_HEADERS = new Set(
  ['message-id', DELIVERY_ID_HEADER, 'from', 'to', 'cc', 'bcc', 'reply-to', 'subject', 'date'].map((name) =>
    name.toLowerCase(),
  ),
)

/** The stable Message-ID of a delivery: the same on every retry and through every transport. */
export function messageIdFor(deliveryId: string, from: MailAddress): string {
  const domain = from.address.split('@')[1] ?? 'faktura.invalid'
  return `<${deliveryId}@${domain}>`
}

export function composeMail(message: OutgoingMail): MailComposerOptions {
  assertDeliveryId(message.deliveryId)
  checkAddresses(message)
  checkAttachments(message)
  const headers = { ...message.headers }
  for (const name of Object.keys(headers)) {
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new PermanentDeliveryError(`header ${name} is set by the transport`, { field: 'headers' })
    }
  }
  return {
    from: toNodemailerAddress(message.from),
    ...(message.replyTo ? { replyTo: toNodemailerAddress(message.replyTo) } : {}),
    to: message.to.map(toNodemailerAddress),
    cc: message.cc.map(toNodemailerAddress),
    bcc: message.bcc.map(toNodemailerAddress),
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
    })),
    messageId: messageIdFor(message.deliveryId, message.from),
    headers: { ...headers, [DELIVERY_ID_HEADER]: message.deliveryId },
    // Content is always given inline; never let a value be read as a path or URL to fetch.
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}

function toNodemailerAddress(address: MailAddress): { name: string; address: string } {
  return { name: address.name ?? '', address: address.address }
}

function checkAddresses(message: OutgoingMail): void {
  const fields = { from: [message.from], replyTo: message.replyTo ? [message.replyTo] : [] }
  const recipients = { to: message.to, cc: message.cc, bcc: message.bcc }
  for (const [field, addresses] of Object.entries({ ...fields, ...recipients })) {
    addresses.forEach((entry, index) => {
      if (!ADDRESS_PATTERN.test(entry.address)) {
        const where = field === 'from' || field === 'replyTo' ? field : `${field}[${index}]`
        throw new PermanentDeliveryError(`${where}: "${entry.address}" is not an email address`, {
          field: where,
        })
      }
    })
  }
  const recipientCount = message.to.length + message.cc.length + message.bcc.length
  if (recipientCount === 0) {
    throw new PermanentDeliveryError('the message has no recipient in to, cc or bcc', { field: 'to' })
  }
  if (recipientCount > MAIL_LIMITS.recipients) {
    throw new PermanentDeliveryError(
      `the message has ${recipientCount} recipients; at most ${MAIL_LIMITS.recipients} are allowed`,
      { field: 'to' },
    )
  }
}

function checkAttachments(message: OutgoingMail): void {
  const totalBytes = message.attachments.reduce((sum, attachment) => sum + attachment.content.length, 0)
  if (totalBytes > MAIL_LIMITS.attachmentBytes) {
    throw new PermanentDeliveryError(
      `attachments total ${totalBytes} bytes; at most ${MAIL_LIMITS.attachmentBytes} are allowed`,
      { field: 'attachments' },
    )
  }
}
