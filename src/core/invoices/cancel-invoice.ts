// Cancels an approved invoice nothing has been settled on yet, and takes a cancellation back. A
// cancellation keeps the invoice and its number (numbers stay gap-free) and posts the mirror image
// of its approval entry; taking it back posts the approval entry again. Anything already paid,
// credited or written off must be undone or credited instead, so the ledger never reverses more
// than the invoice still claims.

import { DomainError } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { creditNoteEntry, invoiceEntry } from '../../domain/ledger/invoice-entry.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { invoicePosting } from './invoice-posting.ts'
import { loadInvoice } from './invoice-record.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from './lock-invoice.ts'
import { assertFound } from './resolve-draft.ts'

export async function cancelInvoice(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
): Promise<Invoice> {
  return changeCancellation(context, tenant, invoiceId, 'cancel')
}

/** Back to open, or straight to overdue when the due date has passed meanwhile. */
export async function uncancelInvoice(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
): Promise<Invoice> {
  return changeCancellation(context, tenant, invoiceId, 'uncancel')
}

async function changeCancellation(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
  action: 'cancel' | 'uncancel',
): Promise<Invoice> {
  const org = tenant.organizationId
  const now = nowIso(context)
  await context.storage.db.transaction().execute(async (tx) => {
    const invoice = await lockInvoice(context.storage, tx, org, invoiceId)
    let state = nextState(invoice.state, action)
    if (
      invoice.paidMinor !== 0n ||
      invoice.creditedMinor !== 0n ||
      invoice.writtenOffMinor !== 0n ||
      invoice.feesMinor !== 0n
    )
      throw new DomainError(
        'wrong_state',
        'the invoice has payments, credits, write-offs or fees: undo or credit them instead of cancelling',
        { state: invoice.state },
      )
    const organization = await organizationOf(tx, org)
    const today = todayFor(context, organization.clock_offset_days)
    if (state === 'open' && invoice.dueDate !== null && invoice.dueDate < today)
      state = nextState(state, 'becomeOverdue')
    await saveLockedInvoice(tx, org, invoice, { state }, now)
    const chart = await loadChart(tx, org)
    const label =
      action === 'cancel'
        ? `Cancellation of invoice ${invoice.number}`
        : `Invoice ${invoice.number} reinstated`
    const posting = invoicePosting(invoice, today, label, invoiceId)
    const entry = action === 'cancel' ? creditNoteEntry(chart, posting) : invoiceEntry(chart, posting)
    await postEntry(
      tx,
      org,
      entry,
      { type: action === 'cancel' ? 'cancellation' : 'reinstatement', id: invoiceId },
      now,
    )
    await recordAndAnnounce(tx, {
      organizationId: org,
      type: action === 'cancel' ? 'invoice.cancelled' : 'invoice.uncancelled',
      caseId: invoice.caseId,
      invoiceId,
      data: { state },
      visibleToRecipient: true,
      occurredAt: now,
    })
  })
  return assertFound(await loadInvoice(context.storage.db, org, invoiceId), 'invoice', invoiceId)
}
