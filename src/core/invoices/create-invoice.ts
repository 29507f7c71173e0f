// Creates a draft invoice in a new case. Nothing is numbered or posted yet: that is approval.

import { invalidField, notFound } from '../../domain/errors.ts'
import { parseDiscount, storedDiscount } from '../../domain/invoicing/draft.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { Tx } from '../../storage/database.ts'
import { newId, newToken } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { recordEvent } from '../events/record-event.ts'
import { discountToText, lineRows, loadInvoice, totalsColumns } from './invoice-record.ts'
import { type DraftInvoiceInput, type ResolvedDraft, resolveDraft } from './resolve-draft.ts'

export type CreateInvoiceOptions = Readonly<{
  caseExtra?: Readonly<Record<string, unknown>>
  /** Adds the invoice to an existing case of the same contact instead of opening a new one. */
  caseId?: string
  /**
   * A draft credit note (of `creditedInvoiceId`, when known), for vendors whose credit notes are
   * written as drafts first; issue-credit-draft.ts completes it through creditInvoice.
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
  const invoiceId = await context.storage.db
    .transaction()
    .execute((tx) => createWithin(context, tx, tenant, input, options))
  const invoice = await loadInvoice(context.storage.db, tenant.organizationId, invoiceId)
  if (!invoice) throw new Error('created invoice not found')
  return invoice
}

async function openCase(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  contactId: string,
  options: CreateInvoiceOptions,
  now: string,
): Promise<string> {
  if (options.caseId) {
    const existing = await tx
      .selectFrom('cases')
      .select(['case_id', 'contact_id'])
      .where('organization_id', '=', tenant.organizationId)
      .where('case_id', '=', options.caseId)
      .executeTakeFirst()
    if (!existing) throw notFound('case', options.caseId)
    if (existing.contact_id !== contactId)
      throw invalidField('contactId', 'an invoice joins a case of the same contact only')
    return existing.case_id
  }
  const caseId = newId()
  const caseNo = await takeCounter(context.storage, tx, tenant.organizationId, 'case')
  await tx
    .insertInto('cases')
    .values({
      organization_id: tenant.organizationId,
      case_id: caseId,
      case_no: caseNo,
      contact_id: contactId,
      page_token: newToken(),
      extra: JSON.stringify(options.caseExtra ?? {}),
      created_at: now,
      updated_at: now,
    })
    .execute()
  return caseId
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

export type CreatedDraft = Readonly<{ invoiceId: string; caseId: string; contactId: string }>

/** Creates the draft inside a caller's transaction; says where it went, for callers that go on. */
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
  const caseId = await openCase(context, tx, tenant, draft.contactId, options, now)
  await tx
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
    .execute()
  if (draft.lines.length > 0)
    await tx
      .insertInto('invoice_lines')
      .values(lineRows(tenant.organizationId, invoiceId, draft.lines, draft.totals))
      .execute()
  await recordEvent(tx, {
    organizationId: tenant.organizationId,
    type: 'invoice.created',
    caseId,
    invoiceId,
    occurredAt: now,
  })
  return { invoiceId, caseId, contactId: draft.contactId }
}
