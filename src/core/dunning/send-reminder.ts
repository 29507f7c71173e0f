// Sends the next reminder of an overdue invoice: counts the dunning clock to today, charges the
// level's fee, the business compensation and the interest earned since the last charge (each a
// fee entry in the ledger and part of the invoice's fees), records the reminder with its level
// and day, and queues the reminder document through the invoice's delivery. One transaction.
// The invariants it protects hold for every dialect and for the scheduler alike: one reminder per
// invoice per day (the database's unique key says so too), levels in order, and every amount the
// reminder asks for posted to the ledger before it leaves.

import { addDays } from '../../domain/calendar/dates.ts'
import { interestMinorOf, parseInterestNumerator } from '../../domain/dunning/interest.ts'
import { type ReminderCharges, reminderCharges } from '../../domain/dunning/reminder-charges.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { lockInvoice, saveLockedInvoice } from '../invoices/lock-invoice.ts'
import { sendInvoice } from '../invoices/send-invoice.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { chargeDunningFees } from './charge-dunning-fees.ts'
import { countedToToday, debtorOf } from './count-overdue-days.ts'
import { type DunningFacts, loadDunningFacts } from './dunning-facts.ts'
import { type DunningRow, lockDunningRow, saveDunningRow } from './dunning-record.ts'
import { type ReminderChannels, reminderChannels } from './reminder-channels.ts'

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
  message?: string
  channels?: ReminderChannels
}>

export type SentReminder = Readonly<{
  level: number
  remindedOn: string
  payByOn: string
  feeMinor: bigint
  compensationMinor: bigint
  interestMinor: bigint
  outboxIds: Readonly<Record<string, string>>
}>

export async function sendReminder(
  context: CoreContext,
  tenant: Tenant,
  input: SendReminderInput,
): Promise<SentReminder> {
  if (input.feeMinor !== undefined && input.feeMinor < 0n)
    throw invalidField('fee', 'a reminder fee must not be negative')
  return inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const facts = await loadDunningFacts(unit, tx, tenant.organizationId)
      return sendReminderWithin(unit, tx, tenant, facts, input)
    }),
  )
}

/** The reminder inside the caller's unit of work (`unit` joins `tx`), with the facts it loaded. */
export async function sendReminderWithin(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  facts: DunningFacts,
  input: SendReminderInput,
): Promise<SentReminder> {
  const org = tenant.organizationId
  const now = nowIso(unit)
  const prepared = await prepareReminder(unit, tx, facts, org, input, now)
  const { invoice, row, level, charges, interestMinor } = prepared
  const chargedMinor = await chargeDunningFees(
    tx,
    org,
    invoice,
    facts.today,
    [
      { kind: 'reminderFee', amountMinor: charges.feeMinor, description: `Reminder fee (reminder ${level})` },
      {
        kind: 'reminderFee',
        amountMinor: charges.compensationMinor,
        description: 'Compensation for late payment',
      },
      {
        kind: 'interest',
        amountMinor: interestMinor,
        description: `Late-payment interest to ${facts.today}`,
      },
    ],
    now,
  )
  const remindedState = nextState(invoice.state, 'remind')
  await saveLockedInvoice(
    tx,
    org,
    invoice,
    {
      state: chargedMinor > 0n ? nextState(remindedState, 'addFee') : remindedState,
      fees_minor: invoice.feesMinor + chargedMinor,
    },
    now,
  )
  const payByOn = addDays(facts.today, facts.settings.payByDays)
  const message = input.message ?? row.reminder_text
  const sent = await sendInvoice(unit, tenant, {
    invoiceId: invoice.invoiceId,
    ...(input.channels ?? reminderChannels(invoice, prepared.contactEmail, facts.settings.reminderChannel)),
    eventType: REMINDER_SENT_EVENT,
    eventData: {
      reminderNo: level,
      remindedOn: facts.today,
      payByOn,
      feeMinor: charges.feeMinor + charges.compensationMinor,
      interestMinor,
      automatic: input.automatic ?? false,
      ...(message ? { message } : {}),
    },
    reminder: {
      level,
      remindedOn: facts.today,
      payByOn,
      interestChargedMinor: row.interest_charged_minor + interestMinor,
    },
  })
  await recordReminder(tx, org, facts.today, prepared, {
    payByOn,
    channels: Object.keys(sent.outboxIds),
    now,
    automatic: input.automatic ?? false,
  })
  return { level, remindedOn: facts.today, payByOn, ...charges, interestMinor, outboxIds: sent.outboxIds }
}

type PreparedReminder = Readonly<{
  invoice: Invoice
  row: DunningRow
  counted: DunningRow
  contactEmail: string | null
  level: number
  charges: ReminderCharges
  interestMinor: bigint
}>

/** Locks the invoice and its dunning row, checks the reminder may go today, and works out what it charges. */
async function prepareReminder(
  unit: CoreContext,
  tx: Tx,
  facts: DunningFacts,
  org: string,
  input: SendReminderInput,
  now: string,
): Promise<PreparedReminder> {
  const invoice = await lockInvoice(unit.storage, tx, org, input.invoiceId)
  if (invoice.kind !== 'invoice')
    throw new DomainError('wrong_state', 'reminders are sent for invoices, not credit notes', {
      field: 'invoiceId',
    })
  // Refused unless the lifecycle lets this invoice be reminded (it is overdue).
  nextState(invoice.state, 'remind')
  const row = await lockDunningRow(unit.storage, tx, org, invoice.invoiceId, now)
  if (row.last_reminded_on !== null && row.last_reminded_on >= facts.today)
    throw new DomainError('conflict', 'a reminder was already sent today; the next one can go tomorrow', {
      field: 'invoiceId',
    })
  const level = row.level + 1
  if (input.level !== undefined && input.level !== level)
    throw new DomainError('conflict', `reminder ${input.level} is no longer the next one`, { field: 'level' })
  const contact = await tx
    .selectFrom('contacts')
    .select(['kind', 'email'])
    .where('organization_id', '=', org)
    .where('contact_id', '=', invoice.contactId)
    .executeTakeFirstOrThrow()
  const debtor = debtorOf(contact.kind)
  const counted = { ...row, ...countedToToday(facts, { ...invoice, debtor }, row) }
  const charges = reminderCharges(
    {
      table: facts.table,
      country: facts.country,
      baseCurrency: facts.baseCurrency,
      invoiceCurrency: invoice.currency as CurrencyCode,
      debtor,
      on: facts.today,
    },
    {
      feeMinor: input.feeMinor ?? facts.settings.reminderFeesMinor[level - 1] ?? 0n,
      chargeCompensation: facts.settings.chargeCompensation,
    },
    {
      feeRemindersSoFar: row.fee_reminders,
      lastFeeOn: row.last_fee_on,
      compensationChargedMinor: row.compensation_charged_minor,
    },
  )
  const interestMinor =
    interestMinorOf(parseInterestNumerator(counted.interest_numerator)) - row.interest_charged_minor
  return { invoice, row, counted, contactEmail: contact.email, level, charges, interestMinor }
}

async function recordReminder(
  tx: Tx,
  org: string,
  today: string,
  prepared: PreparedReminder,
  sent: Readonly<{ payByOn: string; channels: readonly string[]; now: string; automatic: boolean }>,
): Promise<void> {
  const { invoice, row, counted, level, charges, interestMinor } = prepared
  const feeCharged = charges.feeMinor > 0n
  await tx
    .insertInto('dunning_reminders')
    .values({
      organization_id: org,
      invoice_id: invoice.invoiceId,
      level,
      reminded_on: today,
      pay_by_on: sent.payByOn,
      fee_minor: charges.feeMinor,
      compensation_minor: charges.compensationMinor,
      interest_minor: interestMinor,
      channels: JSON.stringify(sent.channels),
      automatic: sent.automatic,
      created_at: sent.now,
    })
    .execute()
  await saveDunningRow(
    tx,
    org,
    invoice.invoiceId,
    {
      overdue_days: counted.overdue_days,
      counted_through: counted.counted_through,
      interest_numerator: counted.interest_numerator,
      interest_charged_minor: row.interest_charged_minor + interestMinor,
      fees_charged_minor: row.fees_charged_minor + charges.feeMinor,
      compensation_charged_minor: row.compensation_charged_minor + charges.compensationMinor,
      level,
      fee_reminders: row.fee_reminders + (feeCharged ? 1 : 0),
      last_fee_on: feeCharged ? today : row.last_fee_on,
      last_reminded_on: today,
      last_pay_by_on: sent.payByOn,
      failed_on: null,
      failure: null,
    },
    sent.now,
  )
}
