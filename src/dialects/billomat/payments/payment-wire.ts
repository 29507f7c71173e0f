// Invoice payments between Billomat's wire (§2.6) and the core's payments. A payment's type is
// the core payment's `source`, its comment and customfield ride in `extra`, and its
// transaction_purpose is the core's reference. The API key's user is user 1 (users/myself).

import type { Payment } from '../../../core/payments/list-payments.ts'
import { invalidField } from '../../../domain/errors.ts'
import { type CurrencyCode, currencyExponent } from '../../../domain/money/currency.ts'
import { parseDecimal } from '../../../domain/money/decimal.ts'
import type { WireObject } from '../wire/body.ts'
import { readBoolean, readDate, readEnum, readId, readText } from '../wire/read.ts'
import { date, datetime, float, int, money, record, str, type WireRecord } from '../wire/tree.ts'

export const PAYMENT_TYPES = [
  'INVOICE_CORRECTION',
  'CREDIT_NOTE',
  'BANK_CARD',
  'BANK_TRANSFER',
  'DEBIT',
  'CASH',
  'CHECK',
  'PAYPAL',
  'CREDIT_CARD',
  'COUPON',
  'MISC',
] as const

export const API_USER_ID = 1n

export type PaymentWireInput = Readonly<{
  invoiceSeq: bigint
  paidOn: string | undefined
  amountText: string
  comment: string | undefined
  type: string
  transactionPurpose: string | undefined
  markAsPaid: boolean
  customfield: string | undefined
}>

/** The fields paymentFromWire reads for a payment of the document named by `parent` (invoice_id, …). */
export function paymentElements(parent: string): string[] {
  const document = parent.slice(0, -'_id'.length)
  return [
    parent,
    'date',
    'amount',
    'comment',
    'type',
    'transaction_purpose',
    `mark_${document}_as_paid`,
    'customfield',
  ]
}

export function paymentFromWire(body: WireObject, parent: string): PaymentWireInput {
  const invoiceSeq = readId(body, parent)
  if (invoiceSeq === undefined) throw invalidField(parent, `${parent} is required`)
  const amountText = readText(body, 'amount', 40)
  if (amountText === undefined) throw invalidField('amount', 'amount is required')
  return {
    invoiceSeq,
    paidOn: readDate(body, 'date'),
    amountText: amountText.trim(),
    comment: readText(body, 'comment'),
    type: readEnum(body, 'type', PAYMENT_TYPES) ?? 'MISC',
    transactionPurpose: readText(body, 'transaction_purpose', 500),
    markAsPaid:
      readBoolean(body, 'mark_invoice_as_paid') ??
      readBoolean(body, 'mark_credit_note_as_paid') ??
      readBoolean(body, 'mark_incoming_as_paid') ??
      false,
    customfield: readText(body, 'customfield'),
  }
}

/** The amount in minor units; more decimals than the currency has is refused, never rounded away. */
export function amountMinorOf(text: string, currency: CurrencyCode): bigint {
  const amount = parseDecimal(text, 'amount')
  const exponent = currencyExponent(currency)
  if (amount.scale > exponent && amount.units % 10n ** BigInt(amount.scale - exponent) !== 0n)
    throw invalidField('amount', `amount has more than ${exponent} decimals for ${currency}`)
  const minor =
    amount.scale >= exponent
      ? amount.units / 10n ** BigInt(amount.scale - exponent)
      : amount.units * 10n ** BigInt(exponent - amount.scale)
  if (minor <= 0n) throw invalidField('amount', 'amount must be positive; refunds are booked as credit notes')
  return minor
}

export function paymentToWire(payment: Payment, invoiceSeq: bigint | undefined, parent: string): WireRecord {
  const extra = (payment.extra.billomat ?? {}) as Record<string, string>
  const currency = payment.currency as CurrencyCode
  // invoice_id → invoice-payment, credit_note_id → credit-note-payment, incoming_id → incoming-payment.
  const element = `${parent.slice(0, -'_id'.length).replaceAll('_', '-')}-payment`
  // A bill payment's source says only that it paid bills; its Billomat type rides in extra.
  const type = extra.type ?? payment.source
  return record(element, [
    int('id', payment.paymentSeq),
    datetime('created', payment.createdAt),
    int(parent, invoiceSeq),
    int('user_id', API_USER_ID),
    date('date', payment.paidOn),
    money('amount', payment.amountMinor, currency),
    str('comment', extra.comment),
    str('transaction_purpose', payment.reference),
    str('currency_code', payment.currency),
    float('quote', '1'),
    str('type', (PAYMENT_TYPES as readonly string[]).includes(type) ? type : 'MISC'),
    str('customfield', extra.customfield),
  ])
}
