// The read-and-decide half of sending reminders in a batch: locks the invoices and their dunning
// rows in one statement each (in invoice id order, so two batches never wait on each other in a
// circle), then works out per invoice whether it may be reminded today and what the reminder
// charges. Nothing is written here except the empty dunning rows the locks need.

import { addDays } from '../../domain/calendar/dates.ts'
import { interestMinorOf, parseInterestNumerator } from '../../domain/dunning/interest.ts'
import { type ReminderCharges, reminderCharges } from '../../domain/dunning/reminder-charges.ts'
import { DomainError, notFound } from '../../domain/errors.ts'
import type { Recipient } from '../../domain/invoicing/invoice.ts'
import { type InvoiceState, isInvoiceState, nextState } from '../../domain/invoicing/lifecycle.ts'
import type { ChartOfAccounts } from '../../domain/ledger/chart-of-accounts.ts'
import { type FeeKind, feeEntry } from '../../domain/ledger/fee-entry.ts'
import type { JournalEntryDraft } from '../../domain/ledger/journal-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Storage, Tx } from '../../storage/database.ts'
import type { EntrySource } from '../ledger/post-entry.ts'
import { type ClockInvoice, countedToToday, debtorOf } from './count-overdue-days.ts'
import type { DunningFacts } from './dunning-facts.ts'
import { type DunningRow, EMPTY_DUNNING } from './dunning-record.ts'

/** Names the refusal of a second reminder on one day, for dialects that answer it as a state. */
export const ONE_REMINDER_A_DAY = 'one_reminder_a_day'

async function loadInvoiceRows(
  storage: Pick<Storage, 'engine'>,
  tx: Tx,
  org: string,
  ids: readonly string[],
) {
  const query = tx
    .selectFrom('invoices as i')
    .innerJoin('contacts as c', (join) =>
      join.onRef('c.organization_id', '=', 'i.organization_id').onRef('c.contact_id', '=', 'i.contact_id'),
    )
    .select(['i.invoice_id', 'i.case_id', 'i.kind', 'i.state', 'i.contact_id', 'i.currency', 'i.number'])
    .select(['i.due_date', 'i.gross_minor', 'i.fees_minor', 'i.paid_minor', 'i.credited_minor'])
    .select(['i.written_off_minor', 'i.recipient', 'c.kind as contact_kind', 'c.email as contact_email'])
    .where('i.organization_id', '=', org)
    .where('i.invoice_id', 'in', ids)
    .orderBy('i.invoice_id')
  return (storage.engine === 'postgres' ? query.forUpdate('i') : query).execute()
}

export type ReminderInvoiceRow = Awaited<ReturnType<typeof loadInvoiceRows>>[number]

export type LockedBatch = Readonly<{
  invoices: ReadonlyMap<string, ReminderInvoiceRow>
  rows: ReadonlyMap<string, DunningRow>
}>

export async function lockReminderBatch(
  storage: Pick<Storage, 'engine'>,
  tx: Tx,
  org: string,
  inputs: readonly Readonly<{ invoiceId: string }>[],
  now: string,
): Promise<LockedBatch> {
  const ids = [...new Set(inputs.map((input) => input.invoiceId))].sort()
  if (ids.length !== inputs.length)
    throw new DomainError('invalid_field', 'an invoice appears twice in one batch of reminders', {
      field: 'invoiceId',
    })
  const invoices = new Map((await loadInvoiceRows(storage, tx, org, ids)).map((row) => [row.invoice_id, row]))
  const missing = ids.find((id) => !invoices.has(id))
  if (missing) throw notFound('invoice', missing)
  await tx
    .insertInto('dunning_invoices')
    .values(ids.map((id) => ({ ...EMPTY_DUNNING, organization_id: org, invoice_id: id, updated_at: now })))
    .onConflict((conflict) => conflict.columns(['organization_id', 'invoice_id']).doNothing())
    .execute()
  const query = tx
    .selectFrom('dunning_invoices')
    .selectAll()
    .where('organization_id', '=', org)
    .where('invoice_id', 'in', ids)
    .orderBy('invoice_id')
  const dunning = await (storage.engine === 'postgres' ? query.forUpdate() : query).execute()
  const rows = new Map<string, DunningRow>()
  for (const { organization_id: _org, invoice_id, updated_at: _at, ...row } of dunning)
    rows.set(invoice_id, row)
  return { invoices, rows }
}

export type PlannedReminder = Readonly<{
  invoice: ReminderInvoiceRow
  recipient: Recipient
  row: DunningRow
  counted: DunningRow
  remindedState: InvoiceState
  level: number
  charges: ReminderCharges
  interestMinor: bigint
  chargedMinor: bigint
  payByOn: string
}>

/** Decides one invoice's reminder; throws the refusal a caller sees when it may not be sent. */
export function planReminder(
  facts: DunningFacts,
  locked: LockedBatch,
  input: Readonly<{ invoiceId: string; level?: number; feeMinor?: bigint; payByDays?: number }>,
): PlannedReminder {
  const invoice = locked.invoices.get(input.invoiceId)
  const row = locked.rows.get(input.invoiceId)
  if (!invoice || !row) throw notFound('invoice', input.invoiceId)
  if (invoice.kind !== 'invoice')
    throw new DomainError('wrong_state', 'reminders are sent for invoices, not credit notes', {
      field: 'invoiceId',
    })
  if (!isInvoiceState(invoice.state)) throw new DomainError('wrong_state', `unknown state ${invoice.state}`)
  const remindedState = nextState(invoice.state, 'remind')
  if (row.last_reminded_on !== null && row.last_reminded_on >= facts.today)
    throw new DomainError('conflict', 'a reminder was already sent today; the next one can go tomorrow', {
      field: 'invoiceId',
      rule: ONE_REMINDER_A_DAY,
    })
  const level = row.level + 1
  if (input.level !== undefined && input.level !== level)
    throw new DomainError('conflict', `reminder ${input.level} is no longer the next one`, { field: 'level' })
  const clock = clockInvoiceOf(invoice)
  const counted = { ...row, ...countedToToday(facts, clock, row) }
  const charges = reminderCharges(
    {
      table: facts.table,
      country: facts.country,
      baseCurrency: facts.baseCurrency,
      invoiceCurrency: invoice.currency as CurrencyCode,
      debtor: clock.debtor,
      on: facts.today,
    },
    {
      feeMinor: input.feeMinor ?? row.reminder_fee_minor ?? facts.settings.reminderFeesMinor[level - 1] ?? 0n,
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
  return {
    invoice,
    recipient: JSON.parse(invoice.recipient) as Recipient,
    row,
    counted,
    remindedState,
    level,
    charges,
    interestMinor,
    chargedMinor: charges.feeMinor + charges.compensationMinor + interestMinor,
    payByOn: addDays(facts.today, input.payByDays ?? facts.settings.payByDays),
  }
}

export function clockInvoiceOf(invoice: ReminderInvoiceRow): ClockInvoice {
  return {
    dueDate: invoice.due_date,
    grossMinor: invoice.gross_minor,
    feesMinor: invoice.fees_minor,
    paidMinor: invoice.paid_minor,
    creditedMinor: invoice.credited_minor,
    writtenOffMinor: invoice.written_off_minor,
    debtor: debtorOf(invoice.contact_kind),
  }
}

/** The fee entries of one reminder: the fee, the compensation and the interest, each where positive. */
export function chargeEntries(
  chart: ChartOfAccounts,
  today: string,
  plan: PlannedReminder,
): Readonly<{ entry: JournalEntryDraft; source: EntrySource }>[] {
  const { invoice, level } = plan
  const charges: [FeeKind, bigint, string][] = [
    ['reminderFee', plan.charges.feeMinor, `Reminder fee (reminder ${level})`],
    ['reminderFee', plan.charges.compensationMinor, 'Compensation for late payment'],
    ['interest', plan.interestMinor, `Late-payment interest to ${today}`],
  ]
  return charges
    .filter(([, amountMinor]) => amountMinor > 0n)
    .map(([kind, amountMinor, description]) => ({
      entry: feeEntry(chart, {
        entryDate: today,
        description: `${description}, invoice ${invoice.number ?? invoice.invoice_id}`,
        currency: invoice.currency as CurrencyCode,
        kind,
        invoiceId: invoice.invoice_id,
        contactId: invoice.contact_id,
        amountMinor,
      }),
      source: { type: `dunning_${kind}`, id: invoice.invoice_id },
    }))
}
