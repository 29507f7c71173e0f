// Sends a completed sales document by email and/or letter: one event and one outbox row per
// channel, in one transaction, for the relay's generic email and letter handlers. The PDF rides
// inline in the row: a completed sales document never changes, so the file rendered for the
// request is the one delivered, however late the delivery.

import { DomainError, invalidField } from '../../domain/errors.ts'
import type { SalesDocument } from '../../domain/sales/sales-document.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { enqueueOutbox, recordEvent } from '../events/record-event.ts'
import { assertFound } from '../invoices/resolve-draft.ts'
import { checkChannels, type EmailChannel, type LetterChannel } from '../invoices/send-invoice.ts'
import type { OrganizationSettings } from '../organizations/create-organization.ts'
import { loadSalesDocument } from './sales-record.ts'

/** The relay's generic kinds (delivery/relay/outbox-handler.ts OUTBOX_KINDS). */
const EMAIL_KIND = 'email.send'
const LETTER_KIND = 'letter.send'

export type SendSalesDocumentInput = Readonly<{
  documentId: string
  pdfBase64: string
  email?: EmailChannel & Readonly<{ from: Readonly<{ address: string; name?: string }> }>
  letter?: LetterChannel
}>

type PostalAddress = Readonly<{
  name: string
  extraLines: readonly string[]
  streetLines: readonly string[]
  postalCode: string
  city: string
  countryCode: string
}>

const present = (text: string | null | undefined): text is string => !!text && text.trim() !== ''

async function postalAddresses(tx: Tx, org: string, document: SalesDocument) {
  const [contact, organization] = await Promise.all([
    document.contactId
      ? tx
          .selectFrom('contacts')
          .select(['name', 'street', 'street2', 'zip', 'city', 'country'])
          .where('organization_id', '=', org)
          .where('contact_id', '=', document.contactId)
          .executeTakeFirst()
      : undefined,
    tx
      .selectFrom('organizations')
      .select(['name', 'country', 'settings'])
      .where('organization_id', '=', org)
      .executeTakeFirstOrThrow(),
  ])
  const missing = !contact
    ? 'client'
    : [
        ['street', contact.street],
        ['zip', contact.zip],
        ['city', contact.city],
      ].find(([, text]) => !present(text))?.[0]
  if (missing || !contact)
    throw invalidField('address', `the document's client has no ${missing} to post a letter to`)
  const settings = JSON.parse(organization.settings) as OrganizationSettings
  const recipient: PostalAddress = {
    name: contact.name,
    extraLines: [],
    streetLines: [contact.street, contact.street2].filter(present),
    postalCode: contact.zip as string,
    city: contact.city as string,
    countryCode: contact.country ?? organization.country,
  }
  const returnAddress: PostalAddress = {
    name: organization.name,
    extraLines: [],
    streetLines: [settings.address?.street].filter(present),
    postalCode: settings.address?.zip ?? '',
    city: settings.address?.city ?? '',
    countryCode: organization.country,
  }
  return { recipient, returnAddress, senderName: organization.name, replyTo: settings.email }
}

export async function sendSalesDocument(
  context: CoreContext,
  tenant: Tenant,
  input: SendSalesDocumentInput,
): Promise<void> {
  const channels = checkChannels(input)
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const document = assertFound(
      await loadSalesDocument(tx, org, input.documentId, { lockFor: context.storage }),
      'sales document',
      input.documentId,
    )
    if (document.state === 'draft')
      throw new DomainError('wrong_state', 'a DRAFT cannot be sent: complete it first', {
        state: document.state,
      })
    const now = nowIso(context)
    const parties = await postalAddresses(tx, org, document).catch((error: unknown) => {
      if (channels.letter) throw error
      return undefined
    })
    const pdf = {
      filename: channels.email?.pdfFilename ?? `${document.kind}.pdf`,
      contentType: 'application/pdf',
    }
    if (channels.email && input.email) {
      const email = channels.email
      await enqueueOutbox(tx, {
        organizationId: org,
        kind: EMAIL_KIND,
        payload: {
          from: { address: input.email.from.address, name: parties?.senderName ?? input.email.from.name },
          ...(parties?.replyTo ? { replyTo: { address: parties.replyTo } } : {}),
          to: email.to.map((address) => ({ address })),
          cc: email.cc.map((address) => ({ address })),
          bcc: email.bcc.map((address) => ({ address })),
          subject: email.subject ?? '',
          text: email.text ?? '',
          attachments: [
            ...(email.attachPdf ? [{ ...pdf, contentBase64: input.pdfBase64 }] : []),
            ...email.attachments,
          ],
        },
        createdAt: now,
      })
    }
    if (channels.letter && parties) {
      await enqueueOutbox(tx, {
        organizationId: org,
        kind: LETTER_KIND,
        payload: {
          recipient: parties.recipient,
          returnAddress: parties.returnAddress,
          document: { contentBase64: input.pdfBase64 },
          ...channels.letter,
        },
        createdAt: now,
      })
    }
    await recordEvent(tx, {
      organizationId: org,
      type: `${document.kind}.sent`,
      data: { documentId: document.documentId, channels: Object.keys(channels) },
      occurredAt: now,
    })
  })
}
