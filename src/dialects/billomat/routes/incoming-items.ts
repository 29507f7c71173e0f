// /incoming-items (appendix: eingangsrechnungen/posten): the lines of an incoming's bill. Every
// change rewrites the bill's lines and books the incoming again (reviseBill), so its totals, input
// VAT and payable follow. An item's id is its incoming's id × ITEM_SPAN plus its own number, which
// never changes; the first item replaces the line that stood for total_net/total_gross, and
// removing the last leaves an incoming of nothing (a draft bill, nothing posted).

import type { FastifyRequest } from 'fastify'
import type { Bill } from '../../../core/bills/bill-record.ts'
import { reviseBill } from '../../../core/bills/revise-bill.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { assert } from '../../../domain/assert.ts'
import { invalidField, notFound } from '../../../domain/errors.ts'
import { pathId, splitItemId } from '../ids.ts'
import { incomingLookupsOf, linesOf } from '../incomings/incoming-input.ts'
import { ITEM_ELEMENTS, itemFieldsOf, itemFromWire, itemToWire } from '../incomings/incoming-wire.ts'
import type { WireStrings } from '../invoices/extra.ts'
import { pagingOf, queryIds, queryValue } from '../wire/query.ts'
import { readId } from '../wire/read.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { incomingBySeq } from './incomings.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

const realItems = (bill: Bill): WireStrings[] =>
  bill.lines.map(itemFieldsOf).filter((item) => item.from_totals !== '1')

async function rewrite(
  core: CoreContext,
  t: Tenant,
  bill: Bill,
  items: readonly WireStrings[],
): Promise<Bill> {
  const kept = items.length > 0 ? items : [{ from_totals: '1', total: '0', item_no: '1' }]
  const lookups = await incomingLookupsOf(core, t)
  const extra = (bill.extra.billomat ?? {}) as WireStrings
  return reviseBill(core, t, bill.billId, linesOf(kept, extra, lookups.accounts))
}

async function itemOf(core: CoreContext, t: Tenant, request: FastifyRequest) {
  const id = pathId(request, 'incoming-item')
  const { invoiceSeq, itemNo } = splitItemId(id)
  const bill = await incomingBySeq(core, t, invoiceSeq).catch(() => {
    throw notFound('incoming-item', String(id))
  })
  const line = bill.lines.find((candidate) => itemFieldsOf(candidate).item_no === String(itemNo))
  if (!line || itemFieldsOf(line).from_totals === '1') throw notFound('incoming-item', String(id))
  return { bill, line, item: itemFieldsOf(line) }
}

function lineOfItemNo(bill: Bill, itemNo: string) {
  const line = bill.lines.find((candidate) => itemFieldsOf(candidate).item_no === itemNo)
  assert(line !== undefined, `item ${itemNo} vanished from its bill`)
  return line
}

export const incomingItemRoutes: Routes = (app, services) => {
  const core = services.core

  app.get('/incoming-items', async (request, reply) => {
    const t = tenant(request)
    const query = queryOf(request)
    const ids = queryIds(query, 'incoming_id')
    if (ids.length === 0) throw invalidField('incoming_id', 'incoming_id is required')
    const bills = await Promise.all(ids.map((id) => incomingBySeq(core, t, id, 'incoming_id')))
    const customfield = queryValue(query, 'customfield')
    const all = bills.flatMap((bill) =>
      bill.lines
        .filter((line) => itemFieldsOf(line).from_totals !== '1')
        .filter((line) => customfield === undefined || itemFieldsOf(line).customfield === customfield)
        .map((line) => itemToWire(bill, line)),
    )
    const paging = pagingOf(query)
    const page = all.slice(paging.offset, paging.offset + paging.limit)
    const attributes = pagedAttributes(paging.page, paging.perPage, all.length)
    return sendList(request, reply, list('incoming-items', 'incoming-item', page, attributes), all.length)
  })

  app.get('/incoming-items/:id', async (request, reply) => {
    const { bill, line } = await itemOf(core, tenant(request), request)
    return sendRecord(request, reply, itemToWire(bill, line))
  })

  app.post('/incoming-items', async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, ITEM_ELEMENTS)
    const incomingId = readId(body, 'incoming_id')
    if (incomingId === undefined) throw invalidField('incoming_id', 'incoming_id is required')
    const bill = await incomingBySeq(core, t, incomingId, 'incoming_id')
    const numbers = bill.lines.map((line) => Number(itemFieldsOf(line).item_no))
    const itemNo = String(Math.max(0, ...numbers) + 1)
    const revised = await rewrite(core, t, bill, [
      ...realItems(bill),
      { ...itemFromWire(body), item_no: itemNo },
    ])
    return sendRecord(request, reply, itemToWire(revised, lineOfItemNo(revised, itemNo)), 201)
  })

  app.put('/incoming-items/:id', async (request, reply) => {
    const t = tenant(request)
    const { bill, item } = await itemOf(core, t, request)
    const edited = itemFromWire(bodyOf(request, ITEM_ELEMENTS), item)
    const items = realItems(bill).map((candidate) =>
      candidate.item_no === item.item_no ? edited : candidate,
    )
    const revised = await rewrite(core, t, bill, items)
    return sendRecord(request, reply, itemToWire(revised, lineOfItemNo(revised, item.item_no ?? '')))
  })

  app.delete('/incoming-items/:id', async (request, reply) => {
    const t = tenant(request)
    const { bill, item } = await itemOf(core, t, request)
    await rewrite(
      core,
      t,
      bill,
      realItems(bill).filter((candidate) => candidate.item_no !== item.item_no),
    )
    return sendNothing(reply)
  })
}
