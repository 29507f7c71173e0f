// The activity feed (the organization's event log, newest first, §2.11; an incoming's events are
// named by the incoming) and the free-text search across clients, suppliers, articles, invoices,
// credit notes and incomings (`GET /search?query=`, §1.10).

import type { Bill } from '../../../core/bills/bill-record.ts'
import { getBills } from '../../../core/bills/list-bills.ts'
import { searchBills } from '../../../core/bills/search-bills.ts'
import { searchContacts } from '../../../core/contacts/search-contacts.ts'
import {
  listOrganizationEvents,
  type OrganizationEvent,
} from '../../../core/events/list-organization-events.ts'
import { searchInvoices } from '../../../core/invoices/search-invoices.ts'
import { searchProducts } from '../../../core/products/search-products.ts'
import { invalidField } from '../../../domain/errors.ts'
import { articleNumberOf } from '../articles/article-wire.ts'
import { clientNumberOf } from '../clients/client-wire.ts'
import { pagingOf, queryValue } from '../wire/query.ts'
import { sendList } from '../wire/reply.ts'
import { datetime, int, list, pagedAttributes, record, str, type WireRecord } from '../wire/tree.ts'
import { queryOf, type Routes, tenant } from './kit.ts'

/** Event types in words, for the feed's title. */
const TITLES: Readonly<Record<string, string>> = {
  'invoice.created': 'created',
  'invoice.approved': 'completed',
  'invoice.sent': 'sent',
  'invoice.payment': 'payment received',
  'invoice.paid': 'paid',
  'invoice.overdue': 'overdue',
  'invoice.credited': 'credited',
  'invoice.cancelled': 'canceled',
  'invoice.uncancelled': 'cancellation undone',
  'invoice.payment_voided': 'payment deleted',
  'invoice.written_off': 'written off',
  'bill.approved': 'booked',
  'bill.revised': 'changed',
  'bill.voided': 'deleted',
  'bill.payment': 'payment made',
  'bill.payment_voided': 'payment deleted',
}

/** What an event is about on the wire: an invoice, a credit note, an incoming (a bill) or the account. */
function subjectOf(event: OrganizationEvent, bills: ReadonlyMap<string, Bill>) {
  const bill = typeof event.data.billId === 'string' ? bills.get(event.data.billId) : undefined
  if (bill) return { resource: 'incoming', id: bill.billSeq, number: bill.suppliersInvoiceNo }
  const resource =
    event.invoiceKind === 'credit_note' ? 'credit-note' : event.invoiceKind ? 'invoice' : 'account'
  return { resource, id: event.invoiceSeq, number: event.invoiceNumber }
}

const SEARCH_LIMIT = 25

export const feedSearchRoutes: Routes = (app, services) => {
  const core = services.core

  app.get('/activity-feed', async (request, reply) => {
    const paging = pagingOf(queryOf(request))
    const page = await listOrganizationEvents(core, tenant(request), paging)
    const billIds = page.items.flatMap((event) =>
      typeof event.data.billId === 'string' ? [event.data.billId] : [],
    )
    const bills = new Map(
      (await getBills(core, tenant(request), [...new Set(billIds)])).map((bill) => [bill.billId, bill]),
    )
    const items = page.items.map((event) => {
      const subject = subjectOf(event, bills)
      const what = subject.number ? `${subject.resource} ${subject.number}` : subject.resource
      return record('activity', [
        str('resource', subject.resource),
        int('id', subject.id),
        datetime('date', event.occurredAt),
        str('title', `${what} ${TITLES[event.type] ?? event.type}`),
        str('text', event.type),
        int('user_id', 1),
      ])
    })
    return sendList(
      request,
      reply,
      list('activity-feed', 'activity', items, pagedAttributes(paging.page, paging.perPage, page.totalCount)),
      page.totalCount,
    )
  })

  app.get('/search', async (request, reply) => {
    const words = queryValue(queryOf(request), 'query')
    if (!words) throw invalidField('query', 'query is required')
    const t = tenant(request)
    const like = (field: string) => [{ field, op: 'contains' as const, value: words, caseInsensitive: true }]
    const page = { limit: SEARCH_LIMIT, offset: 0 }
    const [clients, articles, documents, incomings] = await Promise.all([
      searchContacts(core, t, {
        anyOf: [like('name'), like('email'), like('extra.billomat.client_number')],
        ...page,
      }),
      searchProducts(core, t, {
        anyOf: [like('name'), like('description'), like('extra.billomat.article_number')],
        ...page,
      }),
      searchInvoices(core, t, {
        anyOf: [like('number'), like('extra.billomat.label'), like('notes')],
        ...page,
      }),
      searchBills(core, t, {
        filters: [{ field: 'state', op: 'in', value: ['draft', 'approved'] }],
        anyOf: [like('suppliersInvoiceNo'), like('extra.billomat.label'), like('extra.billomat.note')],
        ...page,
      }),
    ])
    const result = (resource: string, id: bigint, headline: string, subline: string): WireRecord =>
      record('result', [
        str('resource', resource),
        int('id', id),
        str('headline', headline),
        str('sublineline', subline),
      ])
    const items = [
      ...clients.items.map((contact) =>
        contact.isCustomer || !contact.isSupplier
          ? result('client', contact.contactNo, contact.name, clientNumberOf(contact))
          : result('supplier', contact.contactNo, contact.name, contact.email ?? ''),
      ),
      ...articles.items.map((product) =>
        result('article', product.productSeq, product.name, articleNumberOf(product)),
      ),
      ...documents.items.map((document) =>
        result(
          document.kind === 'invoice' ? 'invoice' : 'credit-note',
          document.invoiceSeq,
          document.number ?? '',
          String((document.extra.billomat as Record<string, string> | undefined)?.label ?? ''),
        ),
      ),
      ...incomings.items.map((bill) =>
        result(
          'incoming',
          bill.billSeq,
          bill.suppliersInvoiceNo ?? '',
          String((bill.extra.billomat as Record<string, string> | undefined)?.label ?? ''),
        ),
      ),
    ]
    const total = clients.totalCount + articles.totalCount + documents.totalCount + incomings.totalCount
    return sendList(
      request,
      reply,
      list('search', 'result', items, pagedAttributes(1, SEARCH_LIMIT * 4, total)),
      total,
    )
  })
}
