// The list filters of offers, confirmations, delivery notes and letters (appendix) turned into the
// core's search, by the same reader as invoices' filters; statuses are each kind's own.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { SalesDocumentSearch } from '../../../core/sales/search-sales-documents.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { SalesDocumentState } from '../../../domain/sales/sales-document.ts'
import { commonDocumentFilters } from '../invoices/search.ts'
import { type Query, queryIds, queryList } from '../wire/query.ts'
import type { SalesKind } from './kinds.ts'

/** Billomat's sortable fields of a sales document and the core field behind each. */
export const SALES_ORDER_FIELDS: Readonly<Record<string, string>> = {
  id: 'documentSeq',
  number: 'numberSeq',
  offer_number: 'number',
  confirmation_number: 'number',
  delivery_note_number: 'number',
  date: 'documentDate',
  validity_date: 'validUntil',
  status: 'state',
  total_net: 'netMinor',
  total_gross: 'grossMinor',
  currency_code: 'currency',
  created: 'createdAt',
  updated: 'updatedAt',
}

function statesOf(kind: SalesKind, statuses: readonly string[]): SalesDocumentState[] {
  const known = Object.entries(kind.statuses) as [SalesDocumentState, string][]
  return statuses.map((status) => {
    const found = known.find(([, name]) => name === status.toUpperCase())
    if (!found)
      throw invalidField(
        'status',
        `status must be among ${[...new Set(known.map(([, name]) => name))].join(', ')}, got ${status}`,
      )
    return found[0]
  })
}

export async function salesSearchOf(
  core: CoreContext,
  tenant: Tenant,
  query: Query,
  kind: SalesKind,
): Promise<Omit<SalesDocumentSearch, 'limit' | 'offset'>> {
  const { filters, related } = await commonDocumentFilters(core, tenant, query, {
    numberParam: kind.numberField ?? `${kind.settingsKey}_number`,
    dateField: 'documentDate',
    tagResource: `${kind.element}-tag`,
    lineFilter: 'salesLineProduct',
  })
  const statuses = queryList(query, 'status')
  const extra: Filter[] = []
  if (statuses.length > 0) extra.push({ field: 'state', op: 'in', value: statesOf(kind, statuses) })
  const supplierIds = queryIds(query, 'supplier_id')
  if (kind.kind === 'letter' && supplierIds.length > 0)
    extra.push({ field: 'extra.billomat.supplier_id', op: 'in', value: supplierIds.map(String) })
  return { kind: kind.kind, filters: [...filters, ...extra], related }
}
