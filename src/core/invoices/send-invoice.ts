// Sends an approved invoice (or credit note) by email, letter and/or SMS: one event and one outbox
// row per channel, in one transaction. The relay renders and delivers each row afterwards, from the
// invoice as it then stands, so a crash between commit and delivery loses nothing.

import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { enqueueOutbox, type OutboxInput, recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice } from './lock-invoice.ts'

export const INVOICE_DELIVERY_KINDS = {
  email: 'invoice.email',
  letter: 'invoice.letter',
  sms: 'invoice.sms',
} as const

export type EmailAttachmentInput = Readonly<{ filename: string; contentType: string; contentBase64: string }>

export type EmailChannel = Readonly<{
  to: readonly string[]
  cc?: readonly string[]
  bcc?: readonly string[]
  /** Already in Faktura's {{placeholder}} syntax; the locale's default template when absent. */
  subject?: string
  text?: string
  attachPdf?: boolean
  pdfFilename?: string
  attachments?: readonly EmailAttachmentInput[]
}>

export type LetterChannel = Readonly<{
  colour?: boolean
  duplex?: boolean
  paperWeightGsm?: number
  addAddressPage?: boolean
}>

export type SmsChannel = Readonly<{ to: string; text?: string }>

export type SendInvoiceInput = Readonly<{
  invoiceId: string
  email?: EmailChannel
  letter?: LetterChannel
  sms?: SmsChannel
  /** The event type recorded, e.g. a resend or a reminder, for the dialects' event logs. */
  eventType?: string
  eventData?: Readonly<Record<string, unknown>>
  /** Sends the invoice as a reminder: the delivery renders the reminder document and text. */
  reminder?: ReminderNotice
}>

/** What a reminder document needs beyond the invoice as it stands when it is delivered. */
export type ReminderNotice = Readonly<{
  level: number
  remindedOn: string
  payByOn: string
  /** The part of the invoice's fees that is interest, so the document can show it apart. */
  interestChargedMinor: bigint
}>

export type SentInvoice = Readonly<{ outboxIds: Readonly<Record<string, string>> }>

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/
const MAX_RECIPIENTS = 50
const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024

function checkAddresses(list: readonly string[] | undefined, field: string, required: boolean): string[] {
  const addresses = (list ?? []).map((address) => address.trim()).filter((address) => address !== '')
  if (required && addresses.length === 0)
    throw invalidField(field, `${field} needs at least one email address`)
  if (addresses.length > MAX_RECIPIENTS)
    throw invalidField(field, `${field} has more than ${MAX_RECIPIENTS} addresses`)
  addresses.forEach((address, index) => {
    if (!EMAIL.test(address))
      throw invalidField(`${field}.${index}`, `${JSON.stringify(address)} is not an email address`)
  })
  return addresses
}

function checkEmail(email: EmailChannel) {
  let attachmentBytes = 0
  const attachments = (email.attachments ?? []).map((attachment, index) => {
    if (!attachment.filename || attachment.filename.length > 200)
      throw invalidField(`email.attachments.${index}.filename`, 'an attachment needs a file name')
    if (!/^[A-Za-z0-9+/=\s]*$/.test(attachment.contentBase64))
      throw invalidField(`email.attachments.${index}.content`, 'attachment content must be base64')
    attachmentBytes += Math.floor((attachment.contentBase64.length * 3) / 4)
    return attachment
  })
  if (attachmentBytes > MAX_ATTACHMENT_BYTES)
    throw invalidField('email.attachments', 'attachments are larger than 15 MB together')
  return {
    to: checkAddresses(email.to, 'email.to', true),
    cc: checkAddresses(email.cc, 'email.cc', false),
    bcc: checkAddresses(email.bcc, 'email.bcc', false),
    ...(email.subject !== undefined ? { subject: email.subject } : {}),
    ...(email.text !== undefined ? { text: email.text } : {}),
    attachPdf: email.attachPdf ?? true,
    ...(email.pdfFilename ? { pdfFilename: email.pdfFilename } : {}),
    attachments,
  }
}

function checkLetter(letter: LetterChannel) {
  const paperWeightGsm = letter.paperWeightGsm
  if (
    paperWeightGsm !== undefined &&
    (!Number.isInteger(paperWeightGsm) || paperWeightGsm < 60 || paperWeightGsm > 300)
  ) {
    throw invalidField('letter.paperWeightGsm', 'paper weight must be between 60 and 300 g/m²')
  }
  return {
    colour: letter.colour ?? false,
    duplex: letter.duplex ?? false,
    addAddressPage: letter.addAddressPage ?? false,
    ...(paperWeightGsm ? { paperWeightGsm } : {}),
  }
}

function checkSms(sms: SmsChannel) {
  const to = sms.to?.replace(/[\s-]/g, '') ?? ''
  if (!/^\+[1-9]\d{6,14}$/.test(to))
    throw invalidField('sms.to', 'the phone number must be in international form, like +46701234567')
  return { to, ...(sms.text !== undefined ? { text: sms.text } : {}) }
}

/** Checks every channel of a send; throws, naming the field, before anything is written. */
export function checkChannels(input: Pick<SendInvoiceInput, 'email' | 'letter' | 'sms'>) {
  if (!input.email && !input.letter && !input.sms)
    throw invalidField('method', 'choose at least one way to send: email, letter or SMS')
  return {
    ...(input.email ? { email: checkEmail(input.email) } : {}),
    ...(input.letter ? { letter: checkLetter(input.letter) } : {}),
    ...(input.sms ? { sms: checkSms(input.sms) } : {}),
  }
}

export type CheckedChannels = ReturnType<typeof checkChannels>

/** The outbox rows that deliver an invoice on its checked channels, as the relay's handlers read them. */
export function deliveryRows(
  organizationId: string,
  invoice: Readonly<{ invoiceId: string; caseId: string }>,
  channels: CheckedChannels,
  reminder: ReminderNotice | undefined,
  createdAt: string,
): (OutboxInput & Readonly<{ channel: string }>)[] {
  return Object.entries(channels).map(([channel, options]) => ({
    channel,
    organizationId,
    kind: INVOICE_DELIVERY_KINDS[channel as keyof typeof INVOICE_DELIVERY_KINDS],
    payload: {
      invoiceId: invoice.invoiceId,
      caseId: invoice.caseId,
      ...options,
      ...(reminder ? { reminder } : {}),
    },
    createdAt,
  }))
}

export async function sendInvoice(
  context: CoreContext,
  tenant: Tenant,
  input: SendInvoiceInput,
): Promise<SentInvoice> {
  const channels = checkChannels(input)
  return context.storage.db.transaction().execute(async (tx) => {
    const invoice = await lockInvoice(context.storage, tx, tenant.organizationId, input.invoiceId)
    return sendLockedWithin(context, tx, tenant, invoice, channels, input)
  })
}

/**
 * The send inside a caller's transaction, of an invoice it already holds locked (one it has just
 * approved, say), so the invoice is not read again.
 */
export async function sendLockedWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  invoice: Pick<Invoice, 'invoiceId' | 'caseId' | 'state'>,
  channels: CheckedChannels,
  input: Omit<SendInvoiceInput, 'invoiceId'>,
): Promise<SentInvoice> {
  const org = tenant.organizationId
  const now = nowIso(context)
  if (invoice.state === 'draft' || invoice.state === 'deleted') {
    throw new DomainError('wrong_state', 'only an approved invoice can be sent', { state: invoice.state })
  }
  const outboxIds: Record<string, string> = {}
  for (const row of deliveryRows(org, invoice, channels, input.reminder, now)) {
    outboxIds[row.channel] = await enqueueOutbox(tx, row)
  }
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: input.eventType ?? 'invoice.sent',
    caseId: invoice.caseId,
    invoiceId: invoice.invoiceId,
    data: { channels: Object.keys(channels), ...input.eventData },
    visibleToRecipient: true,
    occurredAt: now,
  })
  return { outboxIds }
}
