// /incomings (appendix: eingangsrechnungen): purchase invoices, which are the core's bills. An
// incoming is booked when it is entered: creating one approves its bill (expenses, input VAT and
// the payable to the supplier) unless it carries no amount yet; editing one, or its items,
// reverses that entry and posts the new one (reviseBill); deleting one voids its bill, which Billy
// still shows as voided. group_by=supplier totals them per supplier; GET {id}/pdf serves the file
// uploaded as base64file.

import type { FastifyRequest } from 'fastify'
import type { Bill } from '../../../core/bills/bill-record.ts'
import { voidBill } from '../../../core/bills/post-bill.ts'
import { reviseBill } from '../../../core/bills/revise-bill.ts'
import { createBill, deleteBill } from '../../../core/bills/save-bill.ts'
import { findBillBySeq, searchBills, sumBillsByContact } from '../../../core/bills/search-bills.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { findContactsByIds } from '../../../core/queries/find-by-number.ts'
import { deleteRecordsOf } from '../../../core/records/delete-records.ts'
import { deleteFilesOf, getFile } from '../../../core/records/get-file.ts'
import { saveFile } from '../../../core/records/save-file.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { DomainError, invalidField, notFound } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { pathId } from '../ids.ts'
import {
  billInputOf,
  type IncomingLookups,
  incomingLookupsOf,
  supplierIdOf,
} from '../incomings/incoming-input.ts'
import { INCOMING_ORDER_FIELDS, incomingSearchOf } from '../incomings/incoming-search.ts'
import { INCOMING_ELEMENTS, incomingToWire } from '../incomings/incoming-wire.ts'
import { sendPdf } from '../invoices/pdf.ts'
import { embeddedPropertyValues } from '../records/purchase-resources.ts'
import type { WireObject } from '../wire/body.ts'
import { orderOf, pagingOf, queryList } from '../wire/query.ts'
import { readText } from '../wire/read.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { child, int, list, money, pagedAttributes, record, str } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'
import { supplierByNo } from './suppliers.ts'

const FILE_KIND = 'incoming'

/** The incoming a Billomat id names: a bill that is not voided (a voided bill was deleted). */
export async function incomingBySeq(
  core: CoreContext,
  t: Tenant,
  seq: bigint,
  field?: string,
): Promise<Bill> {
  const bill = await findBillBySeq(core, t, seq)
  if (!bill || bill.state === 'voided')
    throw field ? invalidField(field, `incoming ${seq} does not exist`) : notFound('incoming', String(seq))
  return bill
}

export async function renderIncomings(core: CoreContext, t: Tenant, bills: readonly Bill[], today: string) {
  const [contacts, values, files] = await Promise.all([
    findContactsByIds(core, t, [...new Set(bills.map((bill) => bill.contactId))]),
    embeddedPropertyValues(core, t, {
      element: 'incoming',
      field: 'incoming_id',
      ids: new Map(bills.map((bill) => [bill.billId, bill.billSeq])),
    }),
    Promise.all(bills.map((bill) => getFile(core, t, bill.billId, FILE_KIND))),
  ])
  const supplierNos = new Map(contacts.map((contact) => [contact.contactId, contact.contactNo]))
  return bills.map((bill, index) =>
    incomingToWire(
      bill,
      supplierNos.get(bill.contactId),
      today,
      values.get(bill.billId) ?? [],
      files[index] ? 1 : 0,
    ),
  )
}

async function saveUpload(core: CoreContext, t: Tenant, bill: Bill, body: WireObject): Promise<void> {
  const base64 = readText(body, 'base64file', 20 * 1024 * 1024)?.replace(/\s+/g, '')
  if (base64 === undefined) return
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw invalidField('base64file', 'base64file must be base64')
  await saveFile(core, t, {
    ownerId: bill.billId,
    kind: FILE_KIND,
    filename: `incoming_${bill.billSeq}.pdf`,
    mimetype: 'application/pdf',
    contentBase64: base64,
  })
}

async function groupsOf(core: CoreContext, t: Tenant, lookups: IncomingLookups, request: FastifyRequest) {
  const query = queryOf(request)
  const groupings = queryList(query, 'group_by').map((value) => value.toLowerCase())
  if (groupings.some((grouping) => grouping !== 'supplier'))
    throw invalidField('group_by', 'incomings are grouped by supplier only')
  const groups = await sumBillsByContact(core, t, await incomingSearchOf(core, t, query, lookups.today))
  const contacts = await findContactsByIds(
    core,
    t,
    groups.map((group) => group.contactId),
  )
  const nos = new Map(contacts.map((contact) => [contact.contactId, contact.contactNo]))
  const currencies = new Set(groups.map((group) => group.currency))
  const single = currencies.size <= 1
  const items = groups.map((group) =>
    record('incoming-group', [
      money('total_gross', group.grossMinor, group.currency as CurrencyCode),
      money('total_net', group.netMinor, group.currency as CurrencyCode),
      ...(single ? [] : [str('currency_code', group.currency)]),
      int('supplier_id', nos.get(group.contactId)),
      child(record('incoming-params', [int('supplier_id', nos.get(group.contactId))])),
    ]),
  )
  const currency = single ? ([...currencies][0] ?? lookups.baseCurrency) : undefined
  return list('incoming-groups', 'incoming-group', items, currency ? [['currency_code', currency]] : [])
}

export const incomingRoutes: Routes = (app, services) => {
  const core = services.core
  const answer = async (request: FastifyRequest, bill: Bill, lookups: IncomingLookups) =>
    (await renderIncomings(core, tenant(request), [bill], lookups.today))[0]!

  app.get('/incomings', async (request, reply) => {
    const t = tenant(request)
    const lookups = await incomingLookupsOf(core, t)
    const query = queryOf(request)
    if (query.has('group_by')) {
      const groups = await groupsOf(core, t, lookups, request)
      return sendList(request, reply, groups, groups.items.length)
    }
    const paging = pagingOf(query)
    const page = await searchBills(core, t, {
      ...(await incomingSearchOf(core, t, query, lookups.today)),
      orderBy: orderOf(query, INCOMING_ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const items = await renderIncomings(core, t, page.items, lookups.today)
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(request, reply, list('incomings', 'incoming', items, attributes), page.totalCount)
  })

  app.get('/incomings/:id', async (request, reply) => {
    const t = tenant(request)
    const bill = await incomingBySeq(core, t, pathId(request, 'incoming'))
    return sendRecord(request, reply, await answer(request, bill, await incomingLookupsOf(core, t)))
  })

  app.post('/incomings', async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, INCOMING_ELEMENTS)
    const supplierId = supplierIdOf(body)
    if (supplierId === undefined) throw invalidField('supplier_id', 'supplier_id is required')
    const supplier = await supplierByNo(core, t, supplierId).catch(() => {
      throw invalidField('supplier_id', `supplier ${supplierId} does not exist`)
    })
    const lookups = await incomingLookupsOf(core, t)
    const input = billInputOf(body, lookups, supplier)
    const bill = await inOneTransaction(core, async (unit) => {
      const created = await createBill(unit, t, input, { approve: 'whenMoving' })
      await saveUpload(unit, t, created, body)
      return created
    })
    return sendRecord(request, reply, await answer(request, bill, lookups), 201)
  })

  app.put('/incomings/:id', async (request, reply) => {
    const t = tenant(request)
    const current = await incomingBySeq(core, t, pathId(request, 'incoming'))
    const body = bodyOf(request, INCOMING_ELEMENTS)
    const supplierId = supplierIdOf(body)
    const supplier = supplierId === undefined ? undefined : await supplierByNo(core, t, supplierId)
    const lookups = await incomingLookupsOf(core, t)
    const input = billInputOf(body, lookups, supplier, current)
    const bill = await inOneTransaction(core, async (unit) => {
      const revised = await reviseBill(unit, t, current.billId, input)
      await saveUpload(unit, t, revised, body)
      return revised
    })
    return sendRecord(request, reply, await answer(request, bill, lookups))
  })

  app.delete('/incomings/:id', async (request, reply) => {
    const t = tenant(request)
    const bill = await incomingBySeq(core, t, pathId(request, 'incoming'))
    if (bill.paidMinor !== 0n)
      throw new DomainError('wrong_state', 'the incoming has payments: delete them before the incoming', {
        field: 'id',
      })
    await inOneTransaction(core, async (unit) => {
      if (bill.state === 'draft') {
        await deleteBill(unit, t, bill.billId)
        await deleteRecordsOf(unit, t, bill.billId)
        await deleteFilesOf(unit, t, bill.billId)
      } else await voidBill(unit, t, bill.billId)
    })
    return sendNothing(reply)
  })

  app.get('/incomings/:id/pdf', async (request, reply) => {
    const t = tenant(request)
    const bill = await incomingBySeq(core, t, pathId(request, 'incoming'))
    const file = await getFile(core, t, bill.billId, FILE_KIND)
    if (!file)
      throw new DomainError('not_found', 'no document was uploaded for this incoming', { field: 'id' })
    return sendPdf(
      request,
      reply,
      { field: 'incoming_id', seq: bill.billSeq },
      {
        id: file.fileNo,
        filename: file.filename,
        mimetype: file.mimetype,
        base64: file.contentBase64,
        byteLength: Buffer.byteLength(file.contentBase64, 'base64'),
        createdAt: file.createdAt,
      },
    )
  })
}
