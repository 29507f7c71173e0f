// A case's event log as Billogram's events (../shared/reference/billogram.md §4): the vendor's
// type names and data keys. total_sum and remaining_sum in an event's data are the sums right
// after that event, found by replaying the log from the amounts each core event records; events
// the vendor has no name for are left out.

import { type CaseRecord, primaryInvoiceOf } from '../../../core/cases/case-details.ts'
import type { CaseEvent } from '../../../core/events/list-events.ts'
import { CREDIT_EVENTS, isStandaloneCredit } from '../../../core/invoices/settle-standalone-credit.ts'
import { WRITE_DOWN_EVENTS } from '../../../core/invoices/write-down-invoice.ts'
import { moneyOut, type RawNumber, timestampOut, wholeOut } from './values.ts'

export type WireEvent = Readonly<{
  type: string
  created_at: string
  event_uuid: string
  data: Readonly<Record<string, unknown>> | null
}>

function minor(value: unknown): bigint {
  if (typeof value === 'bigint') return value
  if (
    (typeof value === 'string' && /^-?\d+$/.test(value)) ||
    (typeof value === 'number' && Number.isInteger(value))
  )
    return BigInt(value)
  return 0n
}

/** The vendor's delivery method for the channels a send used. */
export function deliveryMethodOf(channels: unknown): string | null {
  const used = Array.isArray(channels) ? channels.map(String) : []
  const first = used.includes('email') ? 'Email' : used.includes('sms') ? 'SMS' : null
  if (used.includes('letter')) return first ? `${first}+Letter` : 'Letter'
  return first
}

type Running = { totalMinor: bigint; remainingMinor: bigint }

/** Moves the running sums by what the event did; events that move no money leave them. */
function replay(event: CaseEvent, record: CaseRecord, running: Running): void {
  const invoice = record.invoices.find((candidate) => candidate.invoiceId === event.invoiceId)
  switch (event.type) {
    case 'invoice.approved':
      if (invoice && (invoice.kind === 'invoice' || isStandaloneCredit(invoice))) {
        running.totalMinor += minor(event.data.grossMinor)
        running.remainingMinor += minor(event.data.grossMinor)
      }
      return
    case 'invoice.payment':
      running.remainingMinor -= minor(event.data.appliedMinor)
      return
    case 'invoice.credited':
      running.remainingMinor -= minor(event.data.creditMinor) - minor(event.data.toBalanceMinor)
      return
    case 'invoice.written_off':
    case CREDIT_EVENTS.allocated:
      running.remainingMinor -= minor(event.data.amountMinor)
      return
    case CREDIT_EVENTS.used:
    case CREDIT_EVENTS.paidOut:
    case 'invoice.payment_voided':
      running.remainingMinor += minor(event.data.amountMinor)
      return
    case 'invoice.collection_started':
      running.totalMinor += minor(event.data.interestMinor)
      running.remainingMinor += minor(event.data.interestMinor)
      return
    case 'invoice.reminder_sent': {
      // A reminder charges its fee and the interest earned until it (both raise what is owed).
      const chargedMinor = minor(event.data.feeMinor) + minor(event.data.interestMinor)
      running.totalMinor += chargedMinor
      running.remainingMinor += chargedMinor
      return
    }
  }
}

type Mapped = Readonly<{ type: string; data: Readonly<Record<string, unknown>> | null }>

function dataOf(
  event: CaseEvent,
  record: CaseRecord,
  sums: Readonly<Record<string, RawNumber>>,
): Mapped | null {
  const invoice = record.invoices.find((candidate) => candidate.invoiceId === event.invoiceId)
  const currency = invoice?.currency ?? record.invoices[0]?.currency ?? 'SEK'
  const money = (value: unknown) => moneyOut(minor(value), currency)
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  switch (event.type) {
    case 'invoice.created':
      return invoice && invoice === primaryInvoiceOf(record) ? { type: 'BillogramCreated', data: null } : null
    case 'invoice.payment':
      return {
        type: 'Payment',
        data: {
          amount: money(event.data.amountMinor),
          banking_amount: money(event.data.amountMinor),
          payer_name: '',
          manual: true,
          payment_flags: [],
          ...sums,
        },
      }
    case 'invoice.paid':
      return { type: 'BillogramEnded', data: { ...sums } }
    case 'invoice.credited': {
      const note = record.invoices.find((candidate) => candidate.invoiceId === event.data.creditNoteId)
      return {
        type: 'Credit',
        data: {
          amount: money(event.data.creditMinor),
          invoice_no: note?.numberSeq == null ? null : wholeOut(note.numberSeq),
          ...sums,
        },
      }
    }
    case 'invoice.written_off':
      return { type: 'Writeoff', data: { amount: money(event.data.amountMinor), ...sums } }
    // The claim stays owed: the sums do not move, the amount is the provision made or released.
    case WRITE_DOWN_EVENTS.writtenDown:
      return { type: 'Writedown', data: { amount: money(event.data.amountMinor), ...sums } }
    case WRITE_DOWN_EVENTS.reverted:
      return { type: 'RevertWritedown', data: { amount: money(event.data.amountMinor), ...sums } }
    case CREDIT_EVENTS.allocated:
      return { type: 'Credit', data: { amount: money(event.data.amountMinor), ...sums } }
    case 'invoice.payment_voided':
      // Billogram announces a recalled payment as a callback of its own type (PaymentRecalled),
      // a negative allocation of the payment (../shared/reference/billogram.md §5).
      return { type: 'PaymentRecalled', data: { amount: money(-minor(event.data.amountMinor)), ...sums } }
    case CREDIT_EVENTS.used:
    case CREDIT_EVENTS.paidOut:
      // Money leaving a stand-alone credit: to a debit billogram of the customer, or paid out.
      return {
        type: 'Payment',
        data: {
          amount: money(-minor(event.data.amountMinor)),
          banking_amount: money(event.type === CREDIT_EVENTS.paidOut ? -minor(event.data.amountMinor) : 0n),
          payer_name: '',
          manual: true,
          payment_flags: event.type === CREDIT_EVENTS.used ? ['credit allocated'] : ['credit paid out'],
          ...sums,
        },
      }
    case 'invoice.overdue':
      return { type: 'Overdue', data: { date: text(event.data.dueDate) } }
    case 'invoice.respite_granted':
      return { type: 'Respite', data: { date: text(event.data.until) } }
    case 'invoice.respite_removed':
      return { type: 'RespiteRemoved', data: { date: text(event.data.dueDate) } }
    case 'case.customer_message':
      return {
        type: 'CustomerMessage',
        data: {
          message: text(event.data.message),
          customer_email: record.contact.email ?? '',
          type: 'message',
        },
      }
    case 'case.respite_requested':
      return {
        type: 'CustomerMessage',
        data: { message: text(event.data.reason), date: text(event.data.until), type: 'respite' },
      }
    case 'invoice.collection_started':
      return handedOverOf(event, sums)
    case 'invoice.collection_outcome':
      return outcomeOf(event, money, sums)
    case 'case.sender_message':
      return { type: 'CreditorMessage', data: { message: text(event.data.message) } }
    case 'offer.accepted':
      return {
        type: 'SaleAccepted',
        data: {
          offer_id: text(event.data.offerId),
          item_title: text(event.data.title),
          accepted_at: timestampOut(event.occurredAt),
        },
      }
    default:
      return sentDataOf(event, record, sums)
  }
}

/** A case handed to the collection partner (Collection) or offered to the factoring one (FactoringRequest). */
function handedOverOf(event: CaseEvent, sums: Readonly<Record<string, RawNumber>>): Mapped {
  const partner = typeof event.data.partner === 'string' ? event.data.partner : ''
  const reference = typeof event.data.reference === 'string' ? event.data.reference : ''
  return event.data.kind === 'factoring'
    ? {
        type: 'FactoringRequest',
        data: { factoring_method: partner, factoring_reference: reference, ...sums },
      }
    : { type: 'Collection', data: { collector_method: partner, collector_reference: reference, ...sums } }
}

const OUTCOME_EVENTS: Readonly<Record<string, string>> = {
  paid: 'CollectorPayment',
  written_off: 'CollectionEnded',
  cancelled: 'CollectionCancelled',
  sold: 'BillogramSold',
  denied: 'FactoringDenied',
}

/** The partner's outcome; the money it moved is in the Payment or Writeoff event before it. */
function outcomeOf(
  event: CaseEvent,
  money: (value: unknown) => RawNumber,
  sums: Readonly<Record<string, RawNumber>>,
): Mapped | null {
  const type = OUTCOME_EVENTS[String(event.data.outcome)]
  if (!type) return null
  const amount = event.data.amountMinor ?? null
  if (type === 'BillogramSold')
    return { type, data: { sold_for: amount === null ? null : money(amount), ...sums } }
  if (type === 'CollectorPayment')
    return { type, data: { amount: amount === null ? null : money(amount), ...sums } }
  return { type, data: { ...sums } }
}

/** The events of sending: the invoice, a resend, a credit note, a reminder. */
function sentDataOf(
  event: CaseEvent,
  record: CaseRecord,
  sums: Readonly<Record<string, RawNumber>>,
): Mapped | null {
  const invoice = record.invoices.find((candidate) => candidate.invoiceId === event.invoiceId)
  const invoiceNo = invoice?.numberSeq == null ? null : wholeOut(invoice.numberSeq)
  const money = (value: unknown) => moneyOut(minor(value), invoice?.currency ?? 'SEK')
  const sent = { letter_id: event.eventId, delivery_method: deliveryMethodOf(event.data.channels) }
  switch (event.type) {
    case 'invoice.sent':
      return { type: 'BillogramSent', data: { invoice_no: invoiceNo, ...sent, ...sums } }
    case 'invoice.resent':
      return { type: 'Resent', data: { invoice_no: invoiceNo, ...sent, ...sums } }
    case 'invoice.credit_note_sent':
      return { type: 'InvoiceSent', data: { invoice_no: invoiceNo, ...sent } }
    case 'invoice.reminder_sent':
      return {
        type: 'ReminderSent',
        data: {
          ...sent,
          reminder_fee: money(event.data.feeMinor),
          reminder_count: wholeOut(Number(minor(event.data.reminderNo))),
          ...(typeof event.data.message === 'string' ? { message: event.data.message } : {}),
          ...sums,
        },
      }
    default:
      return null
  }
}

/** One event as the vendor names it, with the given sums, or undefined when the vendor has no name for it. */
export function eventToWire(
  event: CaseEvent,
  record: CaseRecord,
  sums: Readonly<Record<string, RawNumber>>,
): WireEvent | undefined {
  const mapped = dataOf(event, record, sums)
  if (!mapped) return undefined
  return {
    type: mapped.type,
    created_at: timestampOut(event.occurredAt),
    event_uuid: event.eventId,
    data: mapped.data,
  }
}

/** The events in order, each with the case's sums right after it. */
export function eventsToWire(record: CaseRecord, events: readonly CaseEvent[]): WireEvent[] {
  const running: Running = { totalMinor: 0n, remainingMinor: 0n }
  const currency = record.invoices[0]?.currency ?? 'SEK'
  return events.flatMap((event) => {
    replay(event, record, running)
    const sums = {
      total_sum: moneyOut(running.totalMinor, currency),
      remaining_sum: moneyOut(running.remainingMinor, currency),
    }
    const wire = eventToWire(event, record, sums)
    return wire ? [wire] : []
  })
}

/** How many reminders the case has had, for reminder_count. */
export function reminderCountOf(events: readonly CaseEvent[]): number {
  return events.filter((event) => event.type === 'invoice.reminder_sent').length
}

/** The method of the last send of the case's invoice, for delivery_method. */
export function lastDeliveryMethodOf(events: readonly CaseEvent[]): string | null {
  const sends = events.filter((event) =>
    ['invoice.sent', 'invoice.resent', 'invoice.reminder_sent'].includes(event.type),
  )
  return deliveryMethodOf(sends.at(-1)?.data.channels)
}
