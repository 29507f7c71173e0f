// /invoices: list (with group_by), get, create in DRAFT with items inline, edit in DRAFT, delete
// (seed 002). Each handler reads the wire, calls one core use case, and answers in the wire.

import { aggregateInvoices } from '../../../core/invoices/aggregate-invoices.ts'
import { createInvoice } from '../../../core/invoices/create-invoice.ts'
import { deleteDraftInvoice } from '../../../core/invoices/delete-draft-invoice.ts'
import { searchInvoices } from '../../../core/invoices/search-invoices.ts'
import { updateDraftInvoice } from '../../../core/invoices/update-draft-invoice.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { deleteRecordsOf } from '../../../core/records/delete-records.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { invoiceBySeq, pathId } from '../ids.ts'
import { documentDraftFromWire } from '../invoices/from-wire.ts'
import { groupingsOf, groupsToWire } from '../invoices/groups.ts'
import { documentLookups } from '../invoices/lookups.ts'
import { renderDocument, renderDocuments } from '../invoices/render.ts'
import { DOCUMENT_ORDER_FIELDS, documentSearchOf } from '../invoices/search.ts'
import { nestedItems } from '../wire/body.ts'
import { orderOf, pagingOf, queryList } from '../wire/query.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

/** Element names of an invoice body, so a bare body of one field is not taken for a root. */
export const INVOICE_ELEMENTS = [
  'client_id',
  'contact_id',
  'address',
  'number_pre',
  'number',
  'number_length',
  'date',
  'supply_date',
  'supply_date_type',
  'due_date',
  'due_days',
  'discount_rate',
  'discount_days',
  'discount_date',
  'title',
  'label',
  'intro',
  'note',
  'reduction',
  'currency_code',
  'net_gross',
  'quote',
  'payment_types',
  'invoice_id',
  'offer_id',
  'confirmation_id',
  'recurring_id',
  'free_text_id',
  'template_id',
  'invoice-items',
  'customfield',
]

export const invoiceRoutes: Routes = (app, services) => {
  const core = services.core
  const baseUrl = services.config.publicBaseUrl

  app.get('/invoices', async (request, reply) => {
    const query = queryOf(request)
    const search = await documentSearchOf(core, tenant(request), query, 'invoice')
    const groupBy = queryList(query, 'group_by')
    if (groupBy.length > 0) {
      const groupings = groupingsOf(groupBy)
      const [groups, organization] = await Promise.all([
        aggregateInvoices(core, tenant(request), search, groupings),
        getOrganization(core, tenant(request)),
      ])
      const wire = groupsToWire('invoice', groups, groupings, organization.baseCurrency)
      return sendList(request, reply, wire, wire.items.length)
    }
    const paging = pagingOf(query)
    const page = await searchInvoices(core, tenant(request), {
      ...search,
      orderBy: orderOf(query, DOCUMENT_ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const items = await renderDocuments(core, tenant(request), baseUrl, page.items)
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(request, reply, list('invoices', 'invoice', items, attributes), page.totalCount)
  })

  app.get('/invoices/:id', async (request, reply) => {
    const invoice = await invoiceBySeq(core, tenant(request), pathId(request, 'invoice'), 'invoice')
    return sendRecord(request, reply, await renderDocument(core, tenant(request), baseUrl, invoice))
  })

  app.post('/invoices', async (request, reply) => {
    const body = bodyOf(request, INVOICE_ELEMENTS)
    const items = nestedItems(body['invoice-items'], 'invoice-item', 'invoice-items')
    const lookups = await documentLookups(core, tenant(request), body, items, true)
    const { draft } = documentDraftFromWire(body, items, lookups)
    const invoice = await createInvoice(core, tenant(request), {
      ...draft,
      contactId: lookups.client!.contactId,
      lines: draft.lines ?? [],
    })
    return sendRecord(request, reply, await renderDocument(core, tenant(request), baseUrl, invoice), 201)
  })

  app.put('/invoices/:id', async (request, reply) => {
    const current = await invoiceBySeq(core, tenant(request), pathId(request, 'invoice'), 'invoice')
    const body = bodyOf(request, INVOICE_ELEMENTS)
    const lookups = await documentLookups(core, tenant(request), body, [], false)
    // Items are edited through /invoice-items only (seed 002 "Edit invoice").
    const { draft } = documentDraftFromWire(body, undefined, lookups, current)
    const invoice = await updateDraftInvoice(core, tenant(request), current.invoiceId, draft)
    return sendRecord(request, reply, await renderDocument(core, tenant(request), baseUrl, invoice))
  })

  app.delete('/invoices/:id', async (request, reply) => {
    const invoice = await invoiceBySeq(core, tenant(request), pathId(request, 'invoice'), 'invoice')
    await inOneTransaction(core, async (unit) => {
      await deleteDraftInvoice(unit, tenant(request), invoice.invoiceId)
      await deleteRecordsOf(unit, tenant(request), invoice.invoiceId)
    })
    return sendNothing(reply)
  })
}
