// Records money received for an invoice: applies what the invoice still owes and puts the rest on
// the contact's balance, posts one balanced entry, and moves the invoice through the lifecycle.
// The invoice row is locked, so concurrent payments apply one after another and an invoice's
// balance never goes below zero.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState, settlementAction } from '../../domain/invoicing/lifecycle.ts'
import { paymentEntry } from '../../domain/ledger/payment-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { loadInvoice } from '../invoices/invoice-record.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from '../invoices/lock-invoice.ts'
import { assertFound } from '../invoices/resolve-draft.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'

export type RecordPaymentInput = Readonly<{
  invoiceId: string
  amountMinor: bigint
  feeMinor?: bigint
  paidOn?: string
  source?: string
  reference?: string | null
  externalId?: string | null
  cashAccountNumber?: string
  feeAccountNumber?: string
}>

export type RecordedPayment = Readonly<{
  paymentId: string
  appliedMinor: bigint
  overpaidMinor: bigint
  invoice: Invoice
}>

export async function recordPayment(
  context: CoreContext,
  tenant: Tenant,
  input: RecordPaymentInput,
): Promise<RecordedPayment> {
  const org = tenant.organizationId
  if (typeof input.amountMinor !== 'bigint' || input.amountMinor <= 0n)
    throw invalidField('amount', 'a payment amount must be positive')
  const feeMinor = input.feeMinor ?? 0n
  if (feeMinor < 0n || feeMinor >= input.amountMinor)
    throw invalidField('fee', 'a fee must be zero or more and less than the amount')
  const paymentId = newId()
  const now = nowIso(context)
  const result = await context.storage.db.transaction().execute(async (tx) => {
    const invoice = await lockInvoice(context.storage, tx, org, input.invoiceId)
    if (invoice.kind !== 'invoice')
      throw new DomainError('wrong_state', 'payments are recorded against invoices, not credit notes', {
        field: 'invoiceId',
      })
    const organization = await organizationOf(tx, org)
    const paidOn = input.paidOn
      ? parseIsoDate(input.paidOn, 'paidOn')
      : todayFor(context, organization.clock_offset_days)
    const openMinor = invoice.balanceMinor > 0n ? invoice.balanceMinor : 0n
    const appliedMinor = input.amountMinor < openMinor ? input.amountMinor : openMinor
    const overpaidMinor = input.amountMinor - appliedMinor
    const state = nextState(invoice.state, settlementAction('pay', openMinor - appliedMinor))
    await tx
      .insertInto('payments')
      .values({
        organization_id: org,
        payment_id: paymentId,
        payment_seq: await takeCounter(context.storage, tx, org, 'payment'),
        contact_id: invoice.contactId,
        currency: invoice.currency,
        amount_minor: input.amountMinor,
        fee_minor: feeMinor,
        overpaid_minor: overpaidMinor,
        paid_on: paidOn,
        source: input.source ?? 'manual',
        reference: input.reference ?? null,
        external_id: input.externalId ?? null,
        is_voided: false,
        extra: '{}',
        created_at: now,
      })
      .execute()
    if (appliedMinor > 0n) {
      await tx
        .insertInto('payment_associations')
        .values({
          organization_id: org,
          payment_id: paymentId,
          invoice_id: invoice.invoiceId,
          amount_minor: appliedMinor,
        })
        .execute()
    }
    await saveLockedInvoice(tx, org, invoice, { paid_minor: invoice.paidMinor + appliedMinor, state }, now)
    const chart = await loadChart(tx, org)
    const entry = paymentEntry(chart, {
      entryDate: paidOn,
      description: `Payment of invoice ${invoice.number ?? invoice.invoiceId}`,
      currency: invoice.currency as CurrencyCode,
      contactId: invoice.contactId,
      amountMinor: input.amountMinor,
      feeMinor,
      applications: appliedMinor > 0n ? [{ invoiceId: invoice.invoiceId, amountMinor: appliedMinor }] : [],
      ...(input.cashAccountNumber ? { cashAccountNumber: input.cashAccountNumber } : {}),
      ...(input.feeAccountNumber ? { feeAccountNumber: input.feeAccountNumber } : {}),
    })
    await postEntry(tx, org, entry, { type: 'payment', id: paymentId }, now)
    const event = {
      organizationId: org,
      caseId: invoice.caseId,
      invoiceId: invoice.invoiceId,
      visibleToRecipient: true,
      occurredAt: now,
    }
    await recordAndAnnounce(tx, {
      ...event,
      type: 'invoice.payment',
      data: { paymentId, amountMinor: input.amountMinor, appliedMinor, overpaidMinor, paidOn },
    })
    if (state === 'paid' && invoice.state !== 'paid')
      await recordAndAnnounce(tx, { ...event, type: 'invoice.paid' })
    return { appliedMinor, overpaidMinor }
  })
  const invoice = assertFound(
    await loadInvoice(context.storage.db, org, input.invoiceId),
    'invoice',
    input.invoiceId,
  )
  return { paymentId, ...result, invoice }
}
