// The reminder list's filters (§2.9) beside invoice_id and client_id: `invoice_number` (a
// case-insensitive substring of the invoice's number), `status` (an OR list, by the invoice's
// state), `from`/`to` (inclusive bounds on the reminder's date), `subject`, `intro`, `note` and
// `label` (case-insensitive substrings of the texts a reminder shows: those it was made with, else
// its level's reminder text), `tags` (an OR list of reminder tag names, case-insensitive),
// `contact_id` (the contact it was made for) and `article_id` (an article on its invoice).

import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { ReminderQuery } from '../../../core/dunning/list-reminders.ts'
import { searchInvoices } from '../../../core/invoices/search-invoices.ts'
import { listProducts } from '../../../core/products/list-products.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { DialectRecord } from '../../../core/records/dialect-record.ts'
import { findRecords } from '../../../core/records/list-records.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { WireStrings } from '../invoices/extra.ts'
import { MAX_PER_PAGE, type Query, queryDate, queryIds, queryList, queryValue } from '../wire/query.ts'
import { dunningLevels } from './dunning-levels.ts'
import { reminderKeysWhere } from './reminder-extra.ts'
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
 * The ways a reminder can show `value` in the text `param`: its own text, given when it was made
 * and containing the value; or no text of its own and its level's containing it. A level beyond
 * the last text shows the last text, so when the last one matches, every level from it on does.
 */
async function textAlternatives(
  core: CoreContext,
  tenant: Tenant,
  levels: readonly DialectRecord[],
  param: keyof typeof TEXT_FILTERS,
  value: string,
): Promise<Filter[][]> {
  const [own, given] = await Promise.all([
    reminderKeysWhere(core, tenant, { field: param, op: 'contains', value }),
    reminderKeysWhere(core, tenant, { field: param, op: 'contains', value: '' }),
  ])
  const field = TEXT_FILTERS[param]
  const shown = (text: DialectRecord) => (field ? ((text.data as WireStrings)[field] ?? '') : '')
  const matching = levels.flatMap((text, index) =>
    shown(text).toLowerCase().includes(value.toLowerCase()) ? [index + 1] : [],
  )
  const last = levels.length
  const notGiven: Filter = { field: 'key', op: 'notIn', value: given }
  const alternatives: Filter[][] = [
    [{ field: 'key', op: 'in', value: own }],
    [notGiven, { field: 'level', op: 'in', value: matching.filter((level) => level < last) }],
  ]
  if (last > 0 && matching.includes(last))
    alternatives.push([notGiven, { field: 'level', op: 'gte', value: last }])
  return alternatives
}

/** The reminders showing every given text filter, as OR groups (each group's filters all hold). */
async function textGroups(core: CoreContext, tenant: Tenant, query: Query): Promise<Filter[][] | undefined> {
  const given = (Object.keys(TEXT_FILTERS) as (keyof typeof TEXT_FILTERS)[]).flatMap((param) => {
    const value = queryValue(query, param)
    return value ? [[param, value] as const] : []
  })
  if (given.length === 0) return undefined
  const levels = await dunningLevels(core, tenant)
  const perParam = await Promise.all(
    given.map(([param, value]) => textAlternatives(core, tenant, levels, param, value)),
  )
  return perParam.reduce<Filter[][]>(
    (groups, alternatives) => groups.flatMap((group) => alternatives.map((more) => [...group, ...more])),
    [[]],
  )
}

/** The reminders made for one of the contacts (`contact_id` given when they were made). */
async function contactFilter(core: CoreContext, tenant: Tenant, query: Query): Promise<Filter | undefined> {
  const ids = queryIds(query, 'contact_id')
  if (ids.length === 0) return undefined
  const keys = await reminderKeysWhere(core, tenant, {
    field: 'contact_id',
    op: 'in',
    value: ids.map(String),
  })
  return { field: 'key', op: 'in', value: keys }
}

/** The invoices with a line of one of the articles, read a page at a time. */
async function invoicesWithArticles(core: CoreContext, tenant: Tenant, articleIds: readonly bigint[]) {
  const products = await listProducts(core, tenant, {
    filters: [{ field: 'productSeq', op: 'in', value: articleIds }],
    limit: Math.min(articleIds.length, MAX_PER_PAGE),
    offset: 0,
  })
  const productIds = products.items.map((product) => product.productId)
  const invoiceIds: string[] = []
  for (let offset = 0; productIds.length > 0; offset += MAX_PER_PAGE) {
    const page = await searchInvoices(core, tenant, {
      kinds: ['invoice'],
      related: [{ kind: 'lineProduct', productIds }],
      limit: MAX_PER_PAGE,
      offset,
    })
    invoiceIds.push(...page.items.map((invoice) => invoice.invoiceId))
    if (page.items.length < MAX_PER_PAGE) break
  }
  return invoiceIds
}

/** A reminder has no items of its own: it reminds of its invoice's, so `article_id` matches those. */
async function articleFilter(core: CoreContext, tenant: Tenant, query: Query): Promise<Filter | undefined> {
  const articleIds = queryIds(query, 'article_id')
  if (articleIds.length === 0) return undefined
  return { field: 'invoiceId', op: 'in', value: await invoicesWithArticles(core, tenant, articleIds) }
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
  const [tags, contacts, articles, anyOf] = await Promise.all([
    tagFilter(core, tenant, query),
    contactFilter(core, tenant, query),
    articleFilter(core, tenant, query),
    textGroups(core, tenant, query),
  ])
  for (const filter of [statusFilter(query), tags, contacts, articles]) if (filter) filters.push(filter)
  return { filters, ...(anyOf ? { anyOf } : {}) }
}
