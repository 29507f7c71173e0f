// Lists sales documents of one kind by the shared list spec, plus fields of the dialect's `extra`
// (written `extra.<key>…`) and related rows (a line's product, a tag record).

import { type SelectQueryBuilder, sql } from 'kysely'
import type { SalesDocument, SalesDocumentKind } from '../../domain/sales/sales-document.ts'
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
} from '../queries/list-spec.ts'
import { type RelatedFilter, relatedCondition } from '../queries/related-filters.ts'
import { loadSalesDocuments } from './sales-record.ts'

export const SALES_DOCUMENT_FIELDS: FieldMap = {
  documentId: 'sales_documents.document_id',
  documentSeq: 'sales_documents.document_seq',
  state: 'sales_documents.state',
  number: 'sales_documents.number',
  numberSeq: 'sales_documents.number_seq',
  contactId: 'sales_documents.contact_id',
  currency: 'sales_documents.currency',
  documentDate: 'sales_documents.document_date',
  validUntil: 'sales_documents.valid_until',
  notes: 'sales_documents.notes',
  netMinor: 'sales_documents.net_minor',
  grossMinor: 'sales_documents.gross_minor',
  completedAt: 'sales_documents.completed_at',
  createdAt: 'sales_documents.created_at',
  updatedAt: 'sales_documents.updated_at',
}

export type SalesDocumentSearch = ListSpec &
  Readonly<{ kind: SalesDocumentKind; related?: readonly RelatedFilter[] }>

export async function searchSalesDocuments(
  context: CoreContext,
  tenant: Tenant,
  search: SalesDocumentSearch,
): Promise<Page<SalesDocument>> {
  checkPage(search)
  const engine = context.storage.engine
  const fields = withJsonFields(SALES_DOCUMENT_FIELDS, engine, 'extra', 'sales_documents.extra', search)
  let query = context.storage.db
    .selectFrom('sales_documents')
    .where('sales_documents.organization_id', '=', tenant.organizationId)
    .where('sales_documents.kind', '=', search.kind) as unknown as SelectQueryBuilder<
    Database,
    'sales_documents',
    object
  >
  for (const filter of search.related ?? [])
    query = query.where(relatedCondition(engine, 'sales_documents', 'sales_documents.document_id', filter))
  query = applyFilters(query, fields, search)
  const [countRow, idRows] = await Promise.all([
    query.select(sql<bigint>`count(*)`.as('count')).executeTakeFirstOrThrow(),
    applyOrder(
      query.select('sales_documents.document_id'),
      fields,
      search.orderBy ?? [],
      'sales_documents.document_seq',
    )
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
  ])
  const items = await loadSalesDocuments(
    context.storage.db,
    tenant.organizationId,
    idRows.map((row) => row.document_id),
  )
  return { items, totalCount: Number(countRow.count) }
}
