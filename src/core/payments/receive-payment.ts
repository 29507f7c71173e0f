// Records money received that settles one or more invoices of one contact (a bank deposit that
// pays several invoices at once), or none: a prepayment. What settles is applied to the invoices
// in the order given, each up to what it still owes, and the rest goes to the contact's balance.
// One balanced entry, one transaction; the invoices are locked in id order so two payments on the
// same invoices wait for each other instead of deadlocking.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState, settlementAction } from '../../domain/invoicing/lifecycle.ts'
import { type PaymentApplication, paymentEntry } from '../../domain/ledger/payment-entry.ts'
import { type CurrencyCode, parseCurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice, saveLockedInvoice } from '../invoices/lock-invoice.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'

export const MAX_SETTLED_INVOICES = 1000

export type ReceivePaymentInput = Readonly<{
  /** The invoices settled, in the order the money is applied; empty for a prepayment. */
  invoiceIds: readonly string[]
  /** Needed for a prepayment; otherwise it must be the invoices' contact. */
  contactId?: string
  /** Needed for a prepayment; otherwise it must be the invoices' currency. */
  currency?: string
  /** What the payment settles: the cash received plus the fee the bank kept. */
  amountMinor: bigint
  feeMinor?: bigint
  paidOn: string
  cashAccountNumber?: string
  feeAccountNumber?: string
  source?: string
  reference?: string | null
  extra?: Readonly<Record<string, unknown>>
}>

export type ReceivedPayment = Readonly<{
  paymentId: string
  applications: readonly PaymentApplication[]
  overpaidMinor: bigint
}>

async function lockSubjects(
  context: CoreContext,
  tx: Tx,
  org: string,
  ids: readonly string[],
): Promise<Invoice[]> {
  if (new Set(ids).size !== ids.length) throw invalidField('invoiceIds', 'an invoice is named twice')
  const locked = new Map<string, Invoice>()
  for (const id of [...ids].sort()) locked.set(id, await lockInvoice(context.storage, tx, org, id))
  return ids.map((id) => locked.get(id) as Invoice)
}

function commonValue(values: readonly string[], given: string | undefined, field: string): string {
  const distinct = [...new Set(given === undefined ? values : [given, ...values])]
  if (distinct.length === 0)
    throw invalidField(field, `${field} is required for a payment that settles no invoice`)
  if (distinct.length > 1) {
    const code = field === 'currency' ? 'currency_mismatch' : 'invalid_field'
    throw new DomainError(code, `every invoice a payment settles must have the same ${field}`, { field })
  }
  return distinct[0] as string
}

function checkInput(input: ReceivePaymentInput): bigint {
  if (input.invoiceIds.length > MAX_SETTLED_INVOICES)
    throw new DomainError('limit_exceeded', `a payment settles at most ${MAX_SETTLED_INVOICES} invoices`, {
      field: 'invoiceIds',
    })
  if (typeof input.amountMinor !== 'bigint' || input.amountMinor <= 0n)
    throw invalidField('amount', 'a payment amount must be positive')
  const feeMinor = input.feeMinor ?? 0n
  if (feeMinor < 0n || feeMinor >= input.amountMinor)
    throw invalidField('fee', 'a fee must be zero or more and less than the amount')
  parseIsoDate(input.paidOn, 'paidOn')
  return feeMinor
}

type Step = Readonly<{ context: CoreContext; tx: Tx; org: string; now: string }>

/** Applies the amount to the invoices in order, moving each through the lifecycle; returns the rest. */
async function applyToInvoices(
  step: Step,
  invoices: readonly Invoice[],
  amountMinor: bigint,
): Promise<{ applications: PaymentApplication[]; leftMinor: bigint }> {
  let leftMinor = amountMinor
  const applications: PaymentApplication[] = []
  for (const invoice of invoices) {
    const openMinor = invoice.balanceMinor > 0n ? invoice.balanceMinor : 0n
    const appliedMinor = leftMinor < openMinor ? leftMinor : openMinor
    const state = nextState(invoice.state, settlementAction('pay', openMinor - appliedMinor))
    leftMinor -= appliedMinor
    if (appliedMinor > 0n) applications.push({ invoiceId: invoice.invoiceId, amountMinor: appliedMinor })
    await saveLockedInvoice(
      step.tx,
      step.org,
      invoice,
      { paid_minor: invoice.paidMinor + appliedMinor, state },
      step.now,
    )
    if (state === 'paid' && invoice.state !== 'paid')
      await recordAndAnnounce(step.tx, {
        organizationId: step.org,
        type: 'invoice.paid',
        caseId: invoice.caseId,
        invoiceId: invoice.invoiceId,
        visibleToRecipient: true,
        occurredAt: step.now,
      })
  }
  return { applications, leftMinor }
}

type PaymentRow = Readonly<{
  paymentId: string
  contactId: string
  currency: string
  feeMinor: bigint
  overpaidMinor: bigint
  applications: readonly PaymentApplication[]
}>

async function insertPayment(step: Step, input: ReceivePaymentInput, row: PaymentRow): Promise<void> {
  await step.tx
    .insertInto('payments')
    .values({
      organization_id: step.org,
      payment_id: row.paymentId,
      payment_seq: await takeCounter(step.context.storage, step.tx, step.org, 'payment'),
      contact_id: row.contactId,
      currency: row.currency,
      amount_minor: input.amountMinor,
      fee_minor: row.feeMinor,
      overpaid_minor: row.overpaidMinor,
      paid_on: input.paidOn,
      source: input.source ?? 'manual',
      reference: input.reference ?? null,
      external_id: null,
      is_voided: false,
      extra: JSON.stringify(input.extra ?? {}),
      created_at: step.now,
    })
    .execute()
  if (row.applications.length === 0) return
  await step.tx
    .insertInto('payment_associations')
    .values(
      row.applications.map((a) => ({
        organization_id: step.org,
        payment_id: row.paymentId,
        invoice_id: a.invoiceId,
        amount_minor: a.amountMinor,
      })),
    )
    .execute()
}

export async function receivePayment(
  context: CoreContext,
  tenant: Tenant,
  input: ReceivePaymentInput,
): Promise<ReceivedPayment> {
  const feeMinor = checkInput(input)
  const org = tenant.organizationId
  const paymentId = newId()
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const step: Step = { context, tx, org, now }
    const invoices = await lockSubjects(context, tx, org, input.invoiceIds)
    if (invoices.some((invoice) => invoice.kind !== 'invoice'))
      throw new DomainError('wrong_state', 'payments settle invoices, not credit notes', {
        field: 'invoiceIds',
      })
    const contactId = commonValue(
      invoices.map((invoice) => invoice.contactId),
      input.contactId,
      'contactId',
    )
    const currency = parseCurrencyCode(
      commonValue(
        invoices.map((invoice) => invoice.currency),
        input.currency,
        'currency',
      ),
    )
    const { applications, leftMinor } = await applyToInvoices(step, invoices, input.amountMinor)
    await insertPayment(step, input, {
      paymentId,
      contactId,
      currency,
      feeMinor,
      overpaidMinor: leftMinor,
      applications,
    })
    const entry = paymentEntry(await loadChart(tx, org), {
      entryDate: input.paidOn,
      description:
        invoices.length > 0
          ? `Payment of ${invoices.map((i) => i.number ?? i.invoiceId).join(', ')}`
          : 'Prepayment',
      currency: currency as CurrencyCode,
      contactId,
      amountMinor: input.amountMinor,
      feeMinor,
      applications,
      ...(input.cashAccountNumber ? { cashAccountNumber: input.cashAccountNumber } : {}),
      ...(input.feeAccountNumber ? { feeAccountNumber: input.feeAccountNumber } : {}),
    })
    await postEntry(tx, org, entry, { type: 'payment', id: paymentId }, now)
    for (const invoice of invoices)
      await recordAndAnnounce(tx, {
        organizationId: org,
        type: 'invoice.payment',
        caseId: invoice.caseId,
        invoiceId: invoice.invoiceId,
        data: { paymentId, amountMinor: input.amountMinor, paidOn: input.paidOn },
        visibleToRecipient: true,
        occurredAt: now,
      })
    return { paymentId, applications, overpaidMinor: leftMinor }
  })
}
