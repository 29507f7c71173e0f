// /invoices and /credit-notes (seed 002; §2.8): list (with group_by), get, create in DRAFT with
// items inline, edit in DRAFT, delete. Each handler reads the wire, calls one core use case, and
// answers in the wire. A credit note names the invoice it credits by invoice_id; its draft joins
// that invoice's case and currency.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import { aggregateInvoices } from '../../../core/invoices/aggregate-invoices.ts'
import { createInvoice } from '../../../core/invoices/create-invoice.ts'
import { deleteDraftInvoice } from '../../../core/invoices/delete-draft-invoice.ts'
import { searchInvoices } from '../../../core/invoices/search-invoices.ts'
import { updateDraftInvoice } from '../../../core/invoices/update-draft-invoice.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { deleteRecordsOf } from '../../../core/records/delete-records.ts'
import { changeSalesState } from '../../../core/sales/change-sales-state.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { InvoiceKind } from '../../../domain/invoicing/invoice.ts'
import { allowsSalesAction } from '../../../domain/sales/sales-document.ts'
import type { AppServices } from '../../../http/server.ts'
import { applyDunningRunTo } from '../clients/dunning-run.ts'
import { invoiceBySeq, pathId } from '../ids.ts'
import { documentDraftFromWire } from '../invoices/from-wire.ts'
import { groupingsOf, groupsToWire } from '../invoices/groups.ts'
import { documentLookups } from '../invoices/lookups.ts'
import { renderDocument, renderDocuments } from '../invoices/render.ts'
import { DOCUMENT_ORDER_FIELDS, documentSearchOf } from '../invoices/search.ts'
import { linesTakenFrom, salesSourceOf } from '../sales/source.ts'
import { nestedItems, type WireObject } from '../wire/body.ts'
import { orderOf, pagingOf, queryList } from '../wire/query.ts'
import { readId } from '../wire/read.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

/** Element names of a document body, so a bare body of one field is not taken for a root. */
export const DOCUMENT_ELEMENTS = [
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
  'credit-note-items',
  'customfield',
]

export type DocumentKind = Readonly<{ kind: InvoiceKind; path: string; element: 'invoice' | 'credit-note' }>

export const INVOICES: DocumentKind = { kind: 'invoice', path: 'invoices', element: 'invoice' }
export const CREDIT_NOTES: DocumentKind = {
  kind: 'credit_note',
  path: 'credit-notes',
  element: 'credit-note',
}

function documentRoutes(app: FastifyInstance, services: AppServices, kind: DocumentKind): void {
  const core = services.core
  const baseUrl = services.config.publicBaseUrl
  const itemName = `${kind.element}-item`
  const load = (request: FastifyRequest) =>
    invoiceBySeq(core, tenant(request), pathId(request, kind.element), kind.kind)

  app.get(`/${kind.path}`, async (request, reply) => {
    const query = queryOf(request)
    const search = await documentSearchOf(core, tenant(request), query, kind.kind)
    const groupBy = queryList(query, 'group_by')
    if (groupBy.length > 0) {
      const groupings = groupingsOf(groupBy)
      const [groups, organization] = await Promise.all([
        aggregateInvoices(core, tenant(request), search, groupings),
        getOrganization(core, tenant(request)),
      ])
      const wire = groupsToWire(kind.element, groups, groupings, organization.baseCurrency)
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
    return sendList(request, reply, list(kind.path, kind.element, items, attributes), page.totalCount)
  })

  app.get(`/${kind.path}/:id`, async (request, reply) =>
    sendRecord(request, reply, await renderDocument(core, tenant(request), baseUrl, await load(request))),
  )

  app.post(`/${kind.path}`, async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, DOCUMENT_ELEMENTS)
    const items = nestedItems(body[`${itemName}s`], itemName, `${itemName}s`)
    const creditedSeq = kind.kind === 'credit_note' ? readId(body, 'invoice_id') : undefined
    const credited =
      creditedSeq === undefined
        ? undefined
        : await invoiceBySeq(core, t, creditedSeq, 'invoice', 'invoice_id')
    const withCurrency: WireObject =
      credited && !body.currency_code ? { ...body, currency_code: credited.currency } : body
    if (credited && withCurrency.currency_code !== credited.currency)
      throw invalidField(
        'currency_code',
        `a credit note is in the currency of its invoice, ${credited.currency}`,
      )
    const lookups = await documentLookups(core, t, withCurrency, items, true, itemName)
    const { draft } = documentDraftFromWire(withCurrency, items, lookups, undefined, itemName)
    // An invoice made from an offer or confirmation takes its items when given none, and clears it.
    const source = kind.kind === 'invoice' ? await salesSourceOf(core, t, body, true) : undefined
    const lines = source && items.length === 0 ? linesTakenFrom(source) : (draft.lines ?? [])
    const document = await inOneTransaction(core, async (unit) => {
      const created = await createInvoice(
        unit,
        t,
        { ...draft, contactId: lookups.client!.contactId, lines },
        kind.kind === 'credit_note'
          ? {
              kind: 'credit_note',
              ...(credited ? { creditedInvoiceId: credited.invoiceId, caseId: credited.caseId } : {}),
            }
          : {},
      )
      if (source && allowsSalesAction(source, 'clear'))
        await changeSalesState(unit, t, source.documentId, 'clear')
      if (kind.kind === 'invoice') await applyDunningRunTo(unit, t, lookups.client!, created.invoiceId)
      return created
    })
    return sendRecord(request, reply, await renderDocument(core, t, baseUrl, document, lookups.client), 201)
  })

  app.put(`/${kind.path}/:id`, async (request, reply) => {
    const current = await load(request)
    const raw = bodyOf(request, DOCUMENT_ELEMENTS)
    const { invoice_id: _credited, ...withoutCredited } = raw
    // A credit note keeps the invoice it credits; items change through the item resources only.
    const edited = kind.kind === 'credit_note' ? withoutCredited : raw
    const lookups = await documentLookups(core, tenant(request), edited, [], false, itemName)
    const { draft } = documentDraftFromWire(edited, undefined, lookups, current, itemName)
    const document = await updateDraftInvoice(core, tenant(request), current.invoiceId, draft)
    return sendRecord(request, reply, await renderDocument(core, tenant(request), baseUrl, document))
  })

  app.delete(`/${kind.path}/:id`, async (request, reply) => {
    const document = await load(request)
    await inOneTransaction(core, async (unit) => {
      await deleteDraftInvoice(unit, tenant(request), document.invoiceId)
      await deleteRecordsOf(unit, tenant(request), document.invoiceId)
    })
    return sendNothing(reply)
  })
}

export const invoiceRoutes: Routes = (app, services) => documentRoutes(app, services, INVOICES)
export const creditNoteRoutes: Routes = (app, services) => documentRoutes(app, services, CREDIT_NOTES)
