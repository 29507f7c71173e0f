// A recurring (§2.10, appendix abo-rechnungen) between Billomat's wire and the core's recurring:
// the invoice fields are read by the invoice reader into the template draft, the schedule and the
// sending fields into the recurring's own. Billomat's action CREATE keeps each invoice a draft,
// COMPLETE completes it, EMAIL completes and emails it, MAIL completes and posts it.

import type { Recurring, RecurringAction, RecurringEmail } from '../../../core/recurring/recurring-record.ts'
import type { RecurringInput } from '../../../core/recurring/save-recurring.ts'
import { addDays } from '../../../domain/calendar/dates.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import type { Cycle } from '../../../domain/recurring/recurrence.ts'
import { docExtraOf, mergeStrings, type WireStrings } from '../invoices/extra.ts'
import { documentDraftFromWire } from '../invoices/from-wire.ts'
import { lineAsInput } from '../invoices/items-wire.ts'
import type { DocumentLookups } from '../invoices/lookups.ts'
import { documentToWire } from '../invoices/to-wire.ts'
import type { WireObject } from '../wire/body.ts'
import { readBoolean, readDate, readEnum, readSmallInteger, readText } from '../wire/read.ts'
import { date, int, record, str, type WireField, type WireRecord } from '../wire/tree.ts'

export const RECURRING_ELEMENTS = [
  'client_id',
  'contact_id',
  'template_id',
  'email_template_id',
  'title',
  'address',
  'supply_date',
  'supply_date_type',
  'due_days',
  'discount_rate',
  'discount_days',
  'name',
  'label',
  'intro',
  'note',
  'currency_code',
  'reduction',
  'net_gross',
  'quote',
  'payment_types',
  'action',
  'cycle_number',
  'cycle',
  'hour',
  'start_date',
  'end_date',
  'next_creation_date',
  'iterations',
  'email_sender',
  'email_subject',
  'email_message',
  'email_filename',
  'email_bcc',
  'letter_color',
  'letter_duplex',
  'letter_paper_weight',
  'offer_id',
  'confirmation_id',
  'free_text_id',
  'recurring-items',
  'customfield',
]

const ACTIONS: Readonly<Record<string, RecurringAction>> = {
  CREATE: 'draft',
  COMPLETE: 'approve',
  EMAIL: 'email',
  MAIL: 'letter',
}
const CYCLES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const

/** Fields of the recurring itself, kept as written in the recurring's extra. */
const OWN_TEXTS = ['name', 'email_sender', 'email_subject', 'email_message', 'email_filename'] as const

/** Billomat's placeholders the mail templates know, as Faktura names them (render-template.ts). */
const MAIL_PLACEHOLDERS: Readonly<Record<string, string>> = {
  'Invoice.invoice_number': 'documentNumber',
  'Invoice.due_date': 'dueDate',
  'Invoice.total_gross': 'amount',
  'Client.name': 'recipientName',
  'Company.name': 'organizationName',
}

function mailText(text: string | undefined): string | undefined {
  return text?.replace(/\[([A-Za-z]+\.[A-Za-z_]+)\]/g, (placeholder, name: string) =>
    MAIL_PLACEHOLDERS[name] ? `{{${MAIL_PLACEHOLDERS[name]}}}` : placeholder,
  )
}

export type CurrentRecurring = Readonly<{ recurring: Recurring; preview: Invoice }>

export function ownExtraOf(recurring: Recurring | undefined): WireStrings {
  return (recurring?.extra.billomat ?? {}) as WireStrings
}

function readOwn(body: WireObject, current: Recurring | undefined, receivers: readonly Receiver[]) {
  const stored = ownExtraOf(current)
  const own = mergeStrings(stored, {
    ...Object.fromEntries(OWN_TEXTS.map((field) => [field, readText(body, field, 10_000)])),
    hour: readSmallInteger(body, 'hour', 0, 23)?.toString(),
    email_bcc: bool(readBoolean(body, 'email_bcc')),
    letter_color: bool(readBoolean(body, 'letter_color')),
    letter_duplex: bool(readBoolean(body, 'letter_duplex')),
    letter_paper_weight: readEnum(body, 'letter_paper_weight', ['80', '90']),
    email_template_id: readText(body, 'email_template_id', 20),
  })
  const email = recurringEmailOf(own, receivers)
  const letter = {
    colour: own.letter_color === '1',
    duplex: own.letter_duplex !== '0',
    paperWeightGsm: Number(own.letter_paper_weight ?? '90'),
  }
  return { own, email, letter }
}

/** The email each issued invoice is sent with: the receivers, and the texts with placeholders mapped. */
export function recurringEmailOf(own: WireStrings, receivers: readonly Receiver[]): RecurringEmail {
  const addresses = (type: Receiver['type']) =>
    receivers.filter((receiver) => receiver.type === type).map((receiver) => receiver.address)
  const subject = mailText(own.email_subject)
  const text = mailText(own.email_message)
  return {
    to: addresses('to'),
    cc: addresses('cc'),
    bcc: addresses('bcc'),
    ...(subject ? { subject } : {}),
    ...(text ? { text } : {}),
    ...(own.email_filename ? { pdfFilename: own.email_filename } : {}),
  }
}

function bool(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? '1' : '0'
}

export type Receiver = Readonly<{ no: number; type: 'to' | 'cc' | 'bcc'; address: string }>

export function receiversOf(recurring: Recurring | undefined): Receiver[] {
  return [...((recurring?.extra.receivers as Receiver[] | undefined) ?? [])]
}

/** A create (no current) or an edit of a recurring. */
export function recurringFromWire(
  body: WireObject,
  items: readonly WireObject[] | undefined,
  lookups: DocumentLookups,
  current?: CurrentRecurring,
): RecurringInput {
  const recurring = current?.recurring
  const { draft } = documentDraftFromWire(body, items, lookups, current?.preview, 'recurring-item')
  const { invoiceDate: _date, dueDate: _due, contactId, lines, ...rest } = draft
  const contact = contactId ?? recurring?.contactId
  if (!contact) throw invalidField('client_id', 'client_id is required')
  const receivers = receiversOf(recurring)
  const { own, email, letter } = readOwn(body, recurring, receivers)
  const startOn = readDate(body, 'start_date') ?? recurring?.startOn ?? addDays(lookups.today, 1)
  const cycle = readEnum(body, 'cycle', CYCLES)
  const cycleNumber = readSmallInteger(body, 'cycle_number', 1, 120)
  const action = readEnum(body, 'action', Object.keys(ACTIONS))
  const iterations = readSmallInteger(body, 'iterations', 0, 10_000)
  const next = readDate(body, 'next_creation_date')
  return {
    contactId: contact,
    template: {
      ...rest,
      lines: lines ?? current?.preview.lines.map(lineAsInput) ?? [],
      extra: { ...(rest.extra ?? {}), billomat: docExtraOf({ extra: rest.extra ?? {} }) },
    },
    recurrence: {
      cycle: (cycle?.toLowerCase() as Cycle | undefined) ?? recurring?.recurrence.cycle ?? 'monthly',
      cycleNumber: cycleNumber ?? recurring?.recurrence.cycleNumber ?? 1,
    },
    startOn,
    ...(body.end_date !== undefined ? { endOn: readDate(body, 'end_date') ?? null } : {}),
    ...(next !== undefined ? { nextCreationOn: next } : {}),
    // 0 (or nothing) is Billomat's "no limit".
    ...(iterations !== undefined ? { iterations: iterations === 0 ? null : iterations } : {}),
    ...(action !== undefined || !recurring ? { action: ACTIONS[action ?? 'CREATE'] } : {}),
    email,
    letter,
    extra: { ...(recurring?.extra ?? {}), billomat: own, receivers },
  }
}

const ACTION_NAMES: Readonly<Record<RecurringAction, string>> = {
  draft: 'CREATE',
  approve: 'COMPLETE',
  email: 'EMAIL',
  letter: 'MAIL',
}

/** The recurring as Billomat shows it: the invoice fields of its template, then its schedule. */
export function recurringToWire(current: CurrentRecurring, context: Parameters<typeof documentToWire>[1]) {
  const { recurring, preview } = current
  const document = documentToWire(preview, context)
  const own = ownExtraOf(recurring)
  const keep = new Set([
    'client_id',
    'contact_id',
    'title',
    'address',
    'supply_date',
    'supply_date_type',
    'due_days',
    'discount_rate',
    'discount_days',
    'label',
    'intro',
    'note',
    'total_net',
    'total_gross',
    'reduction',
    'total_reduction',
    'total_net_unreduced',
    'total_gross_unreduced',
    'currency_code',
    'quote',
    'net_gross',
    'payment_types',
    'taxes',
    'offer_id',
    'confirmation_id',
    'template_id',
    'customfield',
  ])
  const invoiceFields = document.fields.filter((field) => keep.has(fieldName(field)))
  const schedule: WireField[] = [
    int('id', recurring.recurringNo),
    ...document.fields.filter((field) => ['created', 'updated'].includes(fieldName(field))),
    str('name', own.name),
    str('cycle', recurring.recurrence.cycle.toUpperCase()),
    int('cycle_number', recurring.recurrence.cycleNumber),
    str('action', ACTION_NAMES[recurring.action]),
    int('hour', own.hour ?? '2'),
    date('start_date', recurring.startOn),
    date('end_date', recurring.endOn),
    date('last_creation_date', recurring.lastCreatedOn),
    date('next_creation_date', recurring.nextCreationOn),
    int('iterations', recurring.iterations ?? 0),
    int('counter', recurring.createdCount),
    // Billomat's "ultimo": the series falls on month ends (kept from a start on the month's last day).
    str('ultimo', isMonthEnd(recurring.anchorOn) ? '1' : '0'),
    str('email_sender', own.email_sender),
    str('email_subject', own.email_subject),
    str('email_message', own.email_message),
    str('email_filename', own.email_filename),
    str('email_bcc', own.email_bcc ?? '0'),
    int('email_template_id', own.email_template_id),
    str('letter_color', own.letter_color ?? '0'),
    str('letter_duplex', own.letter_duplex ?? '1'),
    int('letter_paper_weight', own.letter_paper_weight ?? '90'),
    int('free_text_id', docExtraOf(preview).free_text_id),
  ]
  return record('recurring', [...schedule, ...invoiceFields])
}

function fieldName(field: WireField): string {
  return field.kind === 'list' ? field.list.name : field.kind === 'record' ? field.record.name : field.name
}

function isMonthEnd(isoDate: string): boolean {
  return addDays(isoDate, 1).endsWith('-01')
}

export function receiverToWire(recurring: Recurring, receiver: Receiver): WireRecord {
  return record('recurring-email-receiver', [
    int('id', receiverIdOf(recurring.recurringNo, receiver.no)),
    int('recurring_id', recurring.recurringNo),
    str('type', receiver.type),
    str('address', receiver.address),
  ])
}

export function receiverIdOf(recurringNo: bigint, receiverNo: number): bigint {
  return recurringNo * 10_000n + BigInt(receiverNo)
}
