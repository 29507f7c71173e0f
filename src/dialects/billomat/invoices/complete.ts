// Completes a draft (seed 002 "Complete invoice") as one transaction: the invoice number from
// number_pre, number and number_length (or the account's series), approval by the core, OVERDUE
// at once when the due date has already passed, and the texts' placeholders frozen. The series
// is set for this one approval and put back after, so a number chosen for one document never
// changes the next one's.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { approveInvoice } from '../../../core/invoices/approve-invoice.ts'
import { getInvoice } from '../../../core/invoices/get-invoice.ts'
import { issueCreditDraft } from '../../../core/invoices/issue-credit-draft.ts'
import { markOverdueInvoices } from '../../../core/invoices/mark-overdue.ts'
import { getNumberingSeries, setNumberingSeries } from '../../../core/invoices/numbering-series.ts'
import { setInvoiceExtra } from '../../../core/invoices/set-invoice-extra.ts'
import { updateDraftInvoice } from '../../../core/invoices/update-draft-invoice.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { organizationToday } from '../../../core/organizations/organization-today.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { contactNosOf } from '../ids.ts'
import { loadSettings } from '../settings.ts'
import { docExtraOf } from './extra.ts'
import { frozenTexts, placeholderValues } from './placeholders.ts'

export type CompleteOptions = Readonly<{ templateId?: bigint; publicBaseUrl: string }>

async function valuesOf(unit: CoreContext, tenant: Tenant, approved: Invoice, publicBaseUrl: string) {
  const [clients, organization, credited] = await Promise.all([
    contactNosOf(unit, tenant, [approved.contactId]),
    getOrganization(unit, tenant),
    approved.creditedInvoiceId ? getInvoice(unit, tenant, approved.creditedInvoiceId) : undefined,
  ])
  return placeholderValues({
    document: approved,
    client: clients.get(approved.contactId),
    companyName: organization.name,
    publicBaseUrl,
    ...(credited ? { credited } : {}),
  })
}

export async function completeDocument(
  core: CoreContext,
  tenant: Tenant,
  draft: Invoice,
  options: CompleteOptions,
): Promise<Invoice> {
  return inOneTransaction(core, async (unit) => {
    const settings = await loadSettings(unit, tenant)
    const extra = docExtraOf(draft)
    const isInvoice = draft.kind === 'invoice'
    // Credit notes are numbered in their own series by the core's credit (credit-invoice.ts).
    const baseKey = isInvoice ? draft.seriesKey : 'credit_note'
    const base = await getNumberingSeries(unit, tenant, baseKey)
    const prefix =
      extra.number_pre ?? (isInvoice ? base.prefix : (settings.credit_note_number_pre ?? base.prefix))
    // CONSIDER_PREFIX numbers each invoice prefix on its own (§2.11 settings number_range_mode).
    const considered = isInvoice && settings.number_range_mode === 'CONSIDER_PREFIX' && prefix !== base.prefix
    const seriesKey = considered ? `${baseKey}/${prefix}` : baseKey
    if (considered) await updateDraftInvoice(unit, tenant, draft.invoiceId, { seriesKey })
    const series = considered ? await getNumberingSeries(unit, tenant, seriesKey) : base
    const fallbackLength = isInvoice ? undefined : settings.credit_note_number_length
    const length = extra.number_length ?? fallbackLength
    const padding = length === undefined ? series.padding : Number(length)
    const chosen = extra.number === undefined ? undefined : BigInt(extra.number)
    // The series is set for this approval only when the document asks for another format or number.
    const reformat = prefix !== series.prefix || padding !== series.padding || chosen !== undefined
    if (reformat)
      await setNumberingSeries(unit, tenant, seriesKey, {
        prefix,
        padding,
        ...(chosen === undefined ? {} : { nextNumber: chosen }),
      })
    let approved = isInvoice
      ? await approveInvoice(unit, tenant, draft.invoiceId)
      : await issueCreditDraft(unit, tenant, draft.invoiceId)
    const issuedId = approved.invoiceId
    if (reformat)
      await setNumberingSeries(unit, tenant, seriesKey, {
        prefix: series.prefix,
        padding: series.padding,
        ...(chosen === undefined
          ? {}
          : { nextNumber: chosen >= series.nextNumber ? chosen + 1n : series.nextNumber }),
      })
    // Completed after its due date, the invoice is OVERDUE at once (§4).
    if (
      isInvoice &&
      approved.dueDate !== null &&
      approved.dueDate < (await organizationToday(unit, tenant))
    ) {
      await markOverdueInvoices(unit, tenant, { invoiceIds: [issuedId] })
      approved = await getInvoice(unit, tenant, issuedId)
    }
    const texts = ['title', 'label', 'intro', 'note'].map(
      (field) => extra[field] ?? (field === 'note' ? approved.notes : ''),
    )
    const placeholders = texts.some((text) => text?.includes('['))
    // A prefix ending in a digit cannot be told from the number's own digits later, so it is kept.
    const keepFormat =
      /\d$/.test(prefix) || extra.number_pre !== undefined || extra.number_length !== undefined
    if (!placeholders && !keepFormat && options.templateId === undefined) return approved
    const values = placeholders ? await valuesOf(unit, tenant, approved, options.publicBaseUrl) : {}
    return setInvoiceExtra(unit, tenant, issuedId, (invoice) => ({
      ...invoice.extra,
      billomat: {
        ...docExtraOf(invoice),
        ...(placeholders ? frozenTexts(invoice, values) : {}),
        ...(keepFormat ? { number_pre: prefix, number_length: String(padding) } : {}),
        ...(options.templateId === undefined ? {} : { template_id: String(options.templateId) }),
      },
    }))
  })
}
