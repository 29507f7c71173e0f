// Lists invoices or credit notes by the shared list spec plus what a vendor's filters need beyond
// columns: fields of the dialect's `extra` (written `extra.<key>…`), the document kind, and related
// rows (a line's product, a payment's kind, a tag). The same filtered base serves the grouped totals
// in aggregate-invoices.ts, so a group always sums exactly the rows its filters list.

import { type SelectQueryBuilder, sql } from 'kysely'
import type { Invoice, InvoiceKind } from '../../domain/invoicing/invoice.ts'
import type { Database } from '../../storage/schema.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { withJsonFields } from '../queries/json-field.ts'
import {
  applyFilters,
  applyOrder,
  checkPage,
  type FieldMap,
  type ListSpec,
  type Page,
  totalOf,
} from '../queries/list-spec.ts'
import { type RelatedFilter, relatedCondition } from '../queries/related-filters.ts'
import { loadInvoices } from './invoice-record.ts'
import { INVOICE_FIELDS } from './list-invoices.ts'

export type InvoiceSearch = ListSpec &
  Readonly<{ kinds?: readonly InvoiceKind[]; related?: readonly RelatedFilter[] }>

type Joined = SelectQueryBuilder<Database, 'invoices' | 'cases' | 'contacts', object>

/** Whether the spec names a field of the table (a filter, an OR group or an order). */
function uses(fields: FieldMap, spec: Omit<InvoiceSearch, 'limit' | 'offset'>, table: string): boolean {
  const named = [
    ...(spec.filters ?? []).map((filter) => filter.field),
    ...(spec.anyOf ?? []).flatMap((group) => group.map((filter) => filter.field)),
    ...(spec.orderBy ?? []).map((order) => order.field),
  ]
  return named.some((field) => (fields[field] ?? '').includes(`${table}.`))
}

/**
 * The invoices matching every filter of `search`, not yet selected. The case and contact are
 * joined only when a filter or order names one of their fields: grouped totals over a whole
 * organization read the invoices alone.
 */
export function searchBase(
  context: CoreContext,
  tenant: Tenant,
  search: Omit<InvoiceSearch, 'limit' | 'offset'>,
  always: Readonly<{ contacts?: boolean }> = {},
): { query: Joined; fields: FieldMap } {
  const engine = context.storage.engine
  const fields = withJsonFields(INVOICE_FIELDS, engine, 'extra', 'invoices.extra', search)
  let query = context.storage.db
    .selectFrom('invoices')
    .where('invoices.organization_id', '=', tenant.organizationId)
    .where('invoices.state', '!=', 'deleted') as unknown as Joined
  if (uses(fields, search, 'cases'))
    query = query.innerJoin('cases', (join) =>
      join
        .onRef('cases.organization_id', '=', 'invoices.organization_id')
        .onRef('cases.case_id', '=', 'invoices.case_id'),
    ) as unknown as Joined
  if (always.contacts || uses(fields, search, 'contacts'))
    query = query.innerJoin('contacts', (join) =>
      join
        .onRef('contacts.organization_id', '=', 'invoices.organization_id')
        .onRef('contacts.contact_id', '=', 'invoices.contact_id'),
    ) as unknown as Joined
  if (search.kinds) query = query.where('invoices.kind', 'in', [...search.kinds, ''])
  for (const filter of search.related ?? [])
    query = query.where(relatedCondition(engine, 'invoices', 'invoices.invoice_id', filter))
  return { query: applyFilters(query, fields, search), fields }
}

export async function searchInvoices(
  context: CoreContext,
  tenant: Tenant,
  search: InvoiceSearch,
): Promise<Page<Invoice>> {
  checkPage(search)
  const { query, fields } = searchBase(context, tenant, search)
  const idRows = await applyOrder(
    query.select('invoices.invoice_id'),
    fields,
    search.orderBy ?? [],
    'invoices.invoice_seq',
  )
    .limit(search.limit)
    .offset(search.offset)
    .execute()
  const totalCount = await totalOf(search, idRows.length, async () => {
    const row = await query.select(sql<bigint>`count(*)`.as('count')).executeTakeFirstOrThrow()
    return row.count
  })
  const items = await loadInvoices(
    context.storage.db,
    tenant.organizationId,
    idRows.map((row) => row.invoice_id),
  )
  return { items, totalCount }
}
