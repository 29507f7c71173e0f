// Pays out a stand-alone credit note (one that credits no invoice) to the customer as a payment
// going out, the way refundCreditNote pays back a credit note's excess: the core's pay-out
// (settle-standalone-credit.ts: the credit settled, Dr receivable / Cr bank) plus a payments row
// with a negative amount tied to the credit note, under the pay-out's id, so a vendor that lists a
// credit note's payments shows it. Voiding it reverses the pay-out's entry and gives the credit
// back what was paid out. One transaction each; the payment row, then the credit, are locked.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, notFound } from '../../domain/errors.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { forUpdate } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from '../invoices/lock-invoice.ts'
import { isStandaloneCredit, payOutCreditWithin } from '../invoices/settle-standalone-credit.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'
import { inOneTransaction } from '../unit-of-work.ts'

const PAYOUT_SOURCE = 'credit_payout'

export type CreditNotePayoutInput = Readonly<{
  creditNoteId: string
  amountMinor: bigint
  paidOn?: string
  source?: string
  reference?: string | null
  extra?: Readonly<Record<string, unknown>>
}>

export async function payOutCreditNote(
  context: CoreContext,
  tenant: Tenant,
  input: CreditNotePayoutInput,
): Promise<string> {
  const org = tenant.organizationId
  const paymentId = newId()
  const now = nowIso(context)
  await inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const paidOn = input.paidOn
        ? parseIsoDate(input.paidOn, 'paidOn')
        : todayFor(unit, (await organizationOf(tx, org)).clock_offset_days)
      await payOutCreditWithin(unit, tx, tenant, {
        creditInvoiceId: input.creditNoteId,
        amountMinor: input.amountMinor,
        payoutId: paymentId,
        paidOn,
      })
      const credit = await lockInvoice(unit.storage, tx, org, input.creditNoteId)
      await tx
        .insertInto('payments')
        .values({
          organization_id: org,
          payment_id: paymentId,
          payment_seq: await takeCounter(unit.storage, tx, org, 'payment'),
          contact_id: credit.contactId,
          currency: credit.currency,
          amount_minor: -input.amountMinor,
          fee_minor: 0n,
          overpaid_minor: 0n,
          paid_on: paidOn,
          source: input.source ?? PAYOUT_SOURCE,
          reference: input.reference ?? null,
          external_id: null,
          is_voided: false,
          extra: JSON.stringify(input.extra ?? {}),
          created_at: now,
        })
        .execute()
      await tx
        .insertInto('payment_associations')
        .values({
          organization_id: org,
          payment_id: paymentId,
          invoice_id: credit.invoiceId,
          amount_minor: -input.amountMinor,
        })
        .execute()
    }),
  )
  return paymentId
}

/** Voids a recorded pay-out: its entry is reversed and the credit owes the customer the amount again. */
export async function voidCreditNotePayout(
  context: CoreContext,
  tenant: Tenant,
  paymentId: string,
): Promise<void> {
  const org = tenant.organizationId
  const now = nowIso(context)
  await context.storage.db.transaction().execute(async (tx) => {
    const payment = await forUpdate(
      context.storage,
      tx
        .selectFrom('payments')
        .innerJoin('payment_associations', (join) =>
          join
            .onRef('payment_associations.organization_id', '=', 'payments.organization_id')
            .onRef('payment_associations.payment_id', '=', 'payments.payment_id'),
        )
        .select(['payments.is_voided', 'payments.amount_minor', 'payment_associations.invoice_id'])
        .where('payments.organization_id', '=', org)
        .where('payments.payment_id', '=', paymentId),
    ).executeTakeFirst()
    if (!payment || payment.amount_minor >= 0n) throw notFound('payout', paymentId)
    if (payment.is_voided) return
    const credit = await lockInvoice(context.storage, tx, org, payment.invoice_id)
    if (!isStandaloneCredit(credit))
      throw new DomainError('wrong_state', 'only a stand-alone credit is paid out', { field: 'paymentId' })
    const amountMinor = -payment.amount_minor
    await tx
      .updateTable('payments')
      .set({ is_voided: true })
      .where('organization_id', '=', org)
      .where('payment_id', '=', paymentId)
      .execute()
    await reverseEntriesOf(tx, org, { type: PAYOUT_SOURCE, id: paymentId }, `${PAYOUT_SOURCE}_void`, now)
    await saveLockedInvoice(
      tx,
      org,
      credit,
      { paid_minor: credit.paidMinor + amountMinor, state: nextState(credit.state, 'reversePayment') },
      now,
    )
    await recordAndAnnounce(tx, {
      organizationId: org,
      type: 'invoice.payment_voided',
      caseId: credit.caseId,
      invoiceId: credit.invoiceId,
      data: { paymentId, amountMinor },
      visibleToRecipient: true,
      occurredAt: now,
    })
  })
}
