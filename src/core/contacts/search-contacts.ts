// Lists contacts by the shared list spec plus what vendors filter customers by beyond columns:
// fields of `extra` (written `extra.<key>…`) and related rows (an invoice of theirs, a tag).

import { sql } from 'kysely'
import type { Contact } from '../../domain/contacts/contact.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { withJsonFields } from '../queries/json-field.ts'
import {
  applyFilters,
  applyOrder,
  checkPage,
  type ListSpec,
  type Page,
  totalOf,
} from '../queries/list-spec.ts'
import { type RelatedFilter, relatedCondition } from '../queries/related-filters.ts'
import { contactFromRow } from './contact-record.ts'
import { CONTACT_FIELDS } from './list-contacts.ts'

export type ContactSearch = ListSpec & Readonly<{ related?: readonly RelatedFilter[] }>

export async function searchContacts(
  context: CoreContext,
  tenant: Tenant,
  search: ContactSearch,
): Promise<Page<Contact>> {
  checkPage(search)
  const engine = context.storage.engine
  const fields = withJsonFields(CONTACT_FIELDS, engine, 'extra', 'contacts.extra', search)
  let base = context.storage.db
    .selectFrom('contacts')
    .where('contacts.organization_id', '=', tenant.organizationId)
  for (const filter of search.related ?? [])
    base = base.where(relatedCondition(engine, 'contacts', 'contacts.contact_id', filter))
  const filtered = applyFilters(base, fields, search)
  const rows = await applyOrder(filtered.selectAll(), fields, search.orderBy ?? [], 'contacts.contact_no')
    .limit(search.limit)
    .offset(search.offset)
    .execute()
  const totalCount = await totalOf(search, rows.length, async () => {
    const row = await filtered.select(sql<bigint>`count(*)`.as('count')).executeTakeFirstOrThrow()
    return row.count
  })
  return { items: rows.map(contactFromRow), totalCount }
}
