// Settles a stand-alone credit invoice (a credit note that credits no invoice: its total is
// negative, what the organization owes the customer): allocating part of it to a debit invoice of
// the same customer, or paying it out. The invariants it protects: a credit is never settled for
// more than it has left, an allocation never for more than the debit invoice still owes, both
// documents belong to one customer and currency, and each settlement posts one balanced entry
// that moves both receivables by the same amount. Both rows are locked, in id order.

import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState, settlementAction } from '../../domain/invoicing/lifecycle.ts'
import { creditAllocationEntry, creditPayoutEntry } from '../../domain/ledger/credit-settlement-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from './lock-invoice.ts'

export const CREDIT_EVENTS = {
  /** On the debit invoice: part of a stand-alone credit settled it. */
  allocated: 'invoice.credit_allocated',
  /** On the stand-alone credit: part of it went to a debit invoice. */
  used: 'invoice.credit_used',
  /** On the stand-alone credit: part of it was paid out to the customer. */
  paidOut: 'invoice.credit_paid_out',
} as const

/** A credit note that credits no invoice: a document of its own, settled by allocation or pay-out. */
export function isStandaloneCredit(invoice: Pick<Invoice, 'kind' | 'creditedInvoiceId'>): boolean {
  return invoice.kind === 'credit_note' && invoice.creditedInvoiceId === null
}

/** What a stand-alone credit has left to settle, as a positive amount. */
export function creditLeftMinor(credit: Pick<Invoice, 'balanceMinor'>): bigint {
  return credit.balanceMinor < 0n ? -credit.balanceMinor : 0n
}

function refuseUnlessOpenCredit(credit: Invoice, field: string): void {
  if (!isStandaloneCredit(credit))
    throw new DomainError('wrong_state', 'only a stand-alone credit invoice is settled this way', { field })
  if (credit.state !== 'open')
    throw new DomainError('wrong_state', `the credit is ${credit.state} and has nothing to settle`, {
      state: credit.state,
    })
}

/**
 * The credit after a settlement: its paid amount is negative (it moves the negative balance to
 * zero). Called after the settlement's own event, so the log says the credit ended after it.
 */
async function settleCredit(tx: Tx, org: string, credit: Invoice, amountMinor: bigint, now: string) {
  const leftMinor = creditLeftMinor(credit) - amountMinor
  await saveLockedInvoice(
    tx,
    org,
    credit,
    {
      paid_minor: credit.paidMinor - amountMinor,
      state: nextState(credit.state, settlementAction('pay', leftMinor)),
    },
    now,
  )
  if (leftMinor === 0n)
    await recordAndAnnounce(tx, {
      organizationId: org,
      type: 'invoice.paid',
      caseId: credit.caseId,
      invoiceId: credit.invoiceId,
      occurredAt: now,
    })
}

export type AllocateCreditInput = Readonly<{
  creditInvoiceId: string
  debitInvoiceId: string
  amountMinor: bigint
}>

export async function allocateCreditWithin(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  input: AllocateCreditInput,
): Promise<void> {
  const org = tenant.organizationId
  if (input.amountMinor <= 0n) throw invalidField('amount', 'an allocated amount must be positive')
  if (input.creditInvoiceId === input.debitInvoiceId)
    throw invalidField('sourceId', 'a credit is allocated to another invoice')
  const [first, second] = [input.creditInvoiceId, input.debitInvoiceId].sort()
  const locked = new Map<string, Invoice>()
  for (const id of [first, second] as string[]) locked.set(id, await lockInvoice(unit.storage, tx, org, id))
  const credit = locked.get(input.creditInvoiceId) as Invoice
  const debit = locked.get(input.debitInvoiceId) as Invoice
  if (!isStandaloneCredit(credit))
    throw invalidField('sourceId', 'the source is not a stand-alone credit invoice')
  refuseUnlessOpenCredit(credit, 'sourceId')
  if (debit.kind !== 'invoice')
    throw new DomainError('wrong_state', 'a credit is allocated to a debit invoice', { field: 'invoiceId' })
  if (credit.contactId !== debit.contactId)
    throw invalidField('sourceId', 'a credit is allocated only to invoices of the same customer')
  if (credit.currency !== debit.currency)
    throw new DomainError('currency_mismatch', 'the credit and the invoice are in different currencies', {
      field: 'sourceId',
    })
  const openMinor = debit.balanceMinor > 0n ? debit.balanceMinor : 0n
  // Refused by the lifecycle first (a draft or a credited invoice), then by the amounts.
  const state = nextState(debit.state, settlementAction('credit', openMinor - input.amountMinor))
  if (input.amountMinor > creditLeftMinor(credit))
    throw new DomainError('amount_exceeds_balance', 'the amount exceeds what is left of the credit', {
      field: 'amount',
    })
  if (input.amountMinor > openMinor)
    throw new DomainError('amount_exceeds_balance', 'the amount exceeds what the invoice still owes', {
      field: 'amount',
    })
  const now = nowIso(unit)
  const today = todayFor(unit, (await organizationOf(tx, org)).clock_offset_days)
  await saveLockedInvoice(
    tx,
    org,
    debit,
    { credited_minor: debit.creditedMinor + input.amountMinor, state },
    now,
  )
  const allocationId = newId()
  const chart = await loadChart(tx, org)
  const entry = creditAllocationEntry(chart, {
    entryDate: today,
    description: `Credit ${credit.number} allocated to invoice ${debit.number}`,
    currency: credit.currency as CurrencyCode,
    contactId: credit.contactId,
    creditInvoiceId: credit.invoiceId,
    debitInvoiceId: debit.invoiceId,
    amountMinor: input.amountMinor,
  })
  await postEntry(tx, org, entry, { type: 'credit_allocation', id: allocationId }, now)
  const common = { organizationId: org, visibleToRecipient: true, occurredAt: now }
  await recordAndAnnounce(tx, {
    ...common,
    type: CREDIT_EVENTS.allocated,
    caseId: debit.caseId,
    invoiceId: debit.invoiceId,
    data: { allocationId, creditInvoiceId: credit.invoiceId, amountMinor: input.amountMinor },
  })
  await recordAndAnnounce(tx, {
    ...common,
    type: CREDIT_EVENTS.used,
    caseId: credit.caseId,
    invoiceId: credit.invoiceId,
    data: { allocationId, debitInvoiceId: debit.invoiceId, amountMinor: input.amountMinor },
  })
  await settleCredit(tx, org, credit, input.amountMinor, now)
}

export type PayOutCreditInput = Readonly<{
  creditInvoiceId: string
  /** What to pay out; everything the credit has left when absent. */
  amountMinor?: bigint
  /** The pay-out's id (its entry's source), when the caller records it under that id too. */
  payoutId?: string
  /** The day it was paid out; today when absent. */
  paidOn?: string
}>

export async function payOutCreditWithin(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  input: PayOutCreditInput,
): Promise<bigint> {
  const org = tenant.organizationId
  if (input.amountMinor !== undefined && input.amountMinor <= 0n)
    throw invalidField('amount', 'a paid-out amount must be positive')
  const credit = await lockInvoice(unit.storage, tx, org, input.creditInvoiceId)
  refuseUnlessOpenCredit(credit, 'invoiceId')
  const amountMinor = input.amountMinor ?? creditLeftMinor(credit)
  if (amountMinor > creditLeftMinor(credit))
    throw new DomainError('amount_exceeds_balance', 'the amount exceeds what is left of the credit', {
      field: 'amount',
    })
  const now = nowIso(unit)
  const today = input.paidOn ?? todayFor(unit, (await organizationOf(tx, org)).clock_offset_days)
  const payoutId = input.payoutId ?? newId()
  const chart = await loadChart(tx, org)
  const entry = creditPayoutEntry(chart, {
    entryDate: today,
    description: `Credit ${credit.number} paid out`,
    currency: credit.currency as CurrencyCode,
    contactId: credit.contactId,
    creditInvoiceId: credit.invoiceId,
    amountMinor,
  })
  await postEntry(tx, org, entry, { type: 'credit_payout', id: payoutId }, now)
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: CREDIT_EVENTS.paidOut,
    caseId: credit.caseId,
    invoiceId: credit.invoiceId,
    data: { payoutId, amountMinor, paidOn: today },
    visibleToRecipient: true,
    occurredAt: now,
  })
  await settleCredit(tx, org, credit, amountMinor, now)
  return amountMinor
}

export async function allocateCredit(context: CoreContext, tenant: Tenant, input: AllocateCreditInput) {
  await inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute((tx) => allocateCreditWithin(unit, tx, tenant, input)),
  )
}

export async function payOutCredit(context: CoreContext, tenant: Tenant, input: PayOutCreditInput) {
  return inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute((tx) => payOutCreditWithin(unit, tx, tenant, input)),
  )
}
