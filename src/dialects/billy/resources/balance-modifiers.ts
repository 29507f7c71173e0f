// /v2/balanceModifiers: what changed an invoice's balance, one record per payment (or credit
// note) and invoice it settled. An invoice's balance is its gross amount less its live modifiers
// (../shared/reference/billy.md section 4). Read-only: Billy answers 405 to writing them; they are
// created embedded in a bank payment's `associations`.

import { type BillPaymentSettlement, getBillSettlements } from '../../../core/bills/list-bills.ts'
import { listInvoices } from '../../../core/invoices/list-invoices.ts'
import {
  type ContactBalancePayment,
  getContactBalancePayments,
} from '../../../core/payments/apply-contact-balance.ts'
import { getPayments, type Payment } from '../../../core/payments/list-payments.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import type { RequestContext, Resource, WireRecord } from '../engine/resource.ts'
import { listInMemory } from '../engine/static-store.ts'
import { jsonNumber, moneyNumber } from '../engine/wire-values.ts'
import { invoicesByIds } from './invoices.ts'

export function modifierId(modifierId: string, invoiceId: string): string {
  return `${modifierId}.${invoiceId}`
}

function paymentModifiers(payments: readonly Payment[]): WireRecord[] {
  return payments.flatMap((payment) =>
    payment.applied.map((applied) => ({
      id: modifierId(payment.paymentId, applied.invoiceId),
      modifierReference: `bankPayment:${payment.paymentId}`,
      subjectReference: `invoice:${applied.invoiceId}`,
      amount: moneyNumber(applied.amountMinor, payment.currency),
      entryDate: payment.paidOn,
      realizedCurrencyDifference: jsonNumber('0'),
      isVoided: payment.isVoided,
    })),
  )
}

function balanceModifiersOf(payments: readonly ContactBalancePayment[]): WireRecord[] {
  return payments.flatMap((payment) =>
    payment.applied.map((applied) => ({
      id: modifierId(payment.paymentId, applied.invoiceId),
      modifierReference: `contactBalancePayment:${payment.paymentId}`,
      subjectReference: `invoice:${applied.invoiceId}`,
      amount: moneyNumber(applied.amountMinor, payment.currency),
      entryDate: payment.entryDate,
      realizedCurrencyDifference: jsonNumber('0'),
      isVoided: payment.isVoided,
    })),
  )
}

function creditModifiers(creditNotes: readonly Invoice[]): WireRecord[] {
  return creditNotes.flatMap((note) =>
    note.creditedInvoiceId
      ? [
          {
            id: modifierId(note.invoiceId, note.creditedInvoiceId),
            modifierReference: `invoice:${note.invoiceId}`,
            subjectReference: `invoice:${note.creditedInvoiceId}`,
            amount: moneyNumber(note.grossMinor, note.currency),
            entryDate: note.invoiceDate,
            realizedCurrencyDifference: jsonNumber('0'),
            isVoided: false,
          },
        ]
      : [],
  )
}

function billModifiers(settlements: readonly BillPaymentSettlement[]): WireRecord[] {
  return settlements.map((settlement) => ({
    id: modifierId(settlement.paymentId, settlement.billId),
    modifierReference: `bankPayment:${settlement.paymentId}`,
    subjectReference: `bill:${settlement.billId}`,
    amount: moneyNumber(settlement.amountMinor, settlement.currency),
    entryDate: settlement.paidOn,
    realizedCurrencyDifference: jsonNumber('0'),
    isVoided: settlement.isVoided,
  }))
}

async function creditNotesOf(context: RequestContext, invoiceIds: readonly string[]): Promise<Invoice[]> {
  if (invoiceIds.length === 0) return []
  const page = await listInvoices(context.core, context.tenant, {
    filters: [
      { field: 'creditedInvoiceId', op: 'in', value: invoiceIds },
      { field: 'kind', op: 'eq', value: 'credit_note' },
    ],
    limit: 1000,
    offset: 0,
  })
  return [...page.items]
}

/** The modifiers of invoices and bills with these ids (ids are unique across both). */
async function ofSubjects(context: RequestContext, subjectIds: readonly string[]): Promise<WireRecord[]> {
  const [payments, notes, settlements, fromBalance] = await Promise.all([
    getPayments(context.core, context.tenant, { invoiceIds: subjectIds }),
    creditNotesOf(context, subjectIds),
    getBillSettlements(context.core, context.tenant, { billIds: subjectIds }),
    getContactBalancePayments(context.core, context.tenant, { invoiceIds: subjectIds }),
  ])
  const wanted = new Set(subjectIds.flatMap((id) => [`invoice:${id}`, `bill:${id}`]))
  return [
    ...paymentModifiers(payments),
    ...creditModifiers(notes),
    ...billModifiers(settlements),
    ...balanceModifiersOf(fromBalance),
  ].filter((record) => wanted.has(String(record.subjectReference)))
}

async function ofModifiers(context: RequestContext, references: readonly string[]): Promise<WireRecord[]> {
  const paymentIds = references.filter((ref) => ref.startsWith('bankPayment:')).map((ref) => ref.slice(12))
  const noteIds = references.filter((ref) => ref.startsWith('invoice:')).map((ref) => ref.slice(8))
  const balanceIds = references
    .filter((ref) => ref.startsWith('contactBalancePayment:'))
    .map((ref) => ref.slice('contactBalancePayment:'.length))
  const [payments, notes, fromBalance] = await Promise.all([
    getPayments(context.core, context.tenant, { ids: paymentIds }),
    invoicesByIds(context, noteIds),
    balanceIds.length > 0 ? getContactBalancePayments(context.core, context.tenant, { ids: balanceIds }) : [],
  ])
  return [
    ...paymentModifiers(payments),
    ...creditModifiers(notes.filter((note) => note.kind === 'credit_note')),
    ...balanceModifiersOf(fromBalance),
  ]
}

/** The ids of a payment's modifiers, in the order it settled its invoices. */
export async function modifiersOfPayment(context: RequestContext, paymentId: string): Promise<string[]> {
  const [[payment], settlements] = await Promise.all([
    getPayments(context.core, context.tenant, { ids: [paymentId] }),
    getBillSettlements(context.core, context.tenant, { paymentIds: [paymentId] }),
  ])
  return [
    ...(payment?.applied ?? []).map((applied) => modifierId(paymentId, applied.invoiceId)),
    ...settlements.map((settlement) => modifierId(paymentId, settlement.billId)),
  ]
}

export const balanceModifiers: Resource = {
  def: {
    singular: 'balanceModifier',
    plural: 'balanceModifiers',
    properties: {
      modifierReference: { type: 'reference', access: 'immutable', required: true },
      subjectReference: { type: 'reference', access: 'immutable', required: true },
      amount: { type: 'float', access: 'readonly' },
      entryDate: { type: 'date', access: 'readonly' },
      realizedCurrencyDifference: { type: 'float', access: 'readonly' },
      isVoided: { type: 'boolean', access: 'readonly' },
    },
    operations: ['get', 'list'],
    filters: {
      subjectReference: { type: 'reference' },
      modifierReference: { type: 'reference' },
      isVoided: { type: 'boolean' },
    },
    sortable: ['entryDate'],
  },
  store: {
    async load(context, ids) {
      const modifiers = ids.flatMap((id) => {
        const [first = '', second = ''] = id.split('.')
        return first && second ? [first] : []
      })
      const records = await ofModifiers(context, [
        ...modifiers.map((id) => `bankPayment:${id}`),
        ...modifiers.map((id) => `invoice:${id}`),
        ...modifiers.map((id) => `contactBalancePayment:${id}`),
      ])
      const wanted = new Set(ids)
      return records.filter((record) => wanted.has(record.id))
    },
    async byParent(context, inverse, parentIds) {
      if (inverse === 'subjectReference') return ofSubjects(context, parentIds)
      return ofModifiers(context, [
        ...parentIds.map((id) => `bankPayment:${id}`),
        ...parentIds.map((id) => `contactBalancePayment:${id}`),
      ])
    },
    async list(context, query) {
      const subjects = query.filters.subjectReference
      const modifiers = query.filters.modifierReference
      if (!subjects && !modifiers)
        throw invalidField(
          'subjectReference',
          'balance modifiers are listed by subjectReference or modifierReference',
        )
      const records = subjects
        ? await ofSubjects(
            context,
            subjects.map((reference) => reference.replace(/^(invoice|bill):/, '')),
          )
        : await ofModifiers(context, modifiers ?? [])
      const filtered = modifiers
        ? records.filter((record) => modifiers.includes(String(record.modifierReference)))
        : records
      return listInMemory(
        filtered,
        { ...query, filters: { ...(query.filters.isVoided ? { isVoided: query.filters.isVoided } : {}) } },
        [],
      )
    },
  },
}
