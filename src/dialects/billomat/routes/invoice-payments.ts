// /invoice-payments (§2.6): list (invoice_id, from, to, type, user_id), get, create and delete.
// Payments are taken for OPEN and OVERDUE invoices only; `mark_invoice_as_paid` closes the invoice
// even when the amount falls short (a cash discount): what is left is written off, with its VAT,
// in the same transaction. Deleting a payment voids it: the invoice owes again.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getInvoice } from '../../../core/invoices/get-invoice.ts'
import { markOverdueInvoices } from '../../../core/invoices/mark-overdue.ts'
import { writeOffInvoice } from '../../../core/invoices/write-off-invoice.ts'
import { organizationToday } from '../../../core/organizations/organization-today.ts'
import type { Payment } from '../../../core/payments/list-payments.ts'
import { receivePayment } from '../../../core/payments/receive-payment.ts'
import { searchPayments } from '../../../core/payments/search-payments.ts'
import { voidPayment } from '../../../core/payments/void-payment.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { DomainError, notFound } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { invoiceBySeq, pathId } from '../ids.ts'
import { API_USER_ID, amountMinorOf, paymentFromWire, paymentToWire } from '../payments/payment-wire.ts'
import { orderOf, pagingOf, type Query, queryDate, queryIds, queryList } from '../wire/query.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

export const ORDER_FIELDS = {
  id: 'paymentSeq',
  date: 'paidOn',
  amount: 'amountMinor',
  type: 'source',
  created: 'createdAt',
}

export async function seqsOf(
  core: CoreContext,
  t: Tenant,
  payments: readonly Payment[],
): Promise<Map<string, bigint>> {
  const ids = [...new Set(payments.flatMap((payment) => payment.applied.map((applied) => applied.invoiceId)))]
  const invoices = await Promise.all(ids.map((id) => getInvoice(core, t, id)))
  return new Map(invoices.map((invoice) => [invoice.invoiceId, invoice.invoiceSeq]))
}

/** The list filters payments share (§2.6): from, to, type (OR list), user_id. */
export function paymentFilters(query: Query): Filter[] {
  const filters: Filter[] = []
  const from = queryDate(query, 'from')
  if (from) filters.push({ field: 'paidOn', op: 'gte', value: from })
  const to = queryDate(query, 'to')
  if (to) filters.push({ field: 'paidOn', op: 'lte', value: to })
  const types = queryList(query, 'type').map((type) => type.toUpperCase())
  if (types.length > 0) filters.push({ field: 'source', op: 'in', value: types })
  const users = queryIds(query, 'user_id')
  if (users.length > 0 && !users.includes(API_USER_ID))
    filters.push({ field: 'paymentSeq', op: 'lt', value: 0n })
  return filters
}

export const invoicePaymentRoutes: Routes = (app, services) => {
  const core = services.core

  app.get('/invoice-payments', async (request, reply) => {
    const query = queryOf(request)
    const paging = pagingOf(query)
    const invoiceSeqs = queryIds(query, 'invoice_id')
    const page = await searchPayments(core, tenant(request), {
      filters: paymentFilters(query),
      invoiceKinds: ['invoice'],
      ...(invoiceSeqs.length > 0 ? { invoiceSeqs } : {}),
      orderBy: orderOf(query, ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const seqs = await seqsOf(core, tenant(request), page.items)
    const items = page.items.map((payment) =>
      paymentToWire(payment, seqs.get(payment.applied[0]?.invoiceId ?? ''), 'invoice_id'),
    )
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(
      request,
      reply,
      list('invoice-payments', 'invoice-payment', items, attributes),
      page.totalCount,
    )
  })

  const bySeq = async (t: Tenant, seq: bigint) => {
    const page = await searchPayments(core, t, {
      filters: [{ field: 'paymentSeq', op: 'eq', value: seq }],
      invoiceKinds: ['invoice'],
      limit: 1,
      offset: 0,
    })
    const payment = page.items[0]
    if (!payment) throw notFound('invoice-payment', String(seq))
    return payment
  }

  app.get('/invoice-payments/:id', async (request, reply) => {
    const payment = await bySeq(tenant(request), pathId(request, 'invoice-payment'))
    const seqs = await seqsOf(core, tenant(request), [payment])
    return sendRecord(
      request,
      reply,
      paymentToWire(payment, seqs.get(payment.applied[0]?.invoiceId ?? ''), 'invoice_id'),
    )
  })

  app.post('/invoice-payments', async (request, reply) => {
    const input = paymentFromWire(
      bodyOf(request, ['invoice_id', 'amount', 'date', 'comment', 'type']),
      'invoice_id',
    )
    const t = tenant(request)
    const invoice = await invoiceBySeq(core, t, input.invoiceSeq, 'invoice', 'invoice_id')
    if (invoice.state !== 'open' && invoice.state !== 'overdue')
      throw new DomainError('wrong_state', 'payments are taken for OPEN and OVERDUE invoices only', {
        field: 'invoice_id',
      })
    const amountMinor = amountMinorOf(input.amountText, invoice.currency as CurrencyCode)
    const paidOn = input.paidOn ?? (await organizationToday(core, t))
    const paymentId = await inOneTransaction(core, async (unit) => {
      const received = await receivePayment(unit, t, {
        invoiceIds: [invoice.invoiceId],
        amountMinor,
        paidOn,
        source: input.type,
        reference: input.transactionPurpose ?? null,
        extra: {
          billomat: {
            ...(input.comment ? { comment: input.comment } : {}),
            ...(input.customfield ? { customfield: input.customfield } : {}),
          },
        },
      })
      const after = await getInvoice(unit, t, invoice.invoiceId)
      if (input.markAsPaid && after.balanceMinor > 0n)
        await writeOffInvoice(unit, t, {
          invoiceId: invoice.invoiceId,
          reason: 'marked as paid (cash discount)',
        })
      return received.paymentId
    })
    const page = await searchPayments(core, t, {
      filters: [{ field: 'paymentId', op: 'eq', value: paymentId }],
      limit: 1,
      offset: 0,
    })
    return sendRecord(request, reply, paymentToWire(page.items[0]!, invoice.invoiceSeq, 'invoice_id'), 201)
  })

  app.delete('/invoice-payments/:id', async (request, reply) => {
    const t = tenant(request)
    const payment = await bySeq(t, pathId(request, 'invoice-payment'))
    await inOneTransaction(core, async (unit) => {
      const voided = await voidPayment(unit, t, payment.paymentId)
      await markOverdueInvoices(unit, t, { invoiceIds: voided.invoiceIds })
    })
    return sendNothing(reply)
  })
}
