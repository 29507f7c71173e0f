// A Billomat reminder (§2.9) is a core reminder of an invoice: its id is the invoice's id times
// 100 plus the reminder's level, its texts are its level's reminder text unless it was made with
// its own, and its charge is the
// fee (and compensation and interest) the core posted with it.

import type { ReminderRecord } from '../../../core/dunning/list-reminders.ts'
import type { DialectRecord } from '../../../core/records/dialect-record.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import type { WireStrings } from '../invoices/extra.ts'
import { date, datetime, int, money, record, str, type WireRecord } from '../wire/tree.ts'

export const LEVEL_SPAN = 100n

export function reminderIdOf(reminder: Pick<ReminderRecord, 'invoiceSeq' | 'level'>): bigint {
  return reminder.invoiceSeq * LEVEL_SPAN + BigInt(reminder.level)
}

export function splitReminderId(id: bigint): { invoiceSeq: bigint; level: number } {
  return { invoiceSeq: id / LEVEL_SPAN, level: Number(id % LEVEL_SPAN) }
}

/** The invoice states behind each reminder status: OPEN while owed, PAID once paid, else CANCELED. */
export const REMINDER_STATUS_STATES: Readonly<Record<string, readonly string[]>> = {
  OPEN: ['open', 'overdue', 'collection'],
  PAID: ['paid'],
  CANCELED: ['credited', 'written_off', 'cancelled', 'deleted'],
}

/** Billomat's reminder statuses; a reminder is never a DRAFT here nor OVERDUE (see the README). */
export const REMINDER_STATUSES = ['DRAFT', 'OPEN', 'PAID', 'OVERDUE', 'CANCELED'] as const

function statusOf(invoiceState: string): string {
  if (REMINDER_STATUS_STATES.PAID?.includes(invoiceState)) return 'PAID'
  if (REMINDER_STATUS_STATES.CANCELED?.includes(invoiceState)) return 'CANCELED'
  return 'OPEN'
}

export type ReminderWireContext = Readonly<{
  clientNo: bigint | undefined
  text: DialectRecord | undefined
  /** What the reminder was made with (texts, contact), shown instead of its level's texts. */
  given: WireStrings
  /** The newest level of the invoice: older reminders are `is_old`. */
  latestLevel: number
  publicBaseUrl: string
  pageToken: string
}>

export function reminderToWire(reminder: ReminderRecord, context: ReminderWireContext): WireRecord {
  const text = (context.text?.data ?? {}) as WireStrings
  const given = context.given
  const currency = reminder.currency as CurrencyCode
  const chargedMinor = reminder.feeMinor + reminder.compensationMinor + reminder.interestMinor
  return record('reminder', [
    int('id', reminderIdOf(reminder)),
    datetime('created', reminder.createdAt),
    str('status', statusOf(reminder.invoiceState)),
    int('invoice_id', reminder.invoiceSeq),
    int('client_id', context.clientNo),
    int('contact_id', given.contact_id),
    int('reminder_text_id', context.text?.recordNo),
    int('reminder_level', reminder.level),
    str('reminder_level_name', text.name),
    date('date', reminder.remindedOn),
    date('due_date', reminder.payByOn),
    str('label', given.label ?? ''),
    str('subject', given.subject ?? text.subject),
    str('intro', given.intro ?? text.header),
    str('note', given.note ?? text.footer),
    money('total_gross', chargedMinor, currency),
    str('is_old', reminder.level < context.latestLevel ? '1' : '0'),
    str('customerportal_url', `${context.publicBaseUrl}/i/${context.pageToken}`),
  ])
}
