// Creates a draft invoice in a new case. Nothing is numbered or posted yet: that is approval.

import { invalidField, notFound } from '../../domain/errors.ts'
import { parseDiscount, storedDiscount } from '../../domain/invoicing/draft.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { Tx } from '../../storage/database.ts'
import { newId, newToken } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { type CaseInfo, discountToText, invoiceFromRows, lineRows, totalsColumns } from './invoice-record.ts'
import { type DraftInvoiceInput, type ResolvedDraft, resolveDraft } from './resolve-draft.ts'

export type CreateInvoiceOptions = Readonly<{
  caseExtra?: Readonly<Record<string, unknown>>
  /** Adds the invoice to an existing case of the same contact instead of opening a new one. */
  caseId?: string
  /**
   * A draft credit note (of `creditedInvoiceId`, when known), for vendors whose credit notes are
   * written as drafts first; issue-credit-draft.ts issues it in place. A credit note of an invoice
   * is written in that invoice's case.
   */
  kind?: 'invoice' | 'credit_note'
  creditedInvoiceId?: string
}>

export function draftColumns(draft: ResolvedDraft) {
  return {
    contact_id: draft.contactId,
    currency: draft.currency,
    invoice_date: draft.invoiceDate,
    due_date: draft.dueDate,
    delivery_date: draft.deliveryDate,
    payment_terms_days: draft.paymentTermsDays,
    price_basis: draft.priceBasis,
    rounding_scope: draft.roundingScope,
    document_discount: discountToText(
      storedDiscount(parseDiscount(draft.documentDiscount, 'documentDiscount')),
    ),
    our_reference: draft.ourReference,
    your_reference: draft.yourReference,
    notes: draft.notes,
    locale: draft.locale,
    series_key: draft.seriesKey,
    ...totalsColumns(draft.totals),
    extra: JSON.stringify(draft.extra),
  }
}

export async function createInvoice(
  context: CoreContext,
  tenant: Tenant,
  input: DraftInvoiceInput,
  options: CreateInvoiceOptions = {},
): Promise<Invoice> {
  const created = await context.storage.db
    .transaction()
    .execute((tx) => createDraftWithin(context, tx, tenant, input, options))
  return created.invoice
}

async function openCase(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  contactId: string,
  options: CreateInvoiceOptions,
  now: string,
): Promise<{ caseId: string; caseInfo: CaseInfo }> {
  if (options.caseId) {
    const existing = await tx
      .selectFrom('cases')
      .select(['case_id', 'contact_id', 'case_no', 'page_token'])
      .where('organization_id', '=', tenant.organizationId)
      .where('case_id', '=', options.caseId)
      .executeTakeFirst()
    if (!existing) throw notFound('case', options.caseId)
    if (existing.contact_id !== contactId)
      throw invalidField('contactId', 'an invoice joins a case of the same contact only')
    return {
      caseId: existing.case_id,
      caseInfo: { caseNo: existing.case_no, pageToken: existing.page_token },
    }
  }
  const caseId = newId()
  const caseNo = await takeCounter(context.storage, tx, tenant.organizationId, 'case')
  const pageToken = newToken()
  await tx
    .insertInto('cases')
    .values({
      organization_id: tenant.organizationId,
      case_id: caseId,
      case_no: caseNo,
      contact_id: contactId,
      page_token: pageToken,
      extra: JSON.stringify(options.caseExtra ?? {}),
      created_at: now,
      updated_at: now,
    })
    .execute()
  return { caseId, caseInfo: { caseNo, pageToken } }
}

async function creditedCaseOf(tx: Tx, tenant: Tenant, creditedInvoiceId: string): Promise<string> {
  const credited = await tx
    .selectFrom('invoices')
    .select(['case_id', 'kind'])
    .where('organization_id', '=', tenant.organizationId)
    .where('invoice_id', '=', creditedInvoiceId)
    .executeTakeFirst()
  if (!credited) throw notFound('invoice', creditedInvoiceId)
  if (credited.kind !== 'invoice')
    throw invalidField('creditedInvoiceId', 'a credit note credits an invoice, not another credit note')
  return credited.case_id
}

/** Creates the draft inside a caller's transaction and returns its id. */
export async function createWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  input: DraftInvoiceInput,
  options: CreateInvoiceOptions = {},
): Promise<string> {
  return (await createDraftWithin(context, tx, tenant, input, options)).invoiceId
}

export type CreatedDraft = Readonly<{
  invoiceId: string
  caseId: string
  contactId: string
  invoice: Invoice
}>

/**
 * Creates the draft inside a caller's transaction and hands it back as written (the inserts return
 * their rows), so neither the caller nor the answer reads it again.
 */
export async function createDraftWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  input: DraftInvoiceInput,
  options: CreateInvoiceOptions = {},
): Promise<CreatedDraft> {
  const now = nowIso(context)
  const invoiceId = newId()
  const draft = await resolveDraft(tx, tenant, input)
  const caseOptions = options.creditedInvoiceId
    ? { ...options, caseId: await creditedCaseOf(tx, tenant, options.creditedInvoiceId) }
    : options
  const { caseId, caseInfo } = await openCase(context, tx, tenant, draft.contactId, caseOptions, now)
  const row = await tx
    .insertInto('invoices')
    .values({
      organization_id: tenant.organizationId,
      invoice_id: invoiceId,
      invoice_seq: await takeCounter(context.storage, tx, tenant.organizationId, 'invoice'),
      case_id: caseId,
      kind: options.kind ?? 'invoice',
      credited_invoice_id: options.creditedInvoiceId ?? null,
      state: 'draft',
      exchange_rate: null,
      number_seq: null,
      number: null,
      payment_reference: null,
      payment_reference_kind: null,
      recipient: '{}',
      paid_minor: 0n,
      credited_minor: 0n,
      written_off_minor: 0n,
      fees_minor: 0n,
      ...draftColumns(draft),
      version: 1,
      approved_at: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const lines =
    draft.lines.length > 0
      ? await tx
          .insertInto('invoice_lines')
          .values(lineRows(tenant.organizationId, invoiceId, draft.lines, draft.totals))
          .returningAll()
          .execute()
      : []
  await recordAndAnnounce(tx, {
    organizationId: tenant.organizationId,
    type: 'invoice.created',
    caseId,
    invoiceId,
    occurredAt: now,
  })
  return { invoiceId, caseId, contactId: draft.contactId, invoice: invoiceFromRows(row, lines, caseInfo) }
}
