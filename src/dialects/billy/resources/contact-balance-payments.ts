// /v2/contactBalancePayments: paying invoices out of what the customer already paid (its balance
// on 7390, as contactBalancePostings show it). The invoices are named in embedded `associations`
// (balance modifiers with `subjectReference`); contact, side and currency are set by the API from
// them, as the seed says. `isVoided: true` undoes a payment for good.

import { getInvoices } from '../../../core/invoices/get-invoice.ts'
import {
  applyContactBalance,
  type ContactBalancePayment,
  getContactBalancePayments,
  voidContactBalancePayment,
} from '../../../core/payments/apply-contact-balance.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { listInMemory } from '../engine/static-store.ts'
import { amountToMinor, moneyNumber, wireTime } from '../engine/wire-values.ts'
import { CREATED_TIME, checkOrganization, ORGANIZATION, ref, text } from './common.ts'

export function contactBalancePaymentToWire(
  context: RequestContext,
  payment: ContactBalancePayment,
): WireRecord {
  return {
    id: payment.paymentId,
    organizationId: context.tenant.organizationId,
    contactId: payment.contactId,
    createdTime: wireTime(payment.createdAt),
    entryDate: payment.entryDate,
    amount: moneyNumber(payment.amountMinor, payment.currency),
    // Faktura applies customers' balances only, never a prepayment to a supplier.
    side: 'debit',
    currencyId: payment.currency,
    isVoided: payment.isVoided,
  }
}

function invoiceIdsOf(input: WireInput): string[] {
  return (input.children.associations ?? []).map((child) => {
    const reference = text(child, 'subjectReference') ?? ''
    if (!reference.startsWith('invoice:'))
      throw invalidField(
        'associations',
        'a contact balance payment pays invoices: subjectReference invoice:<id>',
      )
    return reference.slice('invoice:'.length)
  })
}

async function createPayment(context: RequestContext, input: WireInput): Promise<Changes> {
  checkOrganization(context, input)
  if (input.values.isVoided === true) throw invalidField('isVoided', 'a new payment cannot be voided')
  const invoiceIds = invoiceIdsOf(input)
  const [first] = await getInvoices(context.core, context.tenant, invoiceIds.slice(0, 1))
  if (!first) throw invalidField('associations', 'name the invoices the balance pays')
  const contactId = text(input, 'contactId')
  if (contactId && contactId !== first.contactId)
    throw invalidField('contactId', 'contactId is the invoices’ contact')
  const currency = text(input, 'currencyId')
  if (currency && currency !== first.currency)
    throw invalidField('currencyId', 'currencyId is the invoices’ currency')
  const payment = await applyContactBalance(context.core, context.tenant, {
    invoiceIds,
    amountMinor: amountToMinor(String(input.values.amount), first.currency, 'amount'),
    entryDate: text(input, 'entryDate') ?? '',
  })
  return {
    changed: [
      ref('contactBalancePayment', payment.paymentId, input.clientId),
      ...payment.applied.map((item) => ref('balanceModifier', `${payment.paymentId}.${item.invoiceId}`)),
      ...payment.applied.map((item) => ref('invoice', item.invoiceId)),
    ],
    deleted: [],
  }
}

export const contactBalancePayments: Resource = {
  def: {
    singular: 'contactBalancePayment',
    plural: 'contactBalancePayments',
    properties: {
      organizationId: ORGANIZATION,
      contactId: { type: 'id', resource: 'contact', access: 'immutable' },
      createdTime: CREATED_TIME,
      entryDate: { type: 'date', access: 'immutable', required: true },
      amount: { type: 'float', access: 'immutable', required: true },
      side: { type: 'enum', values: ['debit', 'credit'], access: 'immutable' },
      currencyId: { type: 'id', resource: 'currency', access: 'immutable' },
      isVoided: { type: 'boolean' },
    },
    hasMany: { associations: { resource: 'balanceModifier', inverse: 'modifierReference', save: 'create' } },
    operations: ['get', 'list', 'create', 'update', 'bulkSave'],
    filters: { contactId: { type: 'string' }, isVoided: { type: 'boolean' } },
    sortable: ['entryDate', 'createdTime'],
  },
  store: {
    fieldNames: { invoiceIds: 'associations' },
    async load(context, ids) {
      return (await getContactBalancePayments(context.core, context.tenant, { ids })).map((payment) =>
        contactBalancePaymentToWire(context, payment),
      )
    },
    async list(context, query) {
      const contactIds = query.filters.contactId
      const found = await getContactBalancePayments(
        context.core,
        context.tenant,
        contactIds ? { contactIds } : {},
      )
      const isVoided = query.filters.isVoided
      return listInMemory(
        found.map((payment) => contactBalancePaymentToWire(context, payment)),
        { ...query, filters: isVoided ? { isVoided } : {} },
        [],
      )
    },
    create: createPayment,
    async update(context, id, input, current) {
      if (input.values.isVoided === false && current.isVoided === true)
        throw invalidField('isVoided', 'a voided payment cannot be reinstated')
      if (input.values.isVoided !== true)
        return { changed: [ref('contactBalancePayment', id, input.clientId)], deleted: [] }
      const invoiceIds = await voidContactBalancePayment(context.core, context.tenant, id)
      return {
        changed: [
          ref('contactBalancePayment', id, input.clientId),
          ...invoiceIds.map((invoiceId) => ref('balanceModifier', `${id}.${invoiceId}`)),
          ...invoiceIds.map((invoiceId) => ref('invoice', invoiceId)),
        ],
        deleted: [],
      }
    },
  },
}
