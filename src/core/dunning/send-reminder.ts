// Sends the next reminder of overdue invoices: counts each one's dunning clock to today, charges
// the level's fee, the business compensation and the interest earned since the last charge (each
// a fee entry in the ledger and part of the invoice's fees), records the reminder with its level
// and day, and queues the reminder document through the invoice's delivery channels. One
// transaction for a whole batch, in a fixed number of statements, because the scheduler sends
// thousands a day; a reminder sent on request is a batch of one through the same code.
// The invariants it protects hold for every dialect and for the scheduler alike: one reminder per
// invoice per day (the database's unique key says so too), levels in order, and every amount a
// reminder asks for posted to the ledger in the transaction that queues it.

import { DomainError, invalidField } from '../../domain/errors.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { enqueueOutboxAll, recordAndAnnounceAll } from '../events/record-event.ts'
import { checkChannels, deliveryRows } from '../invoices/send-invoice.ts'
import { loadChart, postEntries } from '../ledger/post-entry.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { type DunningFacts, loadDunningFacts } from './dunning-facts.ts'
import { chargeEntries, lockReminderBatch, type PlannedReminder, planReminder } from './reminder-batch.ts'
import { type ReminderChannels, reminderChannels } from './reminder-channels.ts'
import { saveReminderProgress, updateInvoiceFees } from './reminder-writes.ts'

/** The event every reminder records, whoever sends it; the dialects' event logs read it. */
export const REMINDER_SENT_EVENT = 'invoice.reminder_sent'

export type SendReminderInput = Readonly<{
  invoiceId: string
  /** Set by the scheduler; a reminder sent on request leaves it out. */
  automatic?: boolean
  /** The level the caller expects to send; refused when another step got there first. */
  level?: number
  /** A fee chosen instead of the level's own; the statutory limits still apply. */
  feeMinor?: bigint
  /** Days given to pay instead of the organization's (a reminder made on request may say). */
  payByDays?: number
  message?: string
  /** Where the reminder goes; an empty set records it undelivered (the client prints it itself). */
  channels?: ReminderChannels
}>

export type SentReminder = Readonly<{
  invoiceId: string
  level: number
  remindedOn: string
  payByOn: string
  feeMinor: bigint
  compensationMinor: bigint
  interestMinor: bigint
  outboxIds: Readonly<Record<string, string>>
}>

/** Bounds one call; the scheduler's batches are smaller. */
export const MAX_REMINDERS_PER_CALL = 500

export async function sendReminder(
  context: CoreContext,
  tenant: Tenant,
  input: SendReminderInput,
): Promise<SentReminder> {
  if (input.feeMinor !== undefined && input.feeMinor < 0n)
    throw invalidField('fee', 'a reminder fee must not be negative')
  if (input.payByDays !== undefined && !(Number.isInteger(input.payByDays) && input.payByDays >= 1))
    throw invalidField('payByDays', 'a reminder gives at least one whole day to pay')
  const [sent] = await inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const facts = await loadDunningFacts(unit, tx, tenant.organizationId)
      return sendRemindersWithin(unit, tx, tenant, facts, [input])
    }),
  )
  return sent as SentReminder
}

/** Reminders for a batch of invoices inside the caller's transaction; all are sent, or none. */
export async function sendRemindersWithin(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  facts: DunningFacts,
  inputs: readonly SendReminderInput[],
): Promise<SentReminder[]> {
  if (inputs.length === 0) return []
  if (inputs.length > MAX_REMINDERS_PER_CALL)
    throw new DomainError('limit_exceeded', `at most ${MAX_REMINDERS_PER_CALL} reminders in one call`)
  const org = tenant.organizationId
  const now = nowIso(unit)
  const locked = await lockReminderBatch(unit.storage, tx, org, inputs, now)
  const planned = inputs.map((input) => planReminder(facts, locked, input))
  const chart = await loadChart(tx, org)
  await postEntries(
    tx,
    org,
    planned.flatMap((plan) => chargeEntries(chart, facts.today, plan)),
    now,
  )
  await updateInvoiceFees(
    tx,
    org,
    planned.map((plan) => ({
      invoiceId: plan.invoice.invoice_id,
      // remind, then addFee when something was charged: both keep an overdue invoice overdue.
      state: plan.chargedMinor > 0n ? nextState(plan.remindedState, 'addFee') : plan.remindedState,
      feesAddedMinor: plan.chargedMinor,
    })),
    now,
  )
  const deliveries = planned.map((plan, index) =>
    deliveryOf(facts, plan, inputs[index] as SendReminderInput, now),
  )
  const outboxIds = await enqueueOutboxAll(tx, deliveries.flat())
  await recordAndAnnounceAll(
    tx,
    planned.map((plan, index) =>
      reminderEvent(facts, plan, inputs[index] as SendReminderInput, deliveries[index] ?? [], now),
    ),
  )
  await saveReminderProgress(
    tx,
    org,
    facts.today,
    planned.map((plan, index) => ({
      ...plan,
      channels: (deliveries[index] ?? []).map((row) => row.channel),
      automatic: inputs[index]?.automatic ?? false,
    })),
    now,
  )
  let next = 0
  return planned.map((plan, index) => {
    const rows = deliveries[index] ?? []
    const ids = Object.fromEntries(rows.map((row) => [row.channel, outboxIds[next++] as string]))
    return {
      invoiceId: plan.invoice.invoice_id,
      level: plan.level,
      remindedOn: facts.today,
      payByOn: plan.payByOn,
      feeMinor: plan.charges.feeMinor,
      compensationMinor: plan.charges.compensationMinor,
      interestMinor: plan.interestMinor,
      outboxIds: ids,
    }
  })
}

function deliveryOf(facts: DunningFacts, plan: PlannedReminder, input: SendReminderInput, now: string) {
  const { invoice } = plan
  if (input.channels && Object.keys(input.channels).length === 0) return []
  const channels = checkChannels(
    input.channels ??
      reminderChannels(
        { number: invoice.number, recipient: plan.recipient },
        invoice.contact_email,
        facts.settings.reminderChannel,
      ),
  )
  return deliveryRows(
    facts.organizationId,
    { invoiceId: invoice.invoice_id, caseId: invoice.case_id },
    channels,
    {
      level: plan.level,
      remindedOn: facts.today,
      payByOn: plan.payByOn,
      interestChargedMinor: plan.row.interest_charged_minor + plan.interestMinor,
    },
    now,
  )
}

function reminderEvent(
  facts: DunningFacts,
  plan: PlannedReminder,
  input: SendReminderInput,
  deliveries: readonly Readonly<{ channel: string }>[],
  now: string,
) {
  const message = input.message ?? plan.row.reminder_text
  return {
    organizationId: facts.organizationId,
    type: REMINDER_SENT_EVENT,
    caseId: plan.invoice.case_id,
    invoiceId: plan.invoice.invoice_id,
    data: {
      channels: deliveries.map((row) => row.channel),
      reminderNo: plan.level,
      remindedOn: facts.today,
      payByOn: plan.payByOn,
      feeMinor: plan.charges.feeMinor + plan.charges.compensationMinor,
      interestMinor: plan.interestMinor,
      automatic: input.automatic ?? false,
      ...(message ? { message } : {}),
    },
    visibleToRecipient: true,
    occurredAt: now,
  }
}
