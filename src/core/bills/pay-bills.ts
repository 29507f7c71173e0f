// Records money paid to a supplier for one or more approved bills (a bank withdrawal), applied to
// them in order, each up to what it still owes, and voids such a payment. Paying more than the
// bills owe is refused: Faktura keeps no prepayments to suppliers. One balanced entry per payment;
// the bills are locked in id order so concurrent payments wait instead of deadlocking.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { billPaymentEntry } from '../../domain/ledger/bill-entry.ts'
import { type CurrencyCode, parseCurrencyCode } from '../../domain/money/currency.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { recordEvent } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'
import type { Bill } from './bill-record.ts'
import { lockBill } from './post-bill.ts'

/** Marks a payment row as one that paid bills, for dialects that show its direction. */
export const BILL_PAYMENT_SOURCE = 'bill'

export type PayBillsInput = Readonly<{
  billIds: readonly string[]
  /** What the payment settles on the bills: the cash paid less the fee the bank kept. */
  settledMinor: bigint
  feeMinor?: bigint
  paidOn: string
  cashAccountNumber?: string
  feeAccountNumber?: string
  extra?: Readonly<Record<string, unknown>>
}>

export type BillSettlement = Readonly<{ billId: string; amountMinor: bigint }>

export type PaidBills = Readonly<{ paymentId: string; settlements: readonly BillSettlement[] }>

function commonOf(bills: readonly Bill[], pick: (bill: Bill) => string, field: string): string {
  const values = [...new Set(bills.map(pick))]
  if (values.length !== 1)
    throw new DomainError(
      field === 'currency' ? 'currency_mismatch' : 'invalid_field',
      `the bills a payment settles share one ${field}`,
      { field },
    )
  return values[0] as string
}

function checkInput(input: PayBillsInput): bigint {
  const feeMinor = input.feeMinor ?? 0n
  if (input.billIds.length === 0) throw invalidField('billIds', 'a bill payment names at least one bill')
  if (new Set(input.billIds).size !== input.billIds.length)
    throw invalidField('billIds', 'a bill is named twice')
  if (input.settledMinor <= 0n) throw invalidField('amount', 'a payment must settle a positive amount')
  if (feeMinor < 0n) throw invalidField('fee', 'a fee must not be negative')
  return feeMinor
}

/** The approved bills, locked in id order, returned in the order the payment settles them. */
async function lockApproved(
  context: CoreContext,
  tx: Tx,
  org: string,
  billIds: readonly string[],
): Promise<Bill[]> {
  const locked = new Map<string, Bill>()
  for (const id of [...billIds].sort()) locked.set(id, await lockBill(context, tx, org, id))
  const bills = billIds.map((id) => locked.get(id) as Bill)
  for (const bill of bills)
    if (bill.state !== 'approved')
      throw new DomainError(
        'wrong_state',
        `bill ${bill.billId} is ${bill.state}; only approved bills are paid`,
        { field: 'billIds' },
      )
  return bills
}

/** Settles the bills in order, each up to what it owes; refuses more than they owe together. */
async function settle(
  tx: Tx,
  org: string,
  bills: readonly Bill[],
  settledMinor: bigint,
): Promise<BillSettlement[]> {
  const owedMinor = bills.reduce((sum, bill) => sum + bill.balanceMinor, 0n)
  if (settledMinor > owedMinor)
    throw new DomainError(
      'amount_exceeds_balance',
      `the bills owe ${owedMinor} minor units; Faktura keeps no prepayments to suppliers`,
      {
        field: 'amount',
      },
    )
  let leftMinor = settledMinor
  const settlements: BillSettlement[] = []
  for (const bill of bills) {
    const amountMinor = leftMinor < bill.balanceMinor ? leftMinor : bill.balanceMinor
    if (amountMinor <= 0n) continue
    leftMinor -= amountMinor
    settlements.push({ billId: bill.billId, amountMinor })
    await tx
      .updateTable('bills')
      .set({ paid_minor: bill.paidMinor + amountMinor })
      .where('organization_id', '=', org)
      .where('bill_id', '=', bill.billId)
      .execute()
  }
  return settlements
}

export async function payBills(
  context: CoreContext,
  tenant: Tenant,
  input: PayBillsInput,
): Promise<PaidBills> {
  const feeMinor = checkInput(input)
  const paidOn = parseIsoDate(input.paidOn, 'paidOn')
  const org = tenant.organizationId
  const paymentId = newId()
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const bills = await lockApproved(context, tx, org, input.billIds)
    const contactId = commonOf(bills, (bill) => bill.contactId, 'contactId')
    const currency = parseCurrencyCode(commonOf(bills, (bill) => bill.currency, 'currency'))
    const settlements = await settle(tx, org, bills, input.settledMinor)
    await tx
      .insertInto('payments')
      .values({
        organization_id: org,
        payment_id: paymentId,
        payment_seq: await takeCounter(context.storage, tx, org, 'payment'),
        contact_id: contactId,
        currency,
        amount_minor: input.settledMinor,
        fee_minor: feeMinor,
        overpaid_minor: 0n,
        paid_on: paidOn,
        source: BILL_PAYMENT_SOURCE,
        reference: null,
        external_id: null,
        is_voided: false,
        extra: JSON.stringify(input.extra ?? {}),
        created_at: now,
      })
      .execute()
    await tx
      .insertInto('bill_payment_associations')
      .values(
        settlements.map((s) => ({
          organization_id: org,
          payment_id: paymentId,
          bill_id: s.billId,
          amount_minor: s.amountMinor,
        })),
      )
      .execute()
    const entry = billPaymentEntry(await loadChart(tx, org), {
      entryDate: paidOn,
      description:
        `Payment of bills ${bills.map((bill) => bill.suppliersInvoiceNo ?? bill.billId).join(', ')}`.slice(
          0,
          500,
        ),
      currency: currency as CurrencyCode,
      contactId,
      settledMinor: input.settledMinor,
      feeMinor,
      ...(input.cashAccountNumber ? { cashAccountNumber: input.cashAccountNumber } : {}),
      ...(input.feeAccountNumber ? { feeAccountNumber: input.feeAccountNumber } : {}),
    })
    await postEntry(tx, org, entry, { type: 'payment', id: paymentId }, now)
    await recordEvent(tx, {
      organizationId: org,
      type: 'bill.payment',
      data: { paymentId, settledMinor: input.settledMinor },
      occurredAt: now,
    })
    return { paymentId, settlements }
  })
}

/** Voids a bill payment: what it settled is owed again and its entry is reversed; idempotent. */
export async function voidBillPayment(
  context: CoreContext,
  tenant: Tenant,
  paymentId: string,
): Promise<readonly string[]> {
  const org = tenant.organizationId
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const payment = await forUpdate(
      context.storage,
      tx
        .selectFrom('payments')
        .select(['payment_id', 'is_voided'])
        .where('organization_id', '=', org)
        .where('payment_id', '=', paymentId),
    ).executeTakeFirst()
    if (!payment) throw notFound('payment', paymentId)
    const settlements = await tx
      .selectFrom('bill_payment_associations')
      .select(['bill_id', 'amount_minor'])
      .where('organization_id', '=', org)
      .where('payment_id', '=', paymentId)
      .orderBy('bill_id')
      .execute()
    if (payment.is_voided) return settlements.map((s) => s.bill_id)
    for (const settlement of settlements) {
      const bill = await lockBill(context, tx, org, settlement.bill_id)
      await tx
        .updateTable('bills')
        .set({ paid_minor: bill.paidMinor - settlement.amount_minor })
        .where('organization_id', '=', org)
        .where('bill_id', '=', bill.billId)
        .execute()
    }
    await reverseEntriesOf(tx, org, { type: 'payment', id: paymentId }, 'payment_void', now)
    await tx
      .updateTable('payments')
      .set({ is_voided: true })
      .where('organization_id', '=', org)
      .where('payment_id', '=', paymentId)
      .execute()
    await recordEvent(tx, {
      organizationId: org,
      type: 'bill.payment_voided',
      data: { paymentId },
      occurredAt: now,
    })
    return settlements.map((s) => s.bill_id)
  })
}
