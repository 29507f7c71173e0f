// /recurring-items and /recurring-email-receivers (§2.10): list by recurring_id (required), get,
// create, edit and delete. Items are the lines of the recurring's template and are checked by the
// same rules as an invoice's; receivers are where each issued invoice is emailed. Ids are the
// recurring's id times 10,000 plus the child's own number, as with invoice items.

import type { FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { previewRecurring } from '../../../core/recurring/preview-recurring.ts'
import { updateRecurring } from '../../../core/recurring/save-recurring.ts'
import { invalidField, notFound } from '../../../domain/errors.ts'
import type { InvoiceLine } from '../../../domain/invoicing/invoice.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { ITEM_SPAN, pathId, productBySeq, productsByIds, splitItemId } from '../ids.ts'
import { itemNoOf } from '../invoices/extra.ts'
import { itemToWire, lineAsInput, lineFromWire } from '../invoices/items-wire.ts'
import { defaultTaxOf } from '../invoices/lookups.ts'
import { recurringByNo } from '../recurrings/recurring-lookups.ts'
import {
  type CurrentRecurring,
  ownExtraOf,
  type Receiver,
  receiversOf,
  receiverToWire,
  recurringEmailOf,
} from '../recurrings/recurring-wire.ts'
import type { WireObject } from '../wire/body.ts'
import { pagingOf, queryIds } from '../wire/query.ts'
import { readEnum, readId, readText } from '../wire/read.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes, type WireRecord } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

export const ITEM_ELEMENTS = [
  'recurring_id',
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

async function parentOf(core: CoreContext, t: Tenant, request: FastifyRequest): Promise<CurrentRecurring> {
  const [recurringNo, ...others] = queryIds(queryOf(request), 'recurring_id')
  if (recurringNo === undefined || others.length > 0)
    throw invalidField('recurring_id', 'recurring_id is required and names one recurring')
  return recurringByNo(core, t, recurringNo, 'recurring_id')
}

async function parentFromBody(core: CoreContext, t: Tenant, body: WireObject): Promise<CurrentRecurring> {
  const recurringNo = readId(body, 'recurring_id')
  if (recurringNo === undefined) throw invalidField('recurring_id', 'recurring_id is required')
  return recurringByNo(core, t, recurringNo, 'recurring_id')
}

async function childOf(core: CoreContext, t: Tenant, request: FastifyRequest, what: string) {
  const id = pathId(request, what)
  const { invoiceSeq, itemNo } = splitItemId(id)
  const current = await recurringByNo(core, t, invoiceSeq).catch(() => {
    throw notFound(what, String(id))
  })
  return { id, current, childNo: itemNo }
}

async function itemsToWire(
  core: CoreContext,
  t: Tenant,
  current: CurrentRecurring,
  lines: readonly InvoiceLine[],
) {
  const products = await productsByIds(
    core,
    t,
    lines.flatMap((line) => line.productId ?? []),
  )
  return lines.map((line) =>
    itemToWire(
      {
        item: 'recurring-item',
        field: 'recurring_id',
        seq: current.preview.invoiceSeq,
        document: current.preview,
      },
      line,
      line.productId ? products.get(line.productId)?.productSeq : undefined,
    ),
  )
}

function findLine(current: CurrentRecurring, itemNo: number, id: bigint): InvoiceLine {
  const line = current.preview.lines.find((candidate) => itemNoOf(candidate) === itemNo)
  if (!line) throw notFound('recurring-item', String(id))
  return line
}

const itemRoutes: Routes = (app, services) => {
  const core = services.core
  const itemContext = async (t: Tenant, current: CurrentRecurring, body: WireObject) => {
    const articleId = readId(body, 'article_id')
    const [organization, article] = await Promise.all([
      getOrganization(core, t),
      articleId === undefined ? undefined : productBySeq(core, t, articleId, 'article_id'),
    ])
    return {
      currency: current.preview.currency as CurrencyCode,
      defaultTax: await defaultTaxOf(core, t, organization.country),
      ...(article ? { article } : {}),
    }
  }
  /** Writes the template's new lines and answers with the one item asked for. */
  const saveLines = async (t: Tenant, current: CurrentRecurring, lines: ReturnType<typeof lineAsInput>[]) => {
    const updated = await updateRecurring(core, t, current.recurring.recurringId, {
      template: { ...current.recurring.template, lines },
    })
    return { recurring: updated, preview: await previewRecurring(core, t, updated) }
  }

  app.get('/recurring-items', async (request, reply) => {
    const t = tenant(request)
    const current = await parentOf(core, t, request)
    const paging = pagingOf(queryOf(request))
    const lines = current.preview.lines.slice(paging.offset, paging.offset + paging.limit)
    const items = await itemsToWire(core, t, current, lines)
    const total = current.preview.lines.length
    return sendList(
      request,
      reply,
      list('recurring-items', 'recurring-item', items, pagedAttributes(paging.page, paging.perPage, total)),
      total,
    )
  })

  app.get('/recurring-items/:id', async (request, reply) => {
    const t = tenant(request)
    const { id, current, childNo } = await childOf(core, t, request, 'recurring-item')
    const [item] = await itemsToWire(core, t, current, [findLine(current, childNo, id)])
    return sendRecord(request, reply, item as WireRecord)
  })

  app.post('/recurring-items', async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, ITEM_ELEMENTS)
    const current = await parentFromBody(core, t, body)
    const itemNo = Math.max(0, ...current.preview.lines.map(itemNoOf)) + 1
    if (BigInt(itemNo) >= ITEM_SPAN)
      throw invalidField('recurring_id', `a recurring holds at most ${ITEM_SPAN - 1n} items over its life`)
    const line = lineFromWire(body, await itemContext(t, current, body), itemNo)
    const updated = await saveLines(t, current, [...current.preview.lines.map(lineAsInput), line])
    const [item] = await itemsToWire(core, t, updated, [findLine(updated, itemNo, 0n)])
    return sendRecord(request, reply, item as WireRecord, 201)
  })

  app.put('/recurring-items/:id', async (request, reply) => {
    const t = tenant(request)
    const { id, current, childNo } = await childOf(core, t, request, 'recurring-item')
    const line = findLine(current, childNo, id)
    const body = bodyOf(request, ITEM_ELEMENTS)
    const changed = lineFromWire(body, await itemContext(t, current, body), childNo, line)
    const updated = await saveLines(
      t,
      current,
      current.preview.lines.map((candidate) => (candidate === line ? changed : lineAsInput(candidate))),
    )
    const [item] = await itemsToWire(core, t, updated, [findLine(updated, childNo, id)])
    return sendRecord(request, reply, item as WireRecord)
  })

  app.delete('/recurring-items/:id', async (request, reply) => {
    const t = tenant(request)
    const { id, current, childNo } = await childOf(core, t, request, 'recurring-item')
    const line = findLine(current, childNo, id)
    await saveLines(
      t,
      current,
      current.preview.lines.filter((candidate) => candidate !== line).map(lineAsInput),
    )
    return sendNothing(reply)
  })
}

export const RECEIVER_ELEMENTS = ['recurring_id', 'type', 'address']
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function receiverFromWire(body: WireObject, no: number, current?: Receiver): Receiver {
  const given = readEnum(body, 'type', ['TO', 'CC', 'BCC'])
  const type = given ? (given.toLowerCase() as Receiver['type']) : (current?.type ?? 'to')
  const address = readText(body, 'address', 320) ?? current?.address
  if (!address) throw invalidField('address', 'address is required')
  if (!EMAIL.test(address)) throw invalidField('address', `address must be an email address, got ${address}`)
  return { no, type, address }
}

const receiverRoutes: Routes = (app, services) => {
  const core = services.core
  const saveReceivers = async (t: Tenant, current: CurrentRecurring, receivers: readonly Receiver[]) =>
    updateRecurring(core, t, current.recurring.recurringId, {
      extra: { ...current.recurring.extra, receivers },
      email: recurringEmailOf(ownExtraOf(current.recurring), receivers),
    })
  const findReceiver = (current: CurrentRecurring, no: number, id: bigint) => {
    const receiver = receiversOf(current.recurring).find((candidate) => candidate.no === no)
    if (!receiver) throw notFound('recurring-email-receiver', String(id))
    return receiver
  }

  app.get('/recurring-email-receivers', async (request, reply) => {
    const t = tenant(request)
    const current = await parentOf(core, t, request)
    const paging = pagingOf(queryOf(request))
    const all = receiversOf(current.recurring)
    const items = all
      .slice(paging.offset, paging.offset + paging.limit)
      .map((receiver) => receiverToWire(current.recurring, receiver))
    const attributes = pagedAttributes(paging.page, paging.perPage, all.length)
    return sendList(
      request,
      reply,
      list('recurring-email-receivers', 'recurring-email-receiver', items, attributes),
      all.length,
    )
  })

  app.get('/recurring-email-receivers/:id', async (request, reply) => {
    const { id, current, childNo } = await childOf(core, tenant(request), request, 'recurring-email-receiver')
    return sendRecord(request, reply, receiverToWire(current.recurring, findReceiver(current, childNo, id)))
  })

  app.post('/recurring-email-receivers', async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, RECEIVER_ELEMENTS)
    const current = await parentFromBody(core, t, body)
    const receivers = receiversOf(current.recurring)
    const no = Math.max(0, ...receivers.map((receiver) => receiver.no)) + 1
    const receiver = receiverFromWire(body, no)
    const updated = await saveReceivers(t, current, [...receivers, receiver])
    return sendRecord(request, reply, receiverToWire(updated, receiver), 201)
  })

  app.put('/recurring-email-receivers/:id', async (request, reply) => {
    const t = tenant(request)
    const { id, current, childNo } = await childOf(core, t, request, 'recurring-email-receiver')
    const receiver = receiverFromWire(
      bodyOf(request, RECEIVER_ELEMENTS),
      childNo,
      findReceiver(current, childNo, id),
    )
    const receivers = receiversOf(current.recurring).map((candidate) =>
      candidate.no === childNo ? receiver : candidate,
    )
    const updated = await saveReceivers(t, current, receivers)
    return sendRecord(request, reply, receiverToWire(updated, receiver))
  })

  app.delete('/recurring-email-receivers/:id', async (request, reply) => {
    const t = tenant(request)
    const { id, current, childNo } = await childOf(core, t, request, 'recurring-email-receiver')
    findReceiver(current, childNo, id)
    await saveReceivers(
      t,
      current,
      receiversOf(current.recurring).filter((candidate) => candidate.no !== childNo),
    )
    return sendNothing(reply)
  })
}

export const recurringChildRoutes: Routes = (app, services) => {
  itemRoutes(app, services)
  receiverRoutes(app, services)
}
