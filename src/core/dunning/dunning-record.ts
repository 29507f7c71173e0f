// The dunning progress of one invoice as stored in dunning_invoices: the per-invoice overrides,
// the dunning clock (overdue days and exact interest), what has been charged, and the collection
// hand-over. The one place that knows those columns. A missing row is an invoice nobody has
// dunned or configured yet: it reads as all zeros, and the first write creates it.

import type { DunningPlan, DunningProgress } from '../../domain/dunning/dunning-plan.ts'
import type { DunningSettings } from '../../domain/dunning/dunning-settings.ts'
import { forUpdate, type Storage, type Tx } from '../../storage/database.ts'
import type { DunningInvoicesTable } from '../../storage/schema-automation.ts'

export type DunningRow = Omit<DunningInvoicesTable, 'organization_id' | 'invoice_id' | 'updated_at'>

export const EMPTY_DUNNING: DunningRow = {
  automatic_reminders: null,
  automatic_collection: null,
  reminder_days: null,
  reminder_text: null,
  overdue_days: 0,
  counted_through: null,
  interest_numerator: '0',
  interest_charged_minor: 0n,
  fees_charged_minor: 0n,
  compensation_charged_minor: 0n,
  level: 0,
  fee_reminders: 0,
  last_fee_on: null,
  last_reminded_on: null,
  last_pay_by_on: null,
  failed_on: null,
  failure: null,
  collection_partner: null,
  collection_reference: null,
  collection_started_on: null,
  collection_outcome: null,
  collection_closed_on: null,
  reminder_fee_minor: null,
  interest_rate: null,
  collection_after_days: null,
}

/** The schedule that applies to the invoice: its own overrides over the organization's settings. */
export function planOf(settings: DunningSettings, row: DunningRow): DunningPlan {
  return {
    automaticReminders: row.automatic_reminders ?? settings.automaticReminders,
    reminderDays: row.reminder_days ? (JSON.parse(row.reminder_days) as number[]) : settings.reminderDays,
    automaticCollection: row.automatic_collection ?? settings.automaticCollection,
    collectionAfterDays: row.collection_after_days ?? settings.collectionAfterDays,
  }
}

export function progressOf(row: DunningRow): DunningProgress {
  return {
    level: row.level,
    overdueDays: row.overdue_days,
    lastRemindedOn: row.last_reminded_on,
    lastPayByOn: row.last_pay_by_on,
  }
}

/** The row under its lock, created first if missing, for a step that changes it. */
export async function lockDunningRow(
  storage: Pick<Storage, 'engine'>,
  tx: Tx,
  organizationId: string,
  invoiceId: string,
  now: string,
): Promise<DunningRow> {
  await tx
    .insertInto('dunning_invoices')
    .values({ ...EMPTY_DUNNING, organization_id: organizationId, invoice_id: invoiceId, updated_at: now })
    .onConflict((conflict) => conflict.columns(['organization_id', 'invoice_id']).doNothing())
    .execute()
  const row = await forUpdate(
    storage,
    tx
      .selectFrom('dunning_invoices')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('invoice_id', '=', invoiceId),
  ).executeTakeFirstOrThrow()
  const { organization_id: _org, invoice_id: _invoice, updated_at: _at, ...rest } = row
  return rest
}

export async function saveDunningRow(
  tx: Tx,
  organizationId: string,
  invoiceId: string,
  changes: Partial<DunningRow>,
  now: string,
): Promise<void> {
  await tx
    .updateTable('dunning_invoices')
    .set({ ...changes, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('invoice_id', '=', invoiceId)
    .execute()
}
