// The list parameters of /incomings (appendix: eingangsrechnungen) as a bill search: supplier_id,
// incoming_number (case-insensitive substring of the supplier's invoice number), status (OPEN,
// OVERDUE, PAID; OR list), from and to (inclusive, on the date), note, tags, customfield and
// property{ID}. Voided bills are deleted incomings and never listed.

import type { BillSearch } from '../../../core/bills/search-bills.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { findContactByNo } from '../../../core/queries/find-by-number.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { RelatedFilter } from '../../../core/queries/related-filters.ts'
import { invalidField } from '../../../domain/errors.ts'
import { propertyFilters } from '../routes/property-filters.ts'
import { type Query, queryDate, queryIds, queryList, queryValue } from '../wire/query.ts'

export const INCOMING_ORDER_FIELDS = {
  id: 'billSeq',
  number: 'suppliersInvoiceNo',
  date: 'entryDate',
  due_date: 'dueDate',
  total_gross: 'grossMinor',
  total_net: 'netMinor',
  created: 'createdAt',
}

function statusGroups(statuses: readonly string[], today: string): Filter[][] {
  const approved: Filter = { field: 'state', op: 'eq', value: 'approved' }
  const unsettled: Filter = { field: 'settled', op: 'eq', value: 0 }
  const groups: Record<string, Filter[][]> = {
    PAID: [[approved, { field: 'settled', op: 'eq', value: 1 }]],
    OVERDUE: [[approved, unsettled, { field: 'dueDate', op: 'lt', value: today }]],
    OPEN: [
      [{ field: 'state', op: 'eq', value: 'draft' }],
      [approved, unsettled, { field: 'dueDate', op: 'isNull' }],
      [approved, unsettled, { field: 'dueDate', op: 'gte', value: today }],
    ],
  }
  return statuses.flatMap((status) => {
    const group = groups[status.toUpperCase()]
    if (!group) throw invalidField('status', `status takes OPEN, OVERDUE or PAID; got ${status}`)
    return group
  })
}

async function supplierFilter(core: CoreContext, t: Tenant, query: Query): Promise<Filter[]> {
  const ids = queryIds(query, 'supplier_id')
  if (ids.length === 0) return []
  const contacts = await Promise.all(ids.map((id) => findContactByNo(core, t, id)))
  return [{ field: 'contactId', op: 'in', value: contacts.flatMap((c) => (c ? [c.contactId] : [])) }]
}

export async function incomingSearchOf(
  core: CoreContext,
  t: Tenant,
  query: Query,
  today: string,
): Promise<Omit<BillSearch, 'limit' | 'offset'>> {
  const filters: Filter[] = [
    { field: 'state', op: 'in', value: ['draft', 'approved'] },
    ...(await supplierFilter(core, t, query)),
  ]
  const number = queryValue(query, 'incoming_number')
  if (number)
    filters.push({ field: 'suppliersInvoiceNo', op: 'contains', value: number, caseInsensitive: true })
  const note = queryValue(query, 'note')
  if (note) filters.push({ field: 'extra.billomat.note', op: 'contains', value: note, caseInsensitive: true })
  const customfield = queryValue(query, 'customfield')
  if (customfield) filters.push({ field: 'extra.billomat.customfield', op: 'eq', value: customfield })
  const from = queryDate(query, 'from')
  if (from) filters.push({ field: 'entryDate', op: 'gte', value: from })
  const to = queryDate(query, 'to')
  if (to) filters.push({ field: 'entryDate', op: 'lte', value: to })
  const related: RelatedFilter[] = [...propertyFilters(query, 'incoming-property-value')]
  const tags = queryList(query, 'tags')
  if (tags.length > 0)
    related.push({
      kind: 'record',
      resource: 'incoming-tag',
      path: ['name'],
      values: tags,
      caseInsensitive: true,
    })
  const statuses = queryList(query, 'status')
  return { filters, related, ...(statuses.length > 0 ? { anyOf: statusGroups(statuses, today) } : {}) }
}
