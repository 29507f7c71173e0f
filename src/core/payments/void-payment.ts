// Voids a payment: what it paid on each invoice is owed again, its entry is reversed (the money
// it put on the contact's balance leaves it too), and the payment is marked void for good. As in
// Billy, a voided payment cannot be reinstated; voiding it again changes nothing.

import { notFound } from '../../domain/errors.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { forUpdate } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice, saveLockedInvoice } from '../invoices/lock-invoice.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'

export type VoidedPayment = Readonly<{ paymentId: string; changed: boolean; invoiceIds: readonly string[] }>

export async function voidPayment(
  context: CoreContext,
  tenant: Tenant,
  paymentId: string,
): Promise<VoidedPayment> {
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
    const associations = await tx
      .selectFrom('payment_associations')
      .select(['invoice_id', 'amount_minor'])
      .where('organization_id', '=', org)
      .where('payment_id', '=', paymentId)
      .orderBy('invoice_id')
      .execute()
    const invoiceIds = associations.map((association) => association.invoice_id)
    if (payment.is_voided) return { paymentId, changed: false, invoiceIds }
    for (const association of associations) {
      const invoice = await lockInvoice(context.storage, tx, org, association.invoice_id)
      const state = nextState(invoice.state, 'reversePayment')
      await saveLockedInvoice(
        tx,
        org,
        invoice,
        { paid_minor: invoice.paidMinor - association.amount_minor, state },
        now,
      )
      await recordAndAnnounce(tx, {
        organizationId: org,
        type: 'invoice.payment_voided',
        caseId: invoice.caseId,
        invoiceId: invoice.invoiceId,
        data: { paymentId, amountMinor: association.amount_minor },
        visibleToRecipient: true,
        occurredAt: now,
      })
    }
    await reverseEntriesOf(tx, org, { type: 'payment', id: paymentId }, 'payment_void', now)
    await tx
      .updateTable('payments')
      .set({ is_voided: true })
      .where('organization_id', '=', org)
      .where('payment_id', '=', paymentId)
      .execute()
    return { paymentId, changed: true, invoiceIds }
  })
}
