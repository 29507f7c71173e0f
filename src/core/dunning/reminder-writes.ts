// The write half of sending reminders in a batch: the invoices' new fees and state in one UPDATE,
// and the reminders and dunning progress in one INSERT each. The invoices and dunning rows were
// locked by reminder-batch.ts in the same transaction, so the values written are the ones read.

import { sql } from 'kysely'
import type { Tx } from '../../storage/database.ts'
import type { PlannedReminder } from './reminder-batch.ts'

export type InvoiceFeeChange = Readonly<{ invoiceId: string; state: string; feesAddedMinor: bigint }>

/**
 * Adds each invoice's charges to its fees and sets its state, bumping the version as every
 * lifecycle change does (see saveLockedInvoice): one statement for the batch, with a CASE per column.
 */
export async function updateInvoiceFees(
  tx: Tx,
  org: string,
  changes: readonly InvoiceFeeChange[],
  now: string,
): Promise<void> {
  if (changes.length === 0) return
  const fees = sql.join(
    changes.map(
      (change) => sql`when ${change.invoiceId} then cast(${change.feesAddedMinor.toString()} as bigint)`,
    ),
    sql` `,
  )
  const states = sql.join(
    changes.map((change) => sql`when ${change.invoiceId} then ${change.state}`),
    sql` `,
  )
  await tx
    .updateTable('invoices')
    .set((eb) => ({
      fees_minor: sql<bigint>`fees_minor + case invoice_id ${fees} else 0 end`,
      state: sql<string>`case invoice_id ${states} else state end`,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('organization_id', '=', org)
    .where(
      'invoice_id',
      'in',
      changes.map((change) => change.invoiceId),
    )
    .execute()
}

export type ReminderSent = Readonly<{ channels: readonly string[]; automatic: boolean }>

export async function saveReminderProgress(
  tx: Tx,
  org: string,
  today: string,
  planned: readonly (PlannedReminder & ReminderSent)[],
  now: string,
): Promise<void> {
  if (planned.length === 0) return
  await tx
    .insertInto('dunning_reminders')
    .values(
      planned.map((plan) => ({
        organization_id: org,
        invoice_id: plan.invoice.invoice_id,
        level: plan.level,
        reminded_on: today,
        pay_by_on: plan.payByOn,
        fee_minor: plan.charges.feeMinor,
        compensation_minor: plan.charges.compensationMinor,
        interest_minor: plan.interestMinor,
        channels: JSON.stringify(plan.channels),
        automatic: plan.automatic,
        created_at: now,
      })),
    )
    .execute()
  await tx
    .insertInto('dunning_invoices')
    .values(
      planned.map((plan) => ({
        ...progressOf(plan, today),
        organization_id: org,
        invoice_id: plan.invoice.invoice_id,
        updated_at: now,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['organization_id', 'invoice_id']).doUpdateSet((eb) => ({
        overdue_days: eb.ref('excluded.overdue_days'),
        counted_through: eb.ref('excluded.counted_through'),
        interest_numerator: eb.ref('excluded.interest_numerator'),
        interest_charged_minor: eb.ref('excluded.interest_charged_minor'),
        fees_charged_minor: eb.ref('excluded.fees_charged_minor'),
        compensation_charged_minor: eb.ref('excluded.compensation_charged_minor'),
        level: eb.ref('excluded.level'),
        fee_reminders: eb.ref('excluded.fee_reminders'),
        last_fee_on: eb.ref('excluded.last_fee_on'),
        last_reminded_on: eb.ref('excluded.last_reminded_on'),
        last_pay_by_on: eb.ref('excluded.last_pay_by_on'),
        failed_on: eb.ref('excluded.failed_on'),
        failure: eb.ref('excluded.failure'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute()
}

function progressOf(plan: PlannedReminder, today: string) {
  const { row, counted, charges } = plan
  const feeCharged = charges.feeMinor > 0n
  return {
    ...row,
    overdue_days: counted.overdue_days,
    counted_through: counted.counted_through,
    interest_numerator: counted.interest_numerator,
    interest_charged_minor: row.interest_charged_minor + plan.interestMinor,
    fees_charged_minor: row.fees_charged_minor + charges.feeMinor,
    compensation_charged_minor: row.compensation_charged_minor + charges.compensationMinor,
    level: plan.level,
    fee_reminders: row.fee_reminders + (feeCharged ? 1 : 0),
    last_fee_on: feeCharged ? today : row.last_fee_on,
    last_reminded_on: today,
    last_pay_by_on: plan.payByOn,
    failed_on: null,
    failure: null,
  }
}
