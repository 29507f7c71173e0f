// Creates, edits and deletes a case as one object: its draft invoice, its callback subscription
// and its attachment, and on create optionally its issue (approval and sending) too, all in one
// transaction with the callbacks of what happened. A dialect whose vendor creates and sends in
// one request (Billogram's on_success) gets both or neither.

import { notFound } from '../../domain/errors.ts'
import type { Tx } from '../../storage/database.ts'
import { type CallbackInput, putCallbackWithin } from '../callbacks/callback-subscriptions.ts'
import { type CallbackRenderer, enqueueCaseCallbacks } from '../callbacks/enqueue-case-callbacks.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { type InvoiceDunningOverrides, setInvoiceDunningWithin } from '../dunning/set-invoice-dunning.ts'
import { createDraftWithin } from '../invoices/create-invoice.ts'
import { deleteDraftInvoice } from '../invoices/delete-draft-invoice.ts'
import type { DraftInvoiceInput } from '../invoices/resolve-draft.ts'
import { type DraftPatch, updateDraftInvoice } from '../invoices/update-draft-invoice.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { type AttachmentInput, putAttachmentWithin } from './case-attachment.ts'
import { loadCase, primaryInvoiceOf } from './case-details.ts'
import { type CaseDetails, caseDetailsOf } from './get-case.ts'
import { type CaseCommand, performOnNewCase } from './run-case-command.ts'

export type CaseParts = Readonly<{
  /** Undefined leaves it as it is; null removes it. */
  callback?: CallbackInput | null
  attachment?: AttachmentInput | null
  /** The primary invoice's own dunning terms; each override left out stays as it is. */
  dunning?: InvoiceDunningOverrides
}>

export type NewCaseInput = CaseParts &
  Readonly<{
    draft: DraftInvoiceInput
    followUp?: CaseCommand
    /** A stand-alone credit invoice (a negative total that credits no invoice) instead of a debit invoice. */
    standaloneCredit?: boolean
  }>

export type CaseEdit = CaseParts & Readonly<{ draft?: DraftPatch }>

export type SaveCaseOptions = Readonly<{ announce?: CallbackRenderer }>

type Saved = Readonly<{ caseId: string; invoiceId: string }>

async function saveParts(unit: CoreContext, tx: Tx, tenant: Tenant, saved: Saved, parts: CaseParts) {
  const { caseId, invoiceId } = saved
  if (parts.callback !== undefined) await putCallbackWithin(unit, tx, tenant, caseId, parts.callback)
  if (parts.attachment !== undefined) await putAttachmentWithin(unit, tx, tenant, caseId, parts.attachment)
  if (parts.dunning && Object.keys(parts.dunning).length > 0)
    await setInvoiceDunningWithin(unit, tx, tenant, invoiceId, parts.dunning)
}

function inTransaction<T>(context: CoreContext, work: (unit: CoreContext, tx: Tx) => Promise<T>): Promise<T> {
  return inOneTransaction(context, (unit) => unit.storage.db.transaction().execute((tx) => work(unit, tx)))
}

export async function createCase(
  context: CoreContext,
  tenant: Tenant,
  input: NewCaseInput,
  options: SaveCaseOptions = {},
): Promise<CaseDetails> {
  const caseId = await inTransaction(context, async (unit, tx) => {
    const created = await createDraftWithin(
      unit,
      tx,
      tenant,
      input.draft,
      input.standaloneCredit ? { kind: 'credit_note' } : {},
    )
    const { caseId } = created
    await saveParts(unit, tx, tenant, created, input)
    if (input.followUp) await performOnNewCase(unit, tx, tenant, created, input.followUp)
    if (options.announce) await enqueueCaseCallbacks(unit, tx, tenant, caseId, options.announce)
    return caseId
  })
  // Read after the commit, so the write transaction (which SQLite serializes) stays short.
  return caseDetailsOf(context.storage.db, tenant, caseId)
}

/** Edits the case; its draft only while it is a draft, the rest in any state. */
export async function updateCase(
  context: CoreContext,
  tenant: Tenant,
  caseId: string,
  edit: CaseEdit,
  options: SaveCaseOptions = {},
): Promise<CaseDetails> {
  await inTransaction(context, async (unit, tx) => {
    const record = await loadCase(tx, tenant.organizationId, caseId)
    const primary = record && primaryInvoiceOf(record)
    if (!primary) throw notFound('case', caseId)
    if (edit.draft && Object.keys(edit.draft).length > 0)
      await updateDraftInvoice(unit, tenant, primary.invoiceId, edit.draft)
    await saveParts(unit, tx, tenant, { caseId, invoiceId: primary.invoiceId }, edit)
    if (options.announce) await enqueueCaseCallbacks(unit, tx, tenant, caseId, options.announce)
  })
  return caseDetailsOf(context.storage.db, tenant, caseId)
}

/** Deletes a case whose invoice is still a draft, with everything hung on it; returns it as it was. */
export async function deleteDraftCase(
  context: CoreContext,
  tenant: Tenant,
  caseId: string,
): Promise<CaseDetails> {
  const org = tenant.organizationId
  return inTransaction(context, async (unit, tx) => {
    const before = await caseDetailsOf(tx, tenant, caseId)
    const primary = primaryInvoiceOf(before)
    if (!primary) throw notFound('case', caseId)
    await deleteDraftInvoice(unit, tenant, primary.invoiceId)
    for (const table of ['callback_subscriptions', 'announce_cursors', 'case_attachments'] as const)
      await tx.deleteFrom(table).where('organization_id', '=', org).where('case_id', '=', caseId).execute()
    return before
  })
}
