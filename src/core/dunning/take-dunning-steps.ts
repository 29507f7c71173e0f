// The scheduler's dunning job: finds the overdue invoices whose next step is due today (a reminder
// or the hand-over to collection) and takes it, a bounded batch at a time. A batch runs in one
// transaction; when one invoice in it is refused (no address to send to, say), the batch is taken
// again one invoice per transaction, and the refused one is marked failed for the day, so one bad
// invoice neither blocks the others nor is retried in a loop.

import { type DunningStep, nextDunningStep } from '../../domain/dunning/dunning-plan.ts'
import { DomainError } from '../../domain/errors.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import type { BatchResult } from './count-overdue-days.ts'
import { type DunningFacts, loadDunningFacts } from './dunning-facts.ts'
import { EMPTY_DUNNING, planOf, progressOf } from './dunning-record.ts'
import { handOverWithin } from './hand-over-to-collection.ts'
import { sendRemindersWithin } from './send-reminder.ts'

/** Bounds one call: each step queues a delivery and posts to the ledger. */
export const STEP_BATCH_SIZE = 200

type DueStep = Readonly<{ invoiceId: string; step: DunningStep }>

async function dueSteps(context: CoreContext, facts: DunningFacts, afterSeq: bigint | undefined) {
  const rows = await context.storage.db
    .selectFrom('invoices as i')
    .innerJoin('dunning_invoices as d', (join) =>
      join.onRef('d.organization_id', '=', 'i.organization_id').onRef('d.invoice_id', '=', 'i.invoice_id'),
    )
    .select(['i.invoice_id', 'i.invoice_seq'])
    .select([
      'd.automatic_reminders',
      'd.automatic_collection',
      'd.reminder_days',
      'd.collection_after_days',
      'd.level',
      'd.overdue_days',
    ])
    .select(['d.last_reminded_on', 'd.last_pay_by_on'])
    .where('i.organization_id', '=', facts.organizationId)
    .where('i.state', '=', 'overdue')
    .where('i.kind', '=', 'invoice')
    .where('i.invoice_seq', '>', afterSeq ?? -1n)
    .where((eb) => eb.or([eb('d.failed_on', 'is', null), eb('d.failed_on', '<', facts.today)]))
    .where((eb) => eb.or([eb('d.last_pay_by_on', 'is', null), eb('d.last_pay_by_on', '<', facts.today)]))
    .orderBy('i.invoice_seq')
    .limit(STEP_BATCH_SIZE)
    .execute()
  const due: DueStep[] = []
  for (const row of rows) {
    const stored = { ...EMPTY_DUNNING, ...row }
    const step = nextDunningStep(planOf(facts.settings, stored), progressOf(stored), facts.today)
    if (step) due.push({ invoiceId: row.invoice_id, step })
  }
  return { scanned: rows.length, cursor: rows.at(-1)?.invoice_seq, due }
}

async function takeAll(context: CoreContext, tenant: Tenant, facts: DunningFacts, steps: readonly DueStep[]) {
  await inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const reminders = steps.flatMap((due) =>
        due.step.kind === 'remind'
          ? [{ invoiceId: due.invoiceId, automatic: true, level: due.step.level }]
          : [],
      )
      await sendRemindersWithin(unit, tx, tenant, facts, reminders)
      for (const due of steps)
        if (due.step.kind === 'collect') await handOverWithin(unit, tx, tenant, facts, due.invoiceId)
    }),
  )
}

/** One invoice's step alone; a refusal is recorded on the invoice instead of failing the job. */
async function takeAlone(
  context: CoreContext,
  tenant: Tenant,
  facts: DunningFacts,
  due: DueStep,
): Promise<boolean> {
  try {
    await takeAll(context, tenant, facts, [due])
    return true
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    // Another process took this step first: nothing failed.
    if (error.code === 'conflict') return false
    await context.storage.db
      .updateTable('dunning_invoices')
      .set({
        failed_on: facts.today,
        failure: `${error.code}: ${error.message}`,
        updated_at: nowIso(context),
      })
      .where('organization_id', '=', tenant.organizationId)
      .where('invoice_id', '=', due.invoiceId)
      .execute()
    return false
  }
}

export async function takeDunningSteps(
  context: CoreContext,
  tenant: Tenant,
  afterSeq: bigint | undefined,
): Promise<BatchResult & Readonly<{ taken: number }>> {
  const facts = await loadDunningFacts(context, context.storage.db, tenant.organizationId)
  const { scanned, cursor, due } = await dueSteps(context, facts, afterSeq)
  if (due.length === 0) return { handled: scanned, cursor, taken: 0 }
  try {
    await takeAll(context, tenant, facts, due)
    return { handled: scanned, cursor, taken: due.length }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
  }
  let taken = 0
  for (const step of due) if (await takeAlone(context, tenant, facts, step)) taken += 1
  return { handled: scanned, cursor, taken }
}
