// The reminder list's filters (§2.9) beside invoice_id and client_id: `invoice_number` (a
// case-insensitive substring of the invoice's number), `status` (an OR list, by the invoice's
// state), `from`/`to` (inclusive bounds on the reminder's date), `subject`, `intro`, `note` and
// `label` (case-insensitive substrings of the texts a reminder shows, which are its level's
// reminder text) and `tags` (an OR list of reminder tag names, case-insensitive).

import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { ReminderQuery } from '../../../core/dunning/list-reminders.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { DialectRecord } from '../../../core/records/dialect-record.ts'
import { findRecords } from '../../../core/records/list-records.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { WireStrings } from '../invoices/extra.ts'
import { type Query, queryDate, queryList, queryValue } from '../wire/query.ts'
import { dunningLevels } from './dunning-levels.ts'
import { REMINDER_STATUS_STATES, REMINDER_STATUSES } from './reminder-wire.ts'

export const REMINDER_TAG_RESOURCE = 'reminder-tag'

/** Each text filter and the reminder-text field a reminder shows it from (label: none, always empty). */
const TEXT_FILTERS = { subject: 'subject', intro: 'header', note: 'footer', label: undefined } as const

function statusFilter(query: Query): Filter | undefined {
  const statuses = queryList(query, 'status').map((status) => status.toUpperCase())
  if (statuses.length === 0) return undefined
  const unknown = statuses.find((status) => !(REMINDER_STATUSES as readonly string[]).includes(status))
  if (unknown)
    throw invalidField('status', `status must be among ${REMINDER_STATUSES.join(', ')}, got ${unknown}`)
  return {
    field: 'invoiceState',
    op: 'in',
    value: statuses.flatMap((status) => REMINDER_STATUS_STATES[status] ?? []),
  }
}

/**
 * The levels whose texts contain every given filter. A level beyond the last text shows the last
 * text, so when the last one matches, every level from it on does.
 */
async function textGroups(core: CoreContext, tenant: Tenant, query: Query): Promise<Filter[][] | undefined> {
  const given = Object.entries(TEXT_FILTERS)
    .map(([param, field]) => [field, queryValue(query, param)] as const)
    .filter(([, value]) => value !== undefined && value !== '')
  if (given.length === 0) return undefined
  const levels = await dunningLevels(core, tenant)
  const matches = (text: DialectRecord) =>
    given.every(([field, value]) => {
      const shown = field ? ((text.data as WireStrings)[field] ?? '') : ''
      return shown.toLowerCase().includes((value as string).toLowerCase())
    })
  const matching = levels.flatMap((text, index) => (matches(text) ? [index + 1] : []))
  const last = levels.length
  const groups: Filter[][] = [[{ field: 'level', op: 'in', value: matching.filter((level) => level < last) }]]
  if (last > 0 && matching.includes(last)) groups.push([{ field: 'level', op: 'gte', value: last }])
  return groups
}

/** The reminders tagged with any of the names: their keys, which their tags hang on. */
async function tagFilter(core: CoreContext, tenant: Tenant, query: Query): Promise<Filter | undefined> {
  const names = queryList(query, 'tags').map((name) => name.toLowerCase())
  if (names.length === 0) return undefined
  const tagged = await findRecords(core, tenant, REMINDER_TAG_RESOURCE, {
    anyOf: names.map((name) => [{ field: 'data.name', op: 'contains', value: name, caseInsensitive: true }]),
    limit: 1000,
    offset: 0,
  })
  const keys = tagged
    .filter((tag) => names.includes(String((tag.data as WireStrings).name ?? '').toLowerCase()))
    .flatMap((tag) => (tag.ownerId ? [tag.ownerId] : []))
  return { field: 'key', op: 'in', value: keys }
}

export async function reminderSearchOf(
  core: CoreContext,
  tenant: Tenant,
  query: Query,
): Promise<Pick<ReminderQuery, 'filters' | 'anyOf'>> {
  const filters: Filter[] = []
  const number = queryValue(query, 'invoice_number')
  if (number) filters.push({ field: 'invoiceNumber', op: 'contains', value: number, caseInsensitive: true })
  const from = queryDate(query, 'from')
  if (from) filters.push({ field: 'remindedOn', op: 'gte', value: from })
  const to = queryDate(query, 'to')
  if (to) filters.push({ field: 'remindedOn', op: 'lte', value: to })
  const [tags, anyOf] = await Promise.all([tagFilter(core, tenant, query), textGroups(core, tenant, query)])
  for (const filter of [statusFilter(query), tags]) if (filter) filters.push(filter)
  return { filters, ...(anyOf ? { anyOf } : {}) }
}
