// Moves open invoices whose due date has passed to overdue, each with its event, in one
// transaction. Called by the scheduler for the whole organization, and by use cases that can
// produce an already-late open invoice (approving a back-dated draft), for the ones they touched.

import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from './lock-invoice.ts'

/** Bounds one call; the scheduler calls again while a full batch comes back. */
export const OVERDUE_BATCH_SIZE = 500

export async function markOverdueInvoices(
  context: CoreContext,
  tenant: Tenant,
  options: Readonly<{ invoiceIds?: readonly string[] }> = {},
): Promise<number> {
  const org = tenant.organizationId
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const organization = await organizationOf(tx, org)
    const today = todayFor(context, organization.clock_offset_days)
    let query = tx
      .selectFrom('invoices')
      .select('invoice_id')
      .where('organization_id', '=', org)
      .where('state', '=', 'open')
      .where('due_date', '<', today)
      .orderBy('invoice_seq')
      .limit(OVERDUE_BATCH_SIZE)
    if (options.invoiceIds) query = query.where('invoice_id', 'in', [...options.invoiceIds, ''])
    const rows = await query.execute()
    for (const row of rows) {
      const invoice = await lockInvoice(context.storage, tx, org, row.invoice_id)
      // Another transaction may have paid it between the search and the lock.
      if (invoice.state !== 'open' || invoice.dueDate === null || invoice.dueDate >= today) continue
      await saveLockedInvoice(tx, org, invoice, { state: nextState(invoice.state, 'becomeOverdue') }, now)
      await recordAndAnnounce(tx, {
        organizationId: org,
        type: 'invoice.overdue',
        caseId: invoice.caseId,
        invoiceId: invoice.invoiceId,
        data: { dueDate: invoice.dueDate },
        occurredAt: now,
      })
    }
    return rows.length
  })
}
