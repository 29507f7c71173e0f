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
import {
  getNumberingSeries,
  type SeriesState,
  setNumberingSeries,
} from '../../../core/invoices/numbering-series.ts'
import { setInvoiceExtra } from '../../../core/invoices/set-invoice-extra.ts'
import { updateDraftInvoice } from '../../../core/invoices/update-draft-invoice.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { organizationToday } from '../../../core/organizations/organization-today.ts'
import type { InvoiceHead } from '../../../core/queries/find-by-number.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { contactNosOf } from '../ids.ts'
import { loadSettings, type Settings } from '../settings.ts'
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

type NumberingPlan = Readonly<{
  seriesKey: string
  prefix: string
  padding: number
  chosen: bigint | undefined
  /** The series as it was, to put back after the approval; absent when nothing is changed. */
  restore: SeriesState | undefined
  /** Whether the document's prefix and padding are kept in its extra (see to-wire numberParts). */
  keepFormat: boolean
}>

/** How the document is numbered: the series as it stands, or set for it alone (§4 completion). */
async function numberingPlan(
  unit: CoreContext,
  tenant: Tenant,
  draft: InvoiceHead,
  settings: Settings,
): Promise<NumberingPlan | undefined> {
  const extra = docExtraOf(draft)
  const isInvoice = draft.kind === 'invoice'
  const explicit =
    extra.number_pre !== undefined || extra.number !== undefined || extra.number_length !== undefined
  const considerPrefix = settings.number_range_mode === 'CONSIDER_PREFIX'
  // Without a chosen format an invoice is numbered by the series as it stands: nothing to set.
  if (isInvoice && !explicit && !considerPrefix) return undefined
  // Credit notes are numbered in their own series by the core's credit (credit-invoice.ts).
  const baseKey = isInvoice ? draft.seriesKey : 'credit_note'
  const base = await getNumberingSeries(unit, tenant, baseKey)
  const prefix =
    extra.number_pre ?? (isInvoice ? base.prefix : (settings.credit_note_number_pre ?? base.prefix))
  // CONSIDER_PREFIX numbers each invoice prefix on its own (§2.11 settings number_range_mode).
  const considered = isInvoice && considerPrefix && prefix !== base.prefix
  const seriesKey = considered ? `${baseKey}/${prefix}` : baseKey
  if (considered) await updateDraftInvoice(unit, tenant, draft.invoiceId, { seriesKey })
  const series = considered ? await getNumberingSeries(unit, tenant, seriesKey) : base
  const length = extra.number_length ?? (isInvoice ? undefined : settings.credit_note_number_length)
  const padding = length === undefined ? series.padding : Number(length)
  const chosen = extra.number === undefined ? undefined : BigInt(extra.number)
  const reformat = prefix !== series.prefix || padding !== series.padding || chosen !== undefined
  return {
    seriesKey,
    prefix,
    padding,
    chosen,
    restore: reformat ? series : undefined,
    // A prefix ending in a digit cannot be told from the number's own digits later, so it is kept.
    keepFormat: /\d$/.test(prefix) || extra.number_pre !== undefined || extra.number_length !== undefined,
  }
}

async function approveWithPlan(
  unit: CoreContext,
  tenant: Tenant,
  draft: InvoiceHead,
  plan: NumberingPlan | undefined,
): Promise<Invoice> {
  const restore = plan?.restore
  const chosen = plan?.chosen
  if (plan && restore)
    await setNumberingSeries(unit, tenant, plan.seriesKey, {
      prefix: plan.prefix,
      padding: plan.padding,
      ...(chosen === undefined ? {} : { nextNumber: chosen }),
    })
  const approved =
    draft.kind === 'invoice'
      ? await approveInvoice(unit, tenant, draft.invoiceId)
      : await issueCreditDraft(unit, tenant, draft.invoiceId)
  // The series is put back, past a chosen number, so the next document is numbered as before.
  if (plan && restore)
    await setNumberingSeries(unit, tenant, plan.seriesKey, {
      prefix: restore.prefix,
      padding: restore.padding,
      ...(chosen === undefined
        ? {}
        : { nextNumber: chosen >= restore.nextNumber ? chosen + 1n : restore.nextNumber }),
    })
  return approved
}

export async function completeDocument(
  core: CoreContext,
  tenant: Tenant,
  draft: InvoiceHead,
  options: CompleteOptions,
): Promise<Invoice> {
  return inOneTransaction(core, async (unit) => {
    const settings = await loadSettings(unit, tenant)
    const plan = await numberingPlan(unit, tenant, draft, settings)
    let approved = await approveWithPlan(unit, tenant, draft, plan)
    // Completed after its due date, an invoice is OVERDUE at once (§4).
    if (
      approved.kind === 'invoice' &&
      approved.dueDate !== null &&
      approved.dueDate < (await organizationToday(unit, tenant))
    ) {
      await markOverdueInvoices(unit, tenant, { invoiceIds: [approved.invoiceId] })
      approved = await getInvoice(unit, tenant, approved.invoiceId)
    }
    const extra = docExtraOf(draft)
    const texts = ['title', 'label', 'intro', 'note'].map(
      (field) => extra[field] ?? (field === 'note' ? approved.notes : ''),
    )
    const placeholders = texts.some((text) => text?.includes('['))
    if (!placeholders && !plan?.keepFormat && options.templateId === undefined) return approved
    const values = placeholders ? await valuesOf(unit, tenant, approved, options.publicBaseUrl) : {}
    return setInvoiceExtra(unit, tenant, approved.invoiceId, (invoice) => ({
      ...invoice.extra,
      billomat: {
        ...docExtraOf(invoice),
        ...(placeholders ? frozenTexts(invoice, values) : {}),
        ...(plan?.keepFormat ? { number_pre: plan.prefix, number_length: String(plan.padding) } : {}),
        ...(options.templateId === undefined ? {} : { template_id: String(options.templateId) }),
      },
    }))
  })
}
