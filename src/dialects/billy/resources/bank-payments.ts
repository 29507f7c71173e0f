// /v2/bankPayments: money deposited for invoices (seed use case "Posting a payment for an
// invoice"). A deposit settles its subjects by cash plus fee (an invoice of 100 is paid by cash 95
// and fee 5); what exceeds the subjects' balances goes to the contact's balance. A payment is
// undone by setting `isVoided`, never by DELETE (Billy answers 405 to it) and never reinstated.

import { getPayments, listPayments, type Payment } from '../../../core/payments/list-payments.ts'
import { receivePayment } from '../../../core/payments/receive-payment.ts'
import { voidPayment } from '../../../core/payments/void-payment.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { amountToMinor, jsonNumber, moneyNumber, wireTime } from '../engine/wire-values.ts'
import { isPaymentEnabled } from './accounts.ts'
import { modifiersOfPayment } from './balance-modifiers.ts'
import {
  accountIdOfRole,
  accountOfId,
  baseCurrencyOf,
  billyFieldsOf,
  CREATED_TIME,
  checkOrganization,
  ORGANIZATION,
  ref,
  text,
} from './common.ts'
import { invoicesByIds } from './invoices.ts'

export async function bankPaymentToWire(context: RequestContext, payment: Payment): Promise<WireRecord> {
  const billy = billyFieldsOf(payment.extra)
  return {
    id: payment.paymentId,
    organizationId: context.tenant.organizationId,
    contactId: payment.contactId,
    createdTime: wireTime(payment.createdAt),
    entryDate: payment.paidOn,
    cashAmount: moneyNumber(payment.amountMinor - payment.feeMinor, payment.currency),
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

function subjectInvoiceIds(input: WireInput): string[] {
  return (input.children.associations ?? []).map((association, index) => {
    const reference = String(association.values.subjectReference ?? '')
    const match = /^invoice:(.+)$/.exec(reference)
    if (!match)
      throw invalidField(
        `associations.${index}.subjectReference`,
        `Faktura records deposits for invoices, written invoice:<id>; got ${JSON.stringify(reference)}`,
      )
    return match[1] ?? ''
  })
}

async function cashAccount(context: RequestContext, input: WireInput, currency: string) {
  const account = await accountOfId(context, text(input, 'cashAccountId') ?? '', 'cashAccountId')
  if (!isPaymentEnabled(account))
    throw invalidField(
      'cashAccountId',
      `account ${account.number} does not take payments (isPaymentEnabled is false)`,
    )
  const accountCurrency =
    (billyFieldsOf(account.extra).currencyId as string | undefined) ?? (await baseCurrencyOf(context))
  if (accountCurrency !== currency)
    throw invalidField(
      'cashExchangeRate',
      `Faktura records a payment only in its subjects' currency ${currency}; account ${account.number} is in ${accountCurrency}`,
    )
  return account
}

async function feeAccountNumber(
  context: RequestContext,
  input: WireInput,
  feeMinor: bigint,
): Promise<string | undefined> {
  const id = text(input, 'feeAccountId')
  if (!id) return undefined
  const account = await accountOfId(context, id, 'feeAccountId')
  if (account.nature !== 'expense')
    throw invalidField('feeAccountId', `account ${account.number} is not an expense account`)
  return feeMinor > 0n ? account.number : undefined
}

async function subjectCurrency(
  context: RequestContext,
  input: WireInput,
  invoiceIds: readonly string[],
): Promise<string> {
  const invoices = await invoicesByIds(context, invoiceIds)
  const given = text(input, 'subjectCurrencyId')
  const currency = invoices[0]?.currency ?? given ?? (await baseCurrencyOf(context))
  if (given && given !== currency) throw invalidField('subjectCurrencyId', `the subjects are in ${currency}`)
  return currency
}

async function createBankPayment(context: RequestContext, input: WireInput): Promise<Changes> {
  checkOrganization(context, input)
  if (input.values.cashSide !== 'debit')
    throw invalidField(
      'cashSide',
      'Faktura records deposits (cashSide debit) for invoices; withdrawals for bills are not supported',
    )
  if (input.values.isVoided === true) throw invalidField('isVoided', 'a new payment cannot be voided')
  const invoiceIds = subjectInvoiceIds(input)
  const currency = await subjectCurrency(context, input, invoiceIds)
  const account = await cashAccount(context, input, currency)
  const cashMinor = amountToMinor(String(input.values.cashAmount), currency, 'cashAmount')
  const feeMinor = input.values.feeAmount
    ? amountToMinor(String(input.values.feeAmount), currency, 'feeAmount')
    : 0n
  if (cashMinor <= 0n) throw invalidField('cashAmount', 'cashAmount must be positive')
  if (feeMinor < 0n) throw invalidField('feeAmount', 'feeAmount must not be negative')
  const feeAccount = await feeAccountNumber(context, input, feeMinor)
  const contactId = text(input, 'contactId') ?? undefined
  const payment = await receivePayment(context.core, context.tenant, {
    invoiceIds,
    ...(contactId ? { contactId } : {}),
    currency,
    amountMinor: cashMinor + feeMinor,
    feeMinor,
    paidOn: text(input, 'entryDate') ?? '',
    cashAccountNumber: account.number,
    ...(feeAccount ? { feeAccountNumber: feeAccount } : {}),
    extra: {
      billy: {
        cashSide: 'debit',
        cashAccountId: account.id,
        feeAccountId: text(input, 'feeAccountId') ?? undefined,
      },
    },
  })
  return {
    changed: [
      ref('bankPayment', payment.paymentId, input.clientId),
      ...invoiceIds.map((id) => ref('invoice', id)),
      ...(await modifiersOfPayment(context, payment.paymentId)).map((id, index) =>
        ref('balanceModifier', id, input.children.associations?.[index]?.clientId),
      ),
    ],
    deleted: [],
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
  const result = await voidPayment(context.core, context.tenant, id)
  return {
    changed: [
      ref('bankPayment', id, input.clientId),
      ...result.invoiceIds.map((invoiceId) => ref('invoice', invoiceId)),
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
    hasMany: { associations: { resource: 'balanceModifier', inverse: 'modifierReference', save: 'create' } },
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
