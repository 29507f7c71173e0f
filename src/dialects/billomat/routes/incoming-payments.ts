// /incoming-payments (appendix: eingangsrechnungen/zahlungen): money paid to a supplier for an
// incoming, through the core's bill payments (payables settled, the bank credited). Only a booked
// incoming is paid, and never beyond what it owes (Faktura keeps no prepayments to suppliers);
// `mark_incoming_as_paid` cannot close it short, since a supplier's discount is not booked here.
// Deleting a payment voids it: the incoming owes again.

import { getBillSettlements, getBills } from '../../../core/bills/list-bills.ts'
import { BILL_PAYMENT_SOURCE, payBills, voidBillPayment } from '../../../core/bills/pay-bills.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { organizationToday } from '../../../core/organizations/organization-today.ts'
import type { Payment } from '../../../core/payments/list-payments.ts'
import { searchPayments } from '../../../core/payments/search-payments.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { DomainError, invalidField, notFound } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { pathId } from '../ids.ts'
import {
  API_USER_ID,
  amountMinorOf,
  paymentElements,
  paymentFromWire,
  paymentToWire,
} from '../payments/payment-wire.ts'
import { orderOf, pagingOf, type Query, queryDate, queryIds, queryList } from '../wire/query.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { incomingBySeq } from './incomings.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

const ORDER_FIELDS = { id: 'paymentSeq', date: 'paidOn', amount: 'amountMinor', created: 'createdAt' }

/** The incoming id of each payment: the bill it settled. */
async function incomingIdsOf(core: CoreContext, t: Tenant, payments: readonly Payment[]) {
  const settlements = await getBillSettlements(core, t, { paymentIds: payments.map((p) => p.paymentId) })
  const bills = await getBills(core, t, [...new Set(settlements.map((s) => s.billId))])
  const seqs = new Map(bills.map((bill) => [bill.billId, bill.billSeq]))
  return new Map(settlements.map((s) => [s.paymentId, seqs.get(s.billId)]))
}

async function filtersOf(core: CoreContext, t: Tenant, query: Query): Promise<Filter[]> {
  const filters: Filter[] = [{ field: 'source', op: 'eq', value: BILL_PAYMENT_SOURCE }]
  const from = queryDate(query, 'from')
  if (from) filters.push({ field: 'paidOn', op: 'gte', value: from })
  const to = queryDate(query, 'to')
  if (to) filters.push({ field: 'paidOn', op: 'lte', value: to })
  const types = queryList(query, 'type').map((type) => type.toUpperCase())
  if (types.length > 0) filters.push({ field: 'extra.billomat.type', op: 'in', value: types })
  const users = queryIds(query, 'user_id')
  if (users.length > 0 && !users.includes(API_USER_ID))
    filters.push({ field: 'paymentSeq', op: 'lt', value: 0n })
  const incomings = queryIds(query, 'incoming_id')
  if (incomings.length > 0) {
    const bills = await Promise.all(incomings.map((seq) => incomingBySeq(core, t, seq, 'incoming_id')))
    const settlements = await getBillSettlements(core, t, { billIds: bills.map((bill) => bill.billId) })
    filters.push({ field: 'paymentId', op: 'in', value: settlements.map((s) => s.paymentId) })
  }
  return filters
}

export const incomingPaymentRoutes: Routes = (app, services) => {
  const core = services.core
  const answer = async (t: Tenant, payments: readonly Payment[]) => {
    const ids = await incomingIdsOf(core, t, payments)
    return payments.map((payment) => paymentToWire(payment, ids.get(payment.paymentId), 'incoming_id'))
  }
  const bySeq = async (t: Tenant, seq: bigint) => {
    const page = await searchPayments(core, t, {
      filters: [
        { field: 'paymentSeq', op: 'eq', value: seq },
        { field: 'source', op: 'eq', value: BILL_PAYMENT_SOURCE },
      ],
      limit: 1,
      offset: 0,
    })
    const payment = page.items[0]
    if (!payment) throw notFound('incoming-payment', String(seq))
    return payment
  }

  app.get('/incoming-payments', async (request, reply) => {
    const t = tenant(request)
    const query = queryOf(request)
    const paging = pagingOf(query)
    const page = await searchPayments(core, t, {
      filters: await filtersOf(core, t, query),
      orderBy: orderOf(query, ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const items = await answer(t, page.items)
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(
      request,
      reply,
      list('incoming-payments', 'incoming-payment', items, attributes),
      page.totalCount,
    )
  })

  app.get('/incoming-payments/:id', async (request, reply) => {
    const t = tenant(request)
    const payment = await bySeq(t, pathId(request, 'incoming-payment'))
    return sendRecord(request, reply, (await answer(t, [payment]))[0]!)
  })

  app.post('/incoming-payments', async (request, reply) => {
    const t = tenant(request)
    const input = paymentFromWire(bodyOf(request, paymentElements('incoming_id')), 'incoming_id')
    const bill = await incomingBySeq(core, t, input.invoiceSeq, 'incoming_id')
    if (bill.state !== 'approved' || bill.balanceMinor <= 0n)
      throw new DomainError('wrong_state', 'the incoming is not booked or owes nothing', {
        field: 'incoming_id',
      })
    const amountMinor = amountMinorOf(input.amountText, bill.currency as CurrencyCode)
    if (input.markAsPaid && amountMinor < bill.balanceMinor)
      throw invalidField('mark_incoming_as_paid', 'an incoming is closed only by payments of what it owes')
    const paid = await payBills(core, t, {
      billIds: [bill.billId],
      settledMinor: amountMinor,
      paidOn: input.paidOn ?? (await organizationToday(core, t)),
      extra: {
        billomat: {
          type: input.type,
          ...(input.comment ? { comment: input.comment } : {}),
          ...(input.customfield ? { customfield: input.customfield } : {}),
        },
      },
    })
    const page = await searchPayments(core, t, {
      filters: [{ field: 'paymentId', op: 'eq', value: paid.paymentId }],
      limit: 1,
      offset: 0,
    })
    return sendRecord(request, reply, (await answer(t, page.items))[0]!, 201)
  })

  app.delete('/incoming-payments/:id', async (request, reply) => {
    const t = tenant(request)
    const payment = await bySeq(t, pathId(request, 'incoming-payment'))
    await voidBillPayment(core, t, payment.paymentId)
    return sendNothing(reply)
  })
}
