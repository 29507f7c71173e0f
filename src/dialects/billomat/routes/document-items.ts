// /invoice-items and /credit-note-items (§2.5): list by the parent's id (required), get, create
// (appended as the last position), edit and delete, all while the parent is a DRAFT. An item is a
// line of the core draft; every change rewrites the draft's lines through the core's draft edit,
// so totals are recomputed by the same rules as a create.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { updateDraftInvoice } from '../../../core/invoices/update-draft-invoice.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { DomainError, invalidField, notFound } from '../../../domain/errors.ts'
import type { Invoice, InvoiceKind, InvoiceLine } from '../../../domain/invoicing/invoice.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import type { AppServices } from '../../../http/server.ts'
import { ITEM_SPAN, invoiceBySeq, pathId, productBySeq, productsByIds, splitItemId } from '../ids.ts'
import { itemNoOf } from '../invoices/extra.ts'
import { itemToWire, lineAsInput, lineFromWire } from '../invoices/items-wire.ts'
import { defaultTaxOf } from '../invoices/lookups.ts'
import { pagingOf, queryIds } from '../wire/query.ts'
import { readId } from '../wire/read.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes, type WireRecord } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

type Kind = Readonly<{
  kind: InvoiceKind
  path: string
  item: 'invoice-item' | 'credit-note-item'
  parent: string
}>

const KINDS: readonly Kind[] = [
  { kind: 'invoice', path: 'invoice-items', item: 'invoice-item', parent: 'invoice_id' },
  { kind: 'credit_note', path: 'credit-note-items', item: 'credit-note-item', parent: 'credit_note_id' },
]

const ITEM_ELEMENTS = [
  'article_id',
  'unit',
  'quantity',
  'unit_price',
  'tax_name',
  'tax_rate',
  'title',
  'description',
  'reduction',
  'type',
]

async function itemsToWire(
  core: CoreContext,
  t: Tenant,
  kind: Kind,
  document: Invoice,
  lines: readonly InvoiceLine[],
): Promise<WireRecord[]> {
  const products = await productsByIds(
    core,
    t,
    lines.flatMap((line) => line.productId ?? []),
  )
  return lines.map((line) =>
    itemToWire(
      kind.item,
      document,
      line,
      line.productId ? products.get(line.productId)?.productSeq : undefined,
    ),
  )
}

function findLine(document: Invoice, itemNo: number, what: string, id: bigint): InvoiceLine {
  const line = document.lines.find((candidate) => itemNoOf(candidate) === itemNo)
  if (!line) throw notFound(what, String(id))
  return line
}

function assertDraft(document: Invoice): void {
  if (document.state !== 'draft')
    throw new DomainError('wrong_state', 'items can only be changed while the document is a DRAFT', {
      state: document.state,
    })
}

function kindRoutes(app: FastifyInstance, services: AppServices, kind: Kind): void {
  const core = services.core
  const itemOf = async (request: FastifyRequest) => {
    const id = pathId(request, kind.item)
    const { invoiceSeq, itemNo } = splitItemId(id)
    const document = await invoiceBySeq(core, tenant(request), invoiceSeq, kind.kind).catch(() => {
      throw notFound(kind.item, String(id))
    })
    return { id, document, line: findLine(document, itemNo, kind.item, id) }
  }
  const context = async (request: FastifyRequest, document: Invoice, articleId: bigint | undefined) => {
    const [organization, article] = await Promise.all([
      getOrganization(core, tenant(request)),
      articleId === undefined ? undefined : productBySeq(core, tenant(request), articleId, 'article_id'),
    ])
    return {
      currency: document.currency as CurrencyCode,
      defaultTax: await defaultTaxOf(core, tenant(request), organization.country),
      ...(article ? { article } : {}),
    }
  }

  app.get(`/${kind.path}`, async (request, reply) => {
    const query = queryOf(request)
    const [parentSeq, ...others] = queryIds(query, kind.parent)
    if (parentSeq === undefined || others.length > 0)
      throw invalidField(kind.parent, `${kind.parent} is required and names one document`)
    const document = await invoiceBySeq(core, tenant(request), parentSeq, kind.kind, kind.parent)
    const paging = pagingOf(query)
    const lines = document.lines.slice(paging.offset, paging.offset + paging.limit)
    const items = await itemsToWire(core, tenant(request), kind, document, lines)
    const attributes = pagedAttributes(paging.page, paging.perPage, document.lines.length)
    return sendList(
      request,
      reply,
      list(`${kind.item}s`, kind.item, items, attributes),
      document.lines.length,
    )
  })

  app.get(`/${kind.path}/:id`, async (request, reply) => {
    const { document, line } = await itemOf(request)
    const [item] = await itemsToWire(core, tenant(request), kind, document, [line])
    return sendRecord(request, reply, item!)
  })

  app.post(`/${kind.path}`, async (request, reply) => {
    const body = bodyOf(request, [kind.parent, ...ITEM_ELEMENTS])
    const parentSeq = readId(body, kind.parent)
    if (parentSeq === undefined) throw invalidField(kind.parent, `${kind.parent} is required`)
    const document = await invoiceBySeq(core, tenant(request), parentSeq, kind.kind, kind.parent)
    assertDraft(document)
    const itemNo = Math.max(0, ...document.lines.map(itemNoOf)) + 1
    if (BigInt(itemNo) >= ITEM_SPAN)
      throw invalidField(kind.parent, `a document holds at most ${ITEM_SPAN - 1n} items over its life`)
    const line = lineFromWire(body, await context(request, document, readId(body, 'article_id')), itemNo)
    const updated = await updateDraftInvoice(core, tenant(request), document.invoiceId, {
      lines: [...document.lines.map(lineAsInput), line],
    })
    const [item] = await itemsToWire(core, tenant(request), kind, updated, [
      findLine(updated, itemNo, kind.item, 0n),
    ])
    return sendRecord(request, reply, item!, 201)
  })

  app.put(`/${kind.path}/:id`, async (request, reply) => {
    const { id, document, line } = await itemOf(request)
    assertDraft(document)
    const body = bodyOf(request, [kind.parent, ...ITEM_ELEMENTS])
    const itemNo = itemNoOf(line)
    const changed = lineFromWire(
      body,
      await context(request, document, readId(body, 'article_id')),
      itemNo,
      line,
    )
    const updated = await updateDraftInvoice(core, tenant(request), document.invoiceId, {
      lines: document.lines.map((candidate) => (candidate === line ? changed : lineAsInput(candidate))),
    })
    const [item] = await itemsToWire(core, tenant(request), kind, updated, [
      findLine(updated, itemNo, kind.item, id),
    ])
    return sendRecord(request, reply, item!)
  })

  app.delete(`/${kind.path}/:id`, async (request, reply) => {
    const { document, line } = await itemOf(request)
    assertDraft(document)
    // The remaining items move up one position; their ids stay.
    await updateDraftInvoice(core, tenant(request), document.invoiceId, {
      lines: document.lines.filter((candidate) => candidate !== line).map(lineAsInput),
    })
    return sendNothing(reply)
  })
}

export const documentItemRoutes: Routes = (app, services) => {
  for (const kind of KINDS) kindRoutes(app, services, kind)
}
