// The list filters of invoices and credit notes (seed 002 "List all invoices"; §2.8) turned into
// the core's search: ids and statuses as OR-ed comma lists, number and free texts as
// case-insensitive substrings, from/to as inclusive bounds on the document date, tags, article
// and payment type as related rows.

import { listContacts } from '../../../core/contacts/list-contacts.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { InvoiceSearch } from '../../../core/invoices/search-invoices.ts'
import { listProducts } from '../../../core/products/list-products.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { RelatedFilter } from '../../../core/queries/related-filters.ts'
import type { InvoiceKind } from '../../../domain/invoicing/invoice.ts'
import { type Query, queryDate, queryIds, queryList, queryValue } from '../wire/query.ts'
import { statusFilters } from './status.ts'

/** Billomat's sortable fields of a document and the core field behind each. */
export const DOCUMENT_ORDER_FIELDS: Readonly<Record<string, string>> = {
  id: 'invoiceSeq',
  client_id: 'contactNo',
  invoice_number: 'number',
  credit_note_number: 'number',
  number: 'numberSeq',
  date: 'invoiceDate',
  due_date: 'dueDate',
  status: 'state',
  total_net: 'netMinor',
  total_gross: 'grossMinor',
  paid_amount: 'paidMinor',
  open_amount: 'balanceMinor',
  currency_code: 'currency',
  created: 'createdAt',
  updated: 'updatedAt',
}

async function contactIdsOf(
  core: CoreContext,
  tenant: Tenant,
  clientIds: readonly bigint[],
): Promise<string[]> {
  const page = await listContacts(core, tenant, {
    filters: [{ field: 'contactNo', op: 'in', value: clientIds }],
    limit: Math.min(clientIds.length, 1000),
    offset: 0,
  })
  return page.items.map((contact) => contact.contactId)
}

const contains = (field: string, value: string): Filter => ({
  field,
  op: 'contains',
  value,
  caseInsensitive: true,
})

/** What a kind of document is searched by: its number parameter, date field, tags and lines. */
export type SearchNames = Readonly<{
  numberParam: string
  dateField: string
  tagResource: string
  lineFilter: 'lineProduct' | 'salesLineProduct'
}>

/** The filters every Billomat document list shares (seed 002 "List all invoices", appendix). */
export async function commonDocumentFilters(
  core: CoreContext,
  tenant: Tenant,
  query: Query,
  names: SearchNames,
): Promise<{ filters: Filter[]; related: RelatedFilter[] }> {
  const filters: Filter[] = []
  const related: RelatedFilter[] = []
  const clientIds = queryIds(query, 'client_id')
  // By the contacts' own ids, so the documents' contact index serves the filter without a join.
  if (clientIds.length > 0)
    filters.push({ field: 'contactId', op: 'in', value: await contactIdsOf(core, tenant, clientIds) })
  const contactIds = queryIds(query, 'contact_id')
  if (contactIds.length > 0)
    filters.push({ field: 'extra.billomat.contact_id', op: 'in', value: contactIds.map(String) })
  const number = queryValue(query, names.numberParam)
  if (number) filters.push(contains('number', number))
  const from = queryDate(query, 'from')
  if (from) filters.push({ field: names.dateField, op: 'gte', value: from })
  const to = queryDate(query, 'to')
  if (to) filters.push({ field: names.dateField, op: 'lte', value: to })
  for (const text of ['label', 'intro'] as const) {
    const value = queryValue(query, text)
    if (value) filters.push(contains(`extra.billomat.${text}`, value))
  }
  const note = queryValue(query, 'note')
  if (note) filters.push(contains('notes', note))
  const customfield = queryValue(query, 'customfield')
  if (customfield) filters.push({ field: 'extra.billomat.customfield', op: 'eq', value: customfield })
  const tags = queryList(query, 'tags')
  if (tags.length > 0)
    related.push({
      kind: 'record',
      resource: names.tagResource,
      path: ['name'],
      values: tags,
      caseInsensitive: true,
    })
  const articleIds = queryIds(query, 'article_id')
  if (articleIds.length > 0) {
    const products = await listProducts(core, tenant, {
      filters: [{ field: 'productSeq', op: 'in', value: articleIds }],
      limit: Math.min(articleIds.length, 1000),
      offset: 0,
    })
    related.push({ kind: names.lineFilter, productIds: products.items.map((product) => product.productId) })
  }
  return { filters, related }
}

export async function documentSearchOf(
  core: CoreContext,
  tenant: Tenant,
  query: Query,
  kind: InvoiceKind,
): Promise<Omit<InvoiceSearch, 'limit' | 'offset'>> {
  const isInvoice = kind === 'invoice'
  const { filters, related } = await commonDocumentFilters(core, tenant, query, {
    numberParam: isInvoice ? 'invoice_number' : 'credit_note_number',
    dateField: 'invoiceDate',
    tagResource: `${isInvoice ? 'invoice' : 'credit-note'}-tag`,
    lineFilter: 'lineProduct',
  })
  const statuses = queryList(query, 'status')
  const anyOf = statuses.length > 0 ? statusFilters(statuses) : undefined
  const paymentTypes = queryList(query, 'payment_type').map((type) => type.toUpperCase())
  if (paymentTypes.length > 0) related.push({ kind: 'paymentSource', sources: paymentTypes })
  return { kinds: [kind], filters, related, ...(anyOf ? { anyOf } : {}) }
}
