// /offers, /confirmations, /delivery-notes and /letters (appendix): list, get, create in DRAFT
// (items inline), edit in DRAFT, delete a DRAFT; and their item resources. Each handler reads the
// wire, calls one core use case and answers in the wire, by the same readers and renderers as
// invoices. A document made from another (an offer's confirmation, a confirmation's delivery note)
// names it by offer_id or confirmation_id and, given no items of its own, takes its items.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { deleteRecordsOf } from '../../../core/records/delete-records.ts'
import { changeSalesState } from '../../../core/sales/change-sales-state.ts'
import { createSalesDocument } from '../../../core/sales/create-sales-document.ts'
import { getSalesDocumentBySeq } from '../../../core/sales/get-sales-document.ts'
import type { SalesDraftInput } from '../../../core/sales/resolve-sales-draft.ts'
import { searchSalesDocuments } from '../../../core/sales/search-sales-documents.ts'
import { deleteSalesDraft, updateSalesDraft } from '../../../core/sales/update-sales-draft.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { SalesDocument } from '../../../domain/sales/sales-document.ts'
import { allowsSalesAction } from '../../../domain/sales/sales-document.ts'
import type { AppServices } from '../../../http/server.ts'
import { contactByNo, invoiceBySeq, pathId } from '../ids.ts'
import { docExtraOf } from '../invoices/extra.ts'
import { lineAsInput } from '../invoices/items-wire.ts'
import { documentLookups } from '../invoices/lookups.ts'
import { clientAddress } from '../invoices/to-wire.ts'
import { letterDraftFromWire, pricedDraftFromWire } from '../sales/from-wire.ts'
import { CONFIRMATIONS, DELIVERY_NOTES, OFFERS, SALES_KINDS, type SalesKind } from '../sales/kinds.ts'
import { invoicePreset } from '../sales/preset.ts'
import { SALES_ORDER_FIELDS, salesSearchOf } from '../sales/search.ts'
import { asSalesLine, linesTakenFrom, salesSourceOf } from '../sales/source.ts'
import { renderSalesDocument, renderSalesDocuments } from '../sales/to-wire.ts'
import { nestedItems, type WireObject } from '../wire/body.ts'
import { orderOf, pagingOf, queryValue } from '../wire/query.ts'
import { readId } from '../wire/read.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { type ItemKind, itemRoutes, withExtraFields } from './document-items.ts'
import { DOCUMENT_ELEMENTS } from './documents.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

export const SALES_ELEMENTS = [
  ...DOCUMENT_ELEMENTS,
  'validity_days',
  'validity_date',
  'subject',
  'supplier_id',
  'offer-items',
  'confirmation-items',
  'delivery-note-items',
]

/**
 * The references a body names that the core keeps only as written: a delivery note's invoice and
 * a letter's supplier must exist in the organization (§ appendix lieferscheine, briefe).
 */
async function checkedReferences(core: CoreContext, t: Tenant, kind: SalesKind, body: WireObject) {
  const invoiceSeq = kind.kind === 'delivery_note' ? readId(body, 'invoice_id') : undefined
  const invoice =
    invoiceSeq === undefined ? undefined : await invoiceBySeq(core, t, invoiceSeq, 'invoice', 'invoice_id')
  const supplierNo = kind.kind === 'letter' ? readId(body, 'supplier_id') : undefined
  if (supplierNo === undefined) return { invoice }
  const supplier = await contactByNo(core, t, supplierNo, 'supplier_id').catch(() => undefined)
  if (!supplier?.isSupplier) throw invalidField('supplier_id', `supplier ${supplierNo} does not exist`)
  return { invoice, supplier }
}

/** A letter to a supplier alone is addressed to the supplier unless it names an address. */
function letterAddressed(input: SalesDraftInput, supplier: Contact | undefined): SalesDraftInput {
  const billomat = docExtraOf({ extra: input.extra ?? {} })
  if (!supplier || input.contactId !== null || billomat.address !== undefined) return input
  return { ...input, extra: { ...input.extra, billomat: { ...billomat, address: clientAddress(supplier) } } }
}

async function createInput(core: CoreContext, t: Tenant, kind: SalesKind, body: WireObject) {
  const itemName = `${kind.element}-item`
  const items = nestedItems(body[`${itemName}s`], itemName, `${itemName}s`)
  const [lookups, { invoice, supplier }] = await Promise.all([
    documentLookups(core, t, body, items, kind.priced, itemName),
    checkedReferences(core, t, kind, body),
  ])
  if (!kind.priced)
    return { input: letterAddressed(letterDraftFromWire(body, lookups) as SalesDraftInput, supplier) }
  const source =
    kind.kind === 'offer' ? undefined : await salesSourceOf(core, t, body, kind.kind === 'delivery_note')
  const input = pricedDraftFromWire(kind, body, items, lookups) as SalesDraftInput
  // Made from an offer or a confirmation without items of its own: the source's items carry over.
  if (source && items.length === 0) return { input: { ...input, lines: linesTakenFrom(source) }, source }
  // A delivery note made from an invoice alone lists the invoice's items.
  if (invoice && items.length === 0) return { input: { ...input, lines: invoice.lines.map(lineAsInput) } }
  // An offer item's `optional` flag is kept as written, inline as through /offer-items.
  const flags = kind.kind === 'offer' ? ['optional'] : []
  const lines = (input.lines ?? []).map((line, index) =>
    asSalesLine(withExtraFields(line, items[index] ?? {}, flags)),
  )
  return { input: { ...input, lines }, source }
}

function salesRoutes(app: FastifyInstance, services: AppServices, kind: SalesKind): void {
  const core = services.core
  const load = (request: FastifyRequest) =>
    getSalesDocumentBySeq(core, tenant(request), kind.kind, pathId(request, kind.element))
  const answer = async (request: FastifyRequest, document: SalesDocument) =>
    renderSalesDocument(core, tenant(request), kind, document, services.config.publicBaseUrl)

  app.get(`/${kind.path}`, async (request, reply) => {
    const query = queryOf(request)
    const search = await salesSearchOf(core, tenant(request), query, kind)
    const paging = pagingOf(query)
    const page = await searchSalesDocuments(core, tenant(request), {
      ...search,
      orderBy: orderOf(query, SALES_ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const items = await renderSalesDocuments(
      core,
      tenant(request),
      kind,
      page.items,
      services.config.publicBaseUrl,
    )
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(request, reply, list(kind.path, kind.element, items, attributes), page.totalCount)
  })

  app.get(`/${kind.path}/:id`, async (request, reply) =>
    sendRecord(request, reply, await answer(request, await load(request))),
  )

  app.post(`/${kind.path}`, async (request, reply) => {
    const t = tenant(request)
    const { input, source } = await createInput(core, t, kind, bodyOf(request, SALES_ELEMENTS))
    const document = await inOneTransaction(core, async (unit) => {
      const created = await createSalesDocument(unit, t, kind.kind, input)
      // A confirmation confirms the order: the offer it is made from is won (Billomat's FAQ: a
      // confirmation follows a won offer), unless it is already won, cleared or cancelled.
      if (kind.kind === 'confirmation' && source?.kind === 'offer' && allowsSalesAction(source, 'win'))
        await changeSalesState(unit, t, source.documentId, 'win')
      return created
    })
    return sendRecord(request, reply, await answer(request, document), 201)
  })

  app.put(`/${kind.path}/:id`, async (request, reply) => {
    const current = await load(request)
    const t = tenant(request)
    const body = bodyOf(request, SALES_ELEMENTS)
    const [lookups] = await Promise.all([
      documentLookups(core, t, body, [], false, `${kind.element}-item`),
      checkedReferences(core, t, kind, body),
    ])
    // Items change through the item resources only.
    const patch = kind.priced
      ? pricedDraftFromWire(kind, body, undefined, lookups, current)
      : letterDraftFromWire(body, lookups, current)
    const document = await updateSalesDraft(core, t, current.documentId, patch)
    return sendRecord(request, reply, await answer(request, document))
  })

  app.delete(`/${kind.path}/:id`, async (request, reply) => {
    const document = await load(request)
    await inOneTransaction(core, async (unit) => {
      await deleteSalesDraft(unit, tenant(request), document.documentId)
      await deleteRecordsOf(unit, tenant(request), document.documentId)
    })
    return sendNothing(reply)
  })
}

function salesItems(kind: SalesKind): ItemKind<SalesDocument> {
  return {
    path: `${kind.element}-items`,
    item: `${kind.element}-item`,
    parent: kind.idField,
    load: (core, t, seq, field) => getSalesDocumentBySeq(core, t, kind.kind, seq, field),
    save: (core, t, document, lines) =>
      updateSalesDraft(core, t, document.documentId, { lines: lines.map(asSalesLine) }),
    parentOf: (document) => ({
      item: `${kind.element}-item`,
      field: kind.idField,
      seq: document.documentSeq,
      document,
    }),
    ...(kind.kind === 'offer' ? { extraFields: ['optional'] } : {}),
  }
}

export const salesDocumentRoutes: Routes = (app, services) => {
  app.get('/invoices/preset', async (request, reply) => {
    const query = queryOf(request)
    const named = Object.fromEntries(
      ['offer_id', 'confirmation_id'].flatMap((field) => {
        const value = queryValue(query, field)
        return value === undefined ? [] : [[field, value]]
      }),
    )
    const source = await salesSourceOf(services.core, tenant(request), named, true)
    if (!source) throw invalidField('confirmation_id', 'confirmation_id or offer_id is required')
    return sendRecord(request, reply, await invoicePreset(services.core, tenant(request), source))
  })
  for (const kind of SALES_KINDS) salesRoutes(app, services, kind)
  for (const kind of [OFFERS, CONFIRMATIONS, DELIVERY_NOTES]) itemRoutes(salesItems(kind))(app, services)
}
