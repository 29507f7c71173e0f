// /invoice-items and /credit-note-items (§2.5): list by the parent's id (required), get, create
// (appended as the last position), edit and delete, all while the parent is a DRAFT. An item is a
// line of the core draft; every change rewrites the draft's lines through the core's draft edit,
// so totals are recomputed by the same rules as a create.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { DraftLineInput } from '../../../core/invoices/resolve-draft.ts'
import { updateDraftInvoice } from '../../../core/invoices/update-draft-invoice.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { DomainError, invalidField, notFound } from '../../../domain/errors.ts'
import type { Invoice, InvoiceKind, InvoiceLine } from '../../../domain/invoicing/invoice.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import type { AppServices } from '../../../http/server.ts'
import { ITEM_SPAN, invoiceBySeq, pathId, productBySeq, productsByIds, splitItemId } from '../ids.ts'
import { itemNoOf, lineExtraOf, mergeStrings, type WireStrings } from '../invoices/extra.ts'
import {
  type ItemParent,
  invoiceItemParent,
  itemToWire,
  lineAsInput,
  lineFromWire,
} from '../invoices/items-wire.ts'
import { defaultTaxOf } from '../invoices/lookups.ts'
import { asShown } from '../invoices/shown.ts'
import type { WireObject } from '../wire/body.ts'
import { pagingOf, queryIds } from '../wire/query.ts'
import { readBoolean, readId } from '../wire/read.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes, str, type WireRecord } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

/** A document with items as this file needs it: its lines, state and what items render from. */
type ItemDocument = Pick<Invoice, 'lines' | 'currency' | 'priceBasis' | 'createdAt'> &
  Readonly<{ state: string }>

/**
 * One kind of item resource: how its parent is read by whole-number id (`field` names the id in
 * refusals) and how its draft's lines are written back. Invoices and credit notes go through the
 * core's draft edit, offers and the other sales documents through theirs.
 */
export type ItemKind<D extends ItemDocument = ItemDocument> = Readonly<{
  path: string
  item: string
  parent: string
  load: (core: CoreContext, t: Tenant, seq: bigint, field?: string) => Promise<D>
  save: (core: CoreContext, t: Tenant, document: D, lines: readonly DraftLineInput[]) => Promise<D>
  parentOf: (document: D) => ItemParent
  /** Fields an item of this kind shows beyond an invoice item's (an offer item's `optional`). */
  extraFields?: readonly string[]
}>

function invoiceItems(kind: InvoiceKind, path: string, item: string, parent: string): ItemKind<Invoice> {
  return {
    path,
    item,
    parent,
    load: async (core, t, seq, field) => asShown(await invoiceBySeq(core, t, seq, kind, field)),
    save: (core, t, document, lines) => updateDraftInvoice(core, t, document.invoiceId, { lines }),
    parentOf: invoiceItemParent,
  }
}

const KINDS: readonly ItemKind<Invoice>[] = [
  invoiceItems('invoice', 'invoice-items', 'invoice-item', 'invoice_id'),
  invoiceItems('credit_note', 'credit-note-items', 'credit-note-item', 'credit_note_id'),
]

export const ITEM_ELEMENTS = [
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

async function itemsToWire<D extends ItemDocument>(
  core: CoreContext,
  t: Tenant,
  kind: ItemKind<D>,
  document: D,
  lines: readonly InvoiceLine[],
): Promise<WireRecord[]> {
  const products = await productsByIds(
    core,
    t,
    lines.flatMap((line) => line.productId ?? []),
  )
  const parent = kind.parentOf(document)
  return lines.map((line) => {
    const extra = lineExtraOf(line)
    return itemToWire(
      parent,
      line,
      line.productId ? products.get(line.productId)?.productSeq : undefined,
      (kind.extraFields ?? []).map((field) => str(field, extra[field] ?? '0')),
    )
  })
}

function findLine(document: ItemDocument, itemNo: number, what: string, id: bigint): InvoiceLine {
  const line = document.lines.find((candidate) => itemNoOf(candidate) === itemNo)
  if (!line) throw notFound(what, String(id))
  return line
}

function assertDraft(document: ItemDocument): void {
  if (document.state !== 'draft')
    throw new DomainError('wrong_state', 'items can only be changed while the document is a DRAFT', {
      state: document.state,
    })
}

function kindRoutes<D extends ItemDocument>(
  app: FastifyInstance,
  services: AppServices,
  kind: ItemKind<D>,
): void {
  const core = services.core
  const itemOf = async (request: FastifyRequest) => {
    const id = pathId(request, kind.item)
    const { invoiceSeq, itemNo } = splitItemId(id)
    const document = await kind.load(core, tenant(request), invoiceSeq).catch(() => {
      throw notFound(kind.item, String(id))
    })
    return { id, document, line: findLine(document, itemNo, kind.item, id) }
  }
  const context = async (request: FastifyRequest, document: D, articleId: bigint | undefined) => {
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
    const document = await kind.load(core, tenant(request), parentSeq, kind.parent)
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
    const body = bodyOf(request, [kind.parent, ...ITEM_ELEMENTS, ...(kind.extraFields ?? [])])
    const parentSeq = readId(body, kind.parent)
    if (parentSeq === undefined) throw invalidField(kind.parent, `${kind.parent} is required`)
    const document = await kind.load(core, tenant(request), parentSeq, kind.parent)
    assertDraft(document)
    const itemNo = Math.max(0, ...document.lines.map(itemNoOf)) + 1
    if (BigInt(itemNo) >= ITEM_SPAN)
      throw invalidField(kind.parent, `a document holds at most ${ITEM_SPAN - 1n} items over its life`)
    const line = withExtraFields(
      lineFromWire(body, await context(request, document, readId(body, 'article_id')), itemNo),
      body,
      kind.extraFields,
    )
    const updated = await kind.save(core, tenant(request), document, [
      ...document.lines.map(lineAsInput),
      line,
    ])
    const [item] = await itemsToWire(core, tenant(request), kind, updated, [
      findLine(updated, itemNo, kind.item, 0n),
    ])
    return sendRecord(request, reply, item!, 201)
  })

  app.put(`/${kind.path}/:id`, async (request, reply) => {
    const { id, document, line } = await itemOf(request)
    assertDraft(document)
    const body = bodyOf(request, [kind.parent, ...ITEM_ELEMENTS, ...(kind.extraFields ?? [])])
    const itemNo = itemNoOf(line)
    const changed = withExtraFields(
      lineFromWire(body, await context(request, document, readId(body, 'article_id')), itemNo, line),
      body,
      kind.extraFields,
    )
    const updated = await kind.save(
      core,
      tenant(request),
      document,
      document.lines.map((candidate) => (candidate === line ? changed : lineAsInput(candidate))),
    )
    const [item] = await itemsToWire(core, tenant(request), kind, updated, [
      findLine(updated, itemNo, kind.item, id),
    ])
    return sendRecord(request, reply, item!)
  })

  app.delete(`/${kind.path}/:id`, async (request, reply) => {
    const { document, line } = await itemOf(request)
    assertDraft(document)
    // The remaining items move up one position; their ids stay.
    await kind.save(
      core,
      tenant(request),
      document,
      document.lines.filter((candidate) => candidate !== line).map(lineAsInput),
    )
    return sendNothing(reply)
  })
}

/** An item's own flags beyond the invoice item's (an offer item's `optional`), kept as written. */
export function withExtraFields(
  line: DraftLineInput,
  body: WireObject,
  fields: readonly string[] | undefined,
): DraftLineInput {
  if (!fields || fields.length === 0) return line
  const stored = (line.extra?.billomat ?? {}) as WireStrings
  const given = Object.fromEntries(fields.map((field) => [field, boolText(readBoolean(body, field))]))
  return { ...line, extra: { ...line.extra, billomat: mergeStrings(stored, given) } }
}

function boolText(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? '1' : '0'
}

export function itemRoutes<D extends ItemDocument>(kind: ItemKind<D>): Routes {
  return (app, services) => kindRoutes(app, services, kind)
}

export const documentItemRoutes: Routes = (app, services) => {
  for (const kind of KINDS) kindRoutes(app, services, kind)
}
