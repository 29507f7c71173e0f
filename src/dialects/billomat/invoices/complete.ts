// Completes a draft (seed 002 "Complete invoice") as one transaction: the invoice number from
// number_pre, number and number_length (or the account's series), approval by the core, OVERDUE
// at once when the due date has already passed, and the texts' placeholders frozen. The series
// is set for this one approval and put back after, so a number chosen for one document never
// changes the next one's.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { approveInvoice } from '../../../core/invoices/approve-invoice.ts'
import { getInvoice } from '../../../core/invoices/get-invoice.ts'
import { markOverdueInvoices } from '../../../core/invoices/mark-overdue.ts'
import { getNumberingSeries, setNumberingSeries } from '../../../core/invoices/numbering-series.ts'
import { setInvoiceExtra } from '../../../core/invoices/set-invoice-extra.ts'
import { updateDraftInvoice } from '../../../core/invoices/update-draft-invoice.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { contactNosOf } from '../ids.ts'
import { loadSettings } from '../settings.ts'
import { docExtraOf } from './extra.ts'
import { frozenTexts, placeholderValues } from './placeholders.ts'

export type CompleteOptions = Readonly<{ templateId?: bigint; publicBaseUrl: string }>

export async function completeDocument(
  core: CoreContext,
  tenant: Tenant,
  draft: Invoice,
  options: CompleteOptions,
): Promise<Invoice> {
  return inOneTransaction(core, async (unit) => {
    const settings = await loadSettings(unit, tenant)
    const extra = docExtraOf(draft)
    const base = await getNumberingSeries(unit, tenant, draft.seriesKey)
    const prefix = extra.number_pre ?? base.prefix
    // CONSIDER_PREFIX numbers each prefix on its own (§2.11 settings number_range_mode).
    const seriesKey =
      settings.number_range_mode === 'CONSIDER_PREFIX' && prefix !== base.prefix
        ? `${draft.seriesKey}/${prefix}`
        : draft.seriesKey
    if (seriesKey !== draft.seriesKey) await updateDraftInvoice(unit, tenant, draft.invoiceId, { seriesKey })
    const series = seriesKey === draft.seriesKey ? base : await getNumberingSeries(unit, tenant, seriesKey)
    const padding = extra.number_length === undefined ? series.padding : Number(extra.number_length)
    const chosen = extra.number === undefined ? undefined : BigInt(extra.number)
    await setNumberingSeries(unit, tenant, seriesKey, {
      prefix,
      padding,
      ...(chosen === undefined ? {} : { nextNumber: chosen }),
    })
    await approveInvoice(unit, tenant, draft.invoiceId)
    await setNumberingSeries(unit, tenant, seriesKey, {
      prefix: series.prefix,
      padding: series.padding,
      ...(chosen === undefined
        ? {}
        : { nextNumber: chosen >= series.nextNumber ? chosen + 1n : series.nextNumber }),
    })
    await markOverdueInvoices(unit, tenant, { invoiceIds: [draft.invoiceId] })
    const approved = await getInvoice(unit, tenant, draft.invoiceId)
    const [clients, organization] = await Promise.all([
      contactNosOf(unit, tenant, [approved.contactId]),
      getOrganization(unit, tenant),
    ])
    const values = placeholderValues({
      document: approved,
      client: clients.get(approved.contactId),
      companyName: organization.name,
      publicBaseUrl: options.publicBaseUrl,
    })
    return setInvoiceExtra(unit, tenant, draft.invoiceId, (invoice) => ({
      ...invoice.extra,
      billomat: {
        ...docExtraOf(invoice),
        ...frozenTexts(invoice, values),
        number_pre: prefix,
        number_length: String(padding),
        ...(options.templateId === undefined ? {} : { template_id: String(options.templateId) }),
      },
    }))
  })
}
