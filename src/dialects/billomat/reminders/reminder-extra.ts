// What `POST /reminders` may say beside the invoice (§2.9): `date` (the day it is made, so only
// today), `due_days` or `due_date` (the days given to pay, instead of the settings'
// `reminder_due_days`), `subject`/`intro`/`note`/`label` (instead of its level's texts) and
// `contact_id` (a contact of the invoice's client). The texts and contact are kept in a record hung on the
// reminder's key, written in the transaction that makes the reminder.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { reminderKeyOf } from '../../../core/dunning/list-reminders.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { createRecord } from '../../../core/records/create-record.ts'
import { findRecords } from '../../../core/records/list-records.ts'
import { addDays, daysBetween } from '../../../domain/calendar/dates.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { WireStrings } from '../invoices/extra.ts'
import { recordData } from '../invoices/lookups.ts'
import type { WireObject } from '../wire/body.ts'
import { MAX_PER_PAGE } from '../wire/query.ts'
import { readDate, readId, readSmallInteger, readText } from '../wire/read.ts'

export const REMINDER_EXTRA_RESOURCE = 'reminder-extra'

/** The texts a reminder may be given; each is shown instead of its level's. */
export const REMINDER_TEXT_FIELDS = ['subject', 'intro', 'note', 'label'] as const

export type ReminderRequest = Readonly<{
  payByDays: number | undefined
  /** The texts and contact given; empty when none was. */
  extra: WireStrings
}>

function payByDaysOf(body: WireObject, today: string): number | undefined {
  const dueDays = readSmallInteger(body, 'due_days', 1, 3650)
  const dueDate = readDate(body, 'due_date')
  if (dueDate === undefined) return dueDays
  const days = daysBetween(today, dueDate)
  if (days < 1) throw invalidField('due_date', `due_date must be after the reminder's date ${today}`)
  if (dueDays !== undefined && days !== dueDays)
    throw invalidField('due_date', `due_date must be date + due_days (${addDays(today, dueDays)})`)
  return days
}

/** Reads and checks the optional fields of a new reminder made on `today` for the client. */
export async function reminderRequestOf(
  core: CoreContext,
  tenant: Tenant,
  body: WireObject,
  on: Readonly<{ today: string; clientNo: bigint | undefined }>,
): Promise<ReminderRequest> {
  const today = on.today
  const date = readDate(body, 'date')
  if (date !== undefined && date !== today)
    throw invalidField('date', `a reminder is dated the day it is made (${today}), got ${date}`)
  const extra: Record<string, string> = {}
  for (const field of REMINDER_TEXT_FIELDS) {
    const text = readText(body, field)
    if (text !== undefined) extra[field] = text
  }
  const contactId = readId(body, 'contact_id')
  if (contactId !== undefined) {
    const contact = await recordData(core, tenant, 'contact', contactId, 'contact_id')
    if (String(contact.client_id) !== String(on.clientNo))
      throw invalidField('contact_id', `contact ${contactId} is not a contact of the invoice's client`)
    extra.contact_id = String(contactId)
  }
  return { payByDays: payByDaysOf(body, today), extra }
}

/** Keeps what a reminder was given; nothing when it was given nothing. */
export async function saveReminderExtra(
  core: CoreContext,
  tenant: Tenant,
  reminder: Readonly<{ invoiceId: string; level: number }>,
  extra: WireStrings,
): Promise<void> {
  if (Object.keys(extra).length === 0) return
  await createRecord(core, tenant, {
    resource: REMINDER_EXTRA_RESOURCE,
    ownerId: reminderKeyOf(reminder),
    data: extra,
  })
}

/** What each of the reminders was given, by reminder key. */
export async function reminderExtras(
  core: CoreContext,
  tenant: Tenant,
  keys: readonly string[],
): Promise<Map<string, WireStrings>> {
  if (keys.length === 0) return new Map()
  const found = await findRecords(core, tenant, REMINDER_EXTRA_RESOURCE, {
    filters: [{ field: 'ownerId', op: 'in', value: keys }],
    limit: keys.length,
    offset: 0,
  })
  return new Map(found.map((extra) => [extra.ownerId ?? '', extra.data as WireStrings]))
}

/** The keys of reminders given a `field` among the values (`in`) or containing the text (`contains`). */
export async function reminderKeysWhere(
  core: CoreContext,
  tenant: Tenant,
  filter: Readonly<{ field: string; op: 'in' | 'contains'; value: string | readonly string[] }>,
): Promise<string[]> {
  const where: Filter =
    filter.op === 'in'
      ? { field: `data.${filter.field}`, op: 'in', value: filter.value as readonly string[] }
      : {
          field: `data.${filter.field}`,
          op: 'contains',
          value: filter.value as string,
          caseInsensitive: true,
        }
  const keys: string[] = []
  for (let offset = 0; ; offset += MAX_PER_PAGE) {
    const page = await findRecords(core, tenant, REMINDER_EXTRA_RESOURCE, {
      filters: [where],
      limit: MAX_PER_PAGE,
      offset,
    })
    keys.push(...page.flatMap((extra) => (extra.ownerId ? [extra.ownerId] : [])))
    if (page.length < MAX_PER_PAGE) return keys
  }
}
