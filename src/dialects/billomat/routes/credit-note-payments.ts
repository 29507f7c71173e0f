// /credit-note-payments (appendix: gutschriften/zahlungen): list (credit_note_id, from, to, type,
// user_id), get, create and delete. A completed credit note has already settled its invoice, so a
// payment on it is money paid back to the customer: a refund of what the credit note gave beyond
// what the invoice still owed, through the core's refunds (a payment going out, posted to the
// ledger). A credit note that credits no invoice (a stand-alone credit) owes the customer its whole
// amount, so a payment on it pays that out (the core's payOutCreditNote). Amounts are shown
// positive, as Billomat shows them; deleting one voids the refund or pay-out.

import type { Tenant } from '../../../core/context.ts'
import { getInvoice } from '../../../core/invoices/get-invoice.ts'
import { isStandaloneCredit } from '../../../core/invoices/settle-standalone-credit.ts'
import type { Payment } from '../../../core/payments/list-payments.ts'
import { payOutCreditNote, voidCreditNotePayout } from '../../../core/payments/pay-out-credit-note.ts'
import { refundCreditNote, voidRefund } from '../../../core/payments/refund-credit-note.ts'
import { searchPayments } from '../../../core/payments/search-payments.ts'
import { notFound } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { invoiceBySeq, pathId } from '../ids.ts'
import { amountMinorOf, paymentFromWire, paymentToWire } from '../payments/payment-wire.ts'
import { orderOf, pagingOf, queryIds } from '../wire/query.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { ORDER_FIELDS, paymentFilters, seqsOf } from './invoice-payments.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

const PARENT = 'credit_note_id'

/** A refund's wire form: its amount as paid out, positive. */
const refundToWire = (payment: Payment, seq: bigint | undefined) =>
  paymentToWire({ ...payment, amountMinor: -payment.amountMinor }, seq, PARENT)

export const creditNotePaymentRoutes: Routes = (app, services) => {
  const core = services.core

  app.get('/credit-note-payments', async (request, reply) => {
    const query = queryOf(request)
    const paging = pagingOf(query)
    const seqs = queryIds(query, PARENT)
    const page = await searchPayments(core, tenant(request), {
      filters: paymentFilters(query),
      invoiceKinds: ['credit_note'],
      ...(seqs.length > 0 ? { invoiceSeqs: seqs } : {}),
      orderBy: orderOf(query, ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const parents = await seqsOf(core, tenant(request), page.items)
    const items = page.items.map((payment) =>
      refundToWire(payment, parents.get(payment.applied[0]?.invoiceId ?? '')),
    )
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(
      request,
      reply,
      list('credit-note-payments', 'credit-note-payment', items, attributes),
      page.totalCount,
    )
  })

  const bySeq = async (t: Tenant, seq: bigint) => {
    const page = await searchPayments(core, t, {
      filters: [{ field: 'paymentSeq', op: 'eq', value: seq }],
      invoiceKinds: ['credit_note'],
      limit: 1,
      offset: 0,
    })
    const payment = page.items[0]
    if (!payment) throw notFound('credit-note-payment', String(seq))
    return payment
  }

  app.get('/credit-note-payments/:id', async (request, reply) => {
    const payment = await bySeq(tenant(request), pathId(request, 'credit-note-payment'))
    const parents = await seqsOf(core, tenant(request), [payment])
    return sendRecord(request, reply, refundToWire(payment, parents.get(payment.applied[0]?.invoiceId ?? '')))
  })

  app.post('/credit-note-payments', async (request, reply) => {
    const input = paymentFromWire(bodyOf(request, [PARENT, 'amount', 'date', 'comment', 'type']), PARENT)
    const t = tenant(request)
    const creditNote = await invoiceBySeq(core, t, input.invoiceSeq, 'credit_note', PARENT)
    // A credit note that credits no invoice owes the customer its whole amount: it is paid out.
    const payOut = isStandaloneCredit(creditNote) ? payOutCreditNote : refundCreditNote
    const paymentId = await payOut(core, t, {
      creditNoteId: creditNote.invoiceId,
      amountMinor: amountMinorOf(input.amountText, creditNote.currency as CurrencyCode),
      ...(input.paidOn ? { paidOn: input.paidOn } : {}),
      source: input.type,
      reference: input.transactionPurpose ?? null,
      extra: {
        billomat: {
          ...(input.comment ? { comment: input.comment } : {}),
          ...(input.customfield ? { customfield: input.customfield } : {}),
        },
      },
    })
    const page = await searchPayments(core, t, {
      filters: [{ field: 'paymentId', op: 'eq', value: paymentId }],
      limit: 1,
      offset: 0,
    })
    return sendRecord(request, reply, refundToWire(page.items[0]!, creditNote.invoiceSeq), 201)
  })

  app.delete('/credit-note-payments/:id', async (request, reply) => {
    const t = tenant(request)
    const payment = await bySeq(t, pathId(request, 'credit-note-payment'))
    const creditNoteId = payment.applied[0]?.invoiceId
    const creditNote = creditNoteId ? await getInvoice(core, t, creditNoteId) : undefined
    if (creditNote && isStandaloneCredit(creditNote)) await voidCreditNotePayout(core, t, payment.paymentId)
    else await voidRefund(core, t, payment.paymentId)
    return sendNothing(reply)
  })
}
