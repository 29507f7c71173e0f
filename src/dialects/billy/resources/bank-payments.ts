// /v2/bankPayments: money deposited for invoices (seed use case "Posting a payment for an
// invoice") or withdrawn for bills. A payment is undone by setting `isVoided`, never by DELETE
// (Billy answers 405 to it), and never reinstated.

import { BILL_PAYMENT_SOURCE, voidBillPayment } from '../../../core/bills/pay-bills.ts'
import { getPayments, listPayments, type Payment } from '../../../core/payments/list-payments.ts'
import { voidPayment } from '../../../core/payments/void-payment.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { jsonNumber, moneyNumber, wireTime } from '../engine/wire-values.ts'
import { modifiersOfPayment } from './balance-modifiers.ts'
import { createBankPayment } from './bank-payment-create.ts'
import { accountIdOfRole, billyFieldsOf, CREATED_TIME, ORGANIZATION, ref } from './common.ts'

export async function bankPaymentToWire(context: RequestContext, payment: Payment): Promise<WireRecord> {
  const billy = billyFieldsOf(payment.extra)
  return {
    id: payment.paymentId,
    organizationId: context.tenant.organizationId,
    contactId: payment.contactId,
    createdTime: wireTime(payment.createdAt),
    entryDate: payment.paidOn,
    // A deposit settles cash plus fee; a withdrawal (a bill payment) settles cash less fee.
    cashAmount: moneyNumber(
      payment.source === BILL_PAYMENT_SOURCE
        ? payment.amountMinor + payment.feeMinor
        : payment.amountMinor - payment.feeMinor,
      payment.currency,
    ),
    cashSide: billy.cashSide ?? 'debit',
    cashAccountId: billy.cashAccountId ?? (await accountIdOfRole(context, 'bank')),
    cashExchangeRate: jsonNumber('1'),
    subjectCurrencyId: payment.currency,
    feeAmount: moneyNumber(payment.feeMinor, payment.currency),
    feeAccountId:
      billy.feeAccountId ?? (payment.feeMinor > 0n ? await accountIdOfRole(context, 'paymentFees') : null),
    isVoided: payment.isVoided,
  }
}

async function updateBankPayment(
  context: RequestContext,
  id: string,
  input: WireInput,
  current: WireRecord,
): Promise<Changes> {
  const voided = input.values.isVoided
  if (voided === false && current.isVoided === true)
    throw invalidField('isVoided', 'a voided payment cannot be reinstated')
  if (voided !== true) return { changed: [ref('bankPayment', id, input.clientId)], deleted: [] }
  const [payment] = await getPayments(context.core, context.tenant, { ids: [id] })
  const subjects =
    payment?.source === BILL_PAYMENT_SOURCE
      ? (await voidBillPayment(context.core, context.tenant, id)).map((billId) => ref('bill', billId))
      : (await voidPayment(context.core, context.tenant, id)).invoiceIds.map((invoiceId) =>
          ref('invoice', invoiceId),
        )
  return {
    changed: [
      ref('bankPayment', id, input.clientId),
      ...subjects,
      ...(await modifiersOfPayment(context, id)).map((modifierId) => ref('balanceModifier', modifierId)),
    ],
    deleted: [],
  }
}

export const bankPayments: Resource = {
  def: {
    singular: 'bankPayment',
    plural: 'bankPayments',
    properties: {
      organizationId: ORGANIZATION,
      contactId: { type: 'id', resource: 'contact', access: 'immutable' },
      createdTime: CREATED_TIME,
      entryDate: { type: 'date', access: 'immutable', required: true },
      cashAmount: { type: 'float', access: 'immutable', required: true },
      cashSide: { type: 'enum', values: ['debit', 'credit'], access: 'immutable', required: true },
      cashAccountId: { type: 'id', resource: 'account', access: 'immutable', required: true },
      cashExchangeRate: { type: 'float', access: 'immutable' },
      subjectCurrencyId: { type: 'id', resource: 'currency', access: 'immutable' },
      feeAmount: { type: 'float', access: 'immutable' },
      feeAccountId: { type: 'id', resource: 'account', access: 'immutable' },
      isVoided: { type: 'boolean' },
    },
    hasMany: {
      associations: { resource: 'balanceModifier', inverse: 'modifierReference', save: 'create' },
      contactBalancePostings: {
        resource: 'contactBalancePosting',
        inverse: 'originatorReference',
        save: 'readonly',
      },
    },
    operations: ['get', 'list', 'create', 'update', 'bulkSave'],
    filters: {
      contactId: { type: 'string' },
      isVoided: { type: 'boolean' },
      minEntryDate: { type: 'date' },
      maxEntryDate: { type: 'date' },
    },
    sortable: ['entryDate', 'createdTime'],
  },
  store: {
    fieldNames: {
      amount: 'cashAmount',
      fee: 'feeAmount',
      paidOn: 'entryDate',
      currency: 'subjectCurrencyId',
      invoiceIds: 'associations',
      cashAccountNumber: 'cashAccountId',
      feeAccountNumber: 'feeAccountId',
    },
    async load(context, ids) {
      const payments = await getPayments(context.core, context.tenant, { ids })
      return Promise.all(payments.map((payment) => bankPaymentToWire(context, payment)))
    },
    async list(context, query) {
      const f = query.filters
      const filters: Filter[] = []
      if (f.contactId) filters.push({ field: 'contactId', op: 'in', value: f.contactId })
      if (f.isVoided) filters.push({ field: 'isVoided', op: 'eq', value: f.isVoided[0] === 'true' })
      if (f.minEntryDate?.[0]) filters.push({ field: 'paidOn', op: 'gte', value: f.minEntryDate[0] })
      if (f.maxEntryDate?.[0]) filters.push({ field: 'paidOn', op: 'lte', value: f.maxEntryDate[0] })
      const orderField = query.sort?.property === 'entryDate' ? 'paidOn' : 'createdAt'
      const page = await listPayments(context.core, context.tenant, {
        filters,
        orderBy: query.sort ? [{ field: orderField, direction: query.sort.direction }] : [],
        limit: query.limit,
        offset: query.offset,
      })
      return {
        records: await Promise.all(page.items.map((payment) => bankPaymentToWire(context, payment))),
        total: page.totalCount,
      }
    },
    create: createBankPayment,
    update: updateBankPayment,
  },
}
