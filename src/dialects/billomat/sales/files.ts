// The PDF of a completed sales document, rendered by the shared document renderer from the
// core's document and its client, and what its email defaults from: the email template named or
// marked default for the kind (§2.11), the settings' file name pattern, and its placeholders.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { listRecords } from '../../../core/records/list-records.ts'
import { documentLocaleOf } from '../../../documents/invoice-view-of.ts'
import { LABELS } from '../../../documents/labels.ts'
import { renderInvoicePdf } from '../../../documents/render-invoice-pdf.ts'
import { salesViewOf } from '../../../documents/sales-view-of.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import { DomainError } from '../../../domain/errors.ts'
import type { Recipient } from '../../../domain/invoicing/invoice.ts'
import type { SalesDocument } from '../../../domain/sales/sales-document.ts'
import { contactNosOf } from '../ids.ts'
import { docExtraOf, type WireStrings } from '../invoices/extra.ts'
import { recordData } from '../invoices/lookups.ts'
import type { PdfFile } from '../invoices/pdf.ts'
import { fillPlaceholders } from '../invoices/placeholders.ts'
import type { EmailDefaults } from '../invoices/sending.ts'
import { loadSettings } from '../settings.ts'
import { salesPlaceholderValues } from './complete.ts'
import type { SalesKind } from './kinds.ts'

/** The addressee: the address written on the document (first line the name), else the client's. */
function recipientOf(document: SalesDocument, client: Contact | undefined): Recipient {
  const written = docExtraOf(document)
    .address?.split(/\r?\n/)
    .filter((line) => line.trim() !== '')
  if (written && written.length > 0) {
    const [name, street, ...rest] = written
    return { name: name as string, street: street ?? null, street2: rest.join(', ') || null }
  }
  if (!client) return { name: '' }
  return {
    name: client.name,
    street: client.address.street ?? null,
    zip: client.address.zip ?? null,
    city: client.address.city ?? null,
    country: client.address.country ?? null,
  }
}

export async function renderSalesPdf(
  core: CoreContext,
  tenant: Tenant,
  document: SalesDocument,
): Promise<Buffer> {
  if (document.state === 'draft')
    throw new DomainError('wrong_state', 'a DRAFT has no PDF yet: complete it first', {
      state: document.state,
    })
  const [organization, clients] = await Promise.all([
    getOrganization(core, tenant),
    contactNosOf(core, tenant, document.contactId ? [document.contactId] : []),
  ])
  const client = document.contactId ? clients.get(document.contactId) : undefined
  const extra = docExtraOf(document)
  const intro = [extra.subject, extra.intro].filter((text) => text && text.trim() !== '').join('\n\n')
  const sender = { name: organization.name, country: organization.country, settings: organization.settings }
  return renderInvoicePdf(salesViewOf(document, sender, recipientOf(document, client), intro || undefined))
}

export async function salesEmailDefaults(
  core: CoreContext,
  tenant: Tenant,
  kind: SalesKind,
  document: SalesDocument,
  emailTemplateId: bigint | undefined,
): Promise<EmailDefaults & { filename: string }> {
  const [settings, values, template] = await Promise.all([
    loadSettings(core, tenant),
    salesPlaceholderValues(core, tenant, kind, document),
    emailTemplateId !== undefined
      ? recordData(core, tenant, 'email-template', emailTemplateId, 'email_template_id')
      : defaultTemplate(core, tenant, kind.emailTemplateType),
  ])
  const fallback = `${kind.element}_${document.documentSeq}`
  const pattern = settings[`${kind.settingsKey}_filename`] ?? ''
  const filename = fillPlaceholders(pattern, values).replace(/[^\p{L}\p{N}._-]+/gu, '_') || fallback
  // Without a template the mail still says what it carries: the document's title and number.
  const title =
    `${LABELS[documentLocaleOf(document.locale)].salesTitles[viewKind(kind)]} ${document.number ?? ''}`.trim()
  return {
    template: { subject: title, text: `${title}\n\n${values['Company.name'] ?? ''}`, ...template },
    filenamePattern: filename === fallback ? fallback : pattern,
    bccAddresses: (settings.bcc_addresses ?? '').split(/[,;\s]+/).filter((address) => address !== ''),
    values,
    filename,
  }
}

function viewKind(kind: SalesKind) {
  return kind.kind === 'delivery_note' ? 'delivery-note' : kind.kind
}

async function defaultTemplate(
  core: CoreContext,
  tenant: Tenant,
  type: string | undefined,
): Promise<WireStrings | undefined> {
  if (type === undefined) return undefined
  const page = await listRecords(core, tenant, 'email-template', {
    filters: [
      { field: 'data.type', op: 'eq', value: type },
      { field: 'data.is_default', op: 'eq', value: '1' },
    ],
    limit: 1,
    offset: 0,
  })
  return page.items[0]?.data as WireStrings | undefined
}

export async function salesPdfFile(
  core: CoreContext,
  tenant: Tenant,
  kind: SalesKind,
  document: SalesDocument,
): Promise<PdfFile> {
  const [pdf, defaults] = await Promise.all([
    renderSalesPdf(core, tenant, document),
    salesEmailDefaults(core, tenant, kind, document, undefined),
  ])
  return {
    filename: `${defaults.filename}.pdf`,
    mimetype: 'application/pdf',
    base64: pdf.toString('base64'),
    byteLength: pdf.length,
    createdAt: document.completedAt ?? document.updatedAt,
  }
}
