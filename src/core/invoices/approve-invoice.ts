// Approves a draft: gives it the next number of its series, its payment reference, its dates and
// a snapshot of the recipient, posts its ledger entry, and records the event and its outbox row,
// all in one transaction. After this the invoice changes only through payments and credit notes.

import { addDays, parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { invoiceEntry } from '../../domain/ledger/invoice-entry.ts'
import { paymentReferenceForInvoice } from '../../domain/payments/payment-reference.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { invoicePosting } from './invoice-posting.ts'
import { lockInvoice, organizationOf } from './lock-invoice.ts'
import { takeChosenNumber } from './take-chosen-number.ts'
import { takeNumber } from './take-number.ts'

export type ApproveOptions = Readonly<{
  invoiceDate?: string
  dueDate?: string
  /** A number chosen by hand instead of the series' next one; refused when already used. */
  number?: string
}>

export async function approveInvoice(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
  options: ApproveOptions = {},
): Promise<Invoice> {
  return context.storage.db
    .transaction()
    .execute((tx) => approveWithin(context, tx, tenant, invoiceId, options))
}

/**
 * Approves a draft the caller holds as it was created or read (createInvoice's answer, say). Only
 * its version is read, under the row lock; the whole invoice is read again only if it changed
 * since, so creating and approving in one unit of work reads the draft once.
 */
export async function approveHeldInvoice(
  context: CoreContext,
  tenant: Tenant,
  draft: Invoice,
  options: ApproveOptions = {},
): Promise<Invoice> {
  return context.storage.db.transaction().execute(async (tx) => {
    const current = await forUpdate(
      context.storage,
      tx
        .selectFrom('invoices')
        .select('version')
        .where('organization_id', '=', tenant.organizationId)
        .where('invoice_id', '=', draft.invoiceId),
    ).executeTakeFirst()
    return current?.version === draft.version
      ? approveLockedWithin(context, tx, tenant, draft, options)
      : approveWithin(context, tx, tenant, draft.invoiceId, options)
  })
}

/** The approval inside a caller's transaction, for use cases that approve as one step of more. */
export async function approveWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  invoiceId: string,
  options: ApproveOptions = {},
): Promise<Invoice> {
  const draft = await lockInvoice(context.storage, tx, tenant.organizationId, invoiceId)
  return approveLockedWithin(context, tx, tenant, draft, options)
}

/**
 * The approval of a draft the caller's transaction already holds: one it has just created (its
 * row is this transaction's own, so there is nothing to lock or read again) or has locked.
 */
export async function approveLockedWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  draft: Invoice,
  options: ApproveOptions = {},
): Promise<Invoice> {
  const org = tenant.organizationId
  const now = nowIso(context)
  const invoiceId = draft.invoiceId
  const state = nextState(draft.state, 'approve')
  if (draft.lines.length === 0)
    throw new DomainError('invalid_field', 'an invoice needs at least one line before it is approved', {
      field: 'lines',
    })
  const organization = await organizationOf(tx, org)
  const invoiceDate = options.invoiceDate
    ? parseIsoDate(options.invoiceDate, 'invoiceDate')
    : (draft.invoiceDate ?? todayFor(context, organization.clock_offset_days))
  const dueDate = options.dueDate
    ? parseIsoDate(options.dueDate, 'dueDate')
    : (draft.dueDate ?? addDays(invoiceDate, draft.paymentTermsDays ?? 30))
  if (dueDate < invoiceDate)
    throw new DomainError('invalid_field', 'due date must not be before the invoice date', {
      field: 'dueDate',
    })
  const contact = await tx
    .selectFrom('contacts')
    .select(['name', 'street', 'street2', 'zip', 'city', 'country', 'email'])
    .where('organization_id', '=', org)
    .where('contact_id', '=', draft.contactId)
    .executeTakeFirstOrThrow()
  const { numberSeq, number } =
    options.number === undefined
      ? await takeNumber(context.storage, tx, org, draft.seriesKey, invoiceDate)
      : await takeChosenNumber(tx, org, draft.seriesKey, options.number)
  const reference =
    draft.kind === 'invoice' ? paymentReferenceForInvoice(organization.country, Number(draft.caseNo)) : null
  const recipient = { ...contact, ...draft.recipient }
  await tx
    .updateTable('invoices')
    .set({
      state,
      number_seq: numberSeq,
      number,
      invoice_date: invoiceDate,
      due_date: dueDate,
      payment_reference: reference?.value ?? null,
      payment_reference_kind: reference?.kind ?? null,
      recipient: JSON.stringify(recipient),
      approved_at: now,
      updated_at: now,
      version: draft.version + 1,
    })
    .where('organization_id', '=', org)
    .where('invoice_id', '=', invoiceId)
    .execute()
  const chart = await loadChart(tx, org)
  await postEntry(
    tx,
    org,
    invoiceEntry(chart, invoicePosting(draft, invoiceDate, `Invoice ${number}`, invoiceId)),
    { type: 'invoice', id: invoiceId },
    now,
  )
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: 'invoice.approved',
    caseId: draft.caseId,
    invoiceId,
    data: { number, grossMinor: draft.grossMinor, dueDate },
    visibleToRecipient: true,
    occurredAt: now,
  })
  // Built from what this transaction wrote rather than read back: approval is the hot path.
  return {
    ...draft,
    state,
    numberSeq,
    number,
    invoiceDate,
    dueDate,
    paymentReference: reference?.value ?? null,
    paymentReferenceKind: reference?.kind ?? null,
    recipient,
    approvedAt: now,
    updatedAt: now,
    version: draft.version + 1,
  }
}
