// What an email of a document defaults from: the email template named or marked default for the
// document type (§2.11 email-templates), the file name pattern and BCC addresses of the settings,
// and the placeholder values of the document as it stands.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { listRecords } from '../../../core/records/list-records.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { contactNosOf } from '../ids.ts'
import { loadSettings } from '../settings.ts'
import type { WireStrings } from './extra.ts'
import { recordData } from './lookups.ts'
import { fillPlaceholders, placeholderValues } from './placeholders.ts'
import type { EmailDefaults } from './sending.ts'

export async function emailDefaultsOf(
  core: CoreContext,
  tenant: Tenant,
  document: Invoice,
  emailTemplateId: bigint | undefined,
  publicBaseUrl: string,
): Promise<EmailDefaults & { filename: string }> {
  const isInvoice = document.kind === 'invoice'
  const [settings, organization, clients, template] = await Promise.all([
    loadSettings(core, tenant),
    getOrganization(core, tenant),
    contactNosOf(core, tenant, [document.contactId]),
    emailTemplateId !== undefined
      ? recordData(core, tenant, 'email-template', emailTemplateId, 'email_template_id')
      : defaultTemplate(core, tenant, isInvoice ? 'INVOICES' : 'CREDIT_NOTES'),
  ])
  const values = placeholderValues({
    document,
    client: clients.get(document.contactId),
    companyName: organization.name,
    publicBaseUrl,
  })
  const filenamePattern = (isInvoice ? settings.invoice_filename : settings.credit_note_filename) ?? ''
  const fallback = `${isInvoice ? 'invoice' : 'credit-note'}_${document.invoiceSeq}`
  const filename = fillPlaceholders(filenamePattern, values).replace(/[^\p{L}\p{N}._-]+/gu, '_') || fallback
  return {
    template,
    filenamePattern: filename === fallback ? fallback : filenamePattern,
    bccAddresses: (settings.bcc_addresses ?? '').split(/[,;\s]+/).filter((address) => address !== ''),
    values,
    filename,
  }
}

async function defaultTemplate(
  core: CoreContext,
  tenant: Tenant,
  type: string,
): Promise<WireStrings | undefined> {
  const page = await listRecords(core, tenant, 'email-template', {
    filters: [
      { field: 'data.type', op: 'eq', value: type },
      { field: 'data.is_default', op: 'eq', value: '1' },
    ],
    orderBy: [{ field: 'recordNo', direction: 'asc' }],
    limit: 1,
    offset: 0,
  })
  return page.items[0]?.data as WireStrings | undefined
}
