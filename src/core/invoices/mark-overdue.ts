// Moves open invoices whose due date has passed to overdue, each with its event, in one
// transaction and a bounded number of statements. Called by the scheduler for the whole organization, and by use cases that can
// produce an already-late open invoice (approving a back-dated draft), for the ones they touched.

import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { recordAndAnnounceAll } from '../events/record-event.ts'
import { organizationOf } from './lock-invoice.ts'

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
      // An open stand-alone credit note is owed to the customer: it never falls overdue.
      .where('kind', '=', 'invoice')
      // Oldest due first, the order of the (organization, state, due date) index, so a batch reads
      // only the rows it moves however many open invoices are not due yet.
      .orderBy('due_date')
      .orderBy('invoice_seq')
      .limit(OVERDUE_BATCH_SIZE)
    if (options.invoiceIds) query = query.where('invoice_id', 'in', [...options.invoiceIds, ''])
    const rows = await query.execute()
    if (rows.length === 0) return 0
    // One UPDATE for the batch: it takes each row's lock and checks the row again under it, so an
    // invoice paid or given a respite between the search and the lock is left as it is. The state
    // comes from the lifecycle table like every other change; only open invoices are selected.
    const moved = await tx
      .updateTable('invoices')
      .set((eb) => ({
        state: nextState('open', 'becomeOverdue'),
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('organization_id', '=', org)
      .where(
        'invoice_id',
        'in',
        rows.map((row) => row.invoice_id),
      )
      .where('state', '=', 'open')
      .where('due_date', '<', today)
      .returning(['invoice_id', 'case_id', 'due_date'])
      .execute()
    await recordAndAnnounceAll(
      tx,
      moved.map((invoice) => ({
        organizationId: org,
        type: 'invoice.overdue',
        caseId: invoice.case_id,
        invoiceId: invoice.invoice_id,
        data: { dueDate: invoice.due_date },
        occurredAt: now,
      })),
    )
    return rows.length
  })
}
