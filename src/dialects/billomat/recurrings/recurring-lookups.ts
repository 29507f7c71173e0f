// A recurring found by its Billomat id, with the draft invoice its template makes today (for its
// totals, taxes and items), and the search a list's query asks for.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { findRecords } from '../../../core/records/list-records.ts'
import { previewRecurring } from '../../../core/recurring/preview-recurring.ts'
import { getRecurring } from '../../../core/recurring/search-recurrings.ts'
import { invalidField, notFound } from '../../../domain/errors.ts'
import { contactByNo } from '../ids.ts'
import { type Query, queryIds, queryList, queryValue } from '../wire/query.ts'
import type { CurrentRecurring } from './recurring-wire.ts'

export async function recurringByNo(
  core: CoreContext,
  tenant: Tenant,
  recurringNo: bigint,
  field?: string,
): Promise<CurrentRecurring> {
  const recurring = await getRecurring(core, tenant, { recurringNo }).catch((error: unknown) => {
    if (field) throw invalidField(field, `recurring ${recurringNo} does not exist`)
    throw error instanceof Error ? notFound('recurring', String(recurringNo)) : error
  })
  return { recurring, preview: await previewRecurring(core, tenant, recurring) }
}

const TEXT_FILTERS: Readonly<Record<string, string>> = {
  name: 'extra.billomat.name',
  label: 'template.extra.billomat.label',
  intro: 'template.extra.billomat.intro',
  note: 'template.extra.billomat.note',
  payment_type: 'template.extra.billomat.payment_types',
}

export const RECURRING_ORDER_FIELDS: Readonly<Record<string, string>> = {
  id: 'recurringNo',
  created: 'createdAt',
  updated: 'updatedAt',
  name: 'extra.billomat.name',
  cycle: 'cycle',
  start_date: 'startOn',
  end_date: 'endOn',
  next_creation_date: 'nextCreationOn',
}

/** The filters of `GET /recurrings` (appendix: client_id, contact_id, name, payment_type, cycle, label, intro, note, tags). */
export async function recurringFiltersOf(core: CoreContext, tenant: Tenant, query: Query): Promise<Filter[]> {
  const filters: Filter[] = []
  const clients = queryIds(query, 'client_id')
  if (clients.length > 0) {
    const contacts = await Promise.all(clients.map((no) => contactByNo(core, tenant, no, 'client_id')))
    filters.push({ field: 'contactId', op: 'in', value: contacts.map((contact) => contact.contactId) })
  }
  const contactIds = queryList(query, 'contact_id')
  if (contactIds.length > 0)
    filters.push({ field: 'template.extra.billomat.contact_id', op: 'in', value: contactIds })
  for (const [param, field] of Object.entries(TEXT_FILTERS)) {
    const value = queryValue(query, param)
    if (value !== undefined) filters.push({ field, op: 'contains', value, caseInsensitive: true })
  }
  const cycles = queryList(query, 'cycle').map((cycle) => cycle.toLowerCase())
  if (cycles.length > 0) filters.push({ field: 'cycle', op: 'in', value: cycles })
  const tags = queryList(query, 'tags')
  if (tags.length > 0) {
    const tagged = await findRecords(core, tenant, 'recurring-tag', {
      filters: [{ field: 'data.name', op: 'in', value: tags }],
      limit: 1000,
      offset: 0,
    })
    filters.push({
      field: 'recurringId',
      op: 'in',
      value: [...new Set(tagged.flatMap((tag) => tag.ownerId ?? []))],
    })
  }
  return filters
}
