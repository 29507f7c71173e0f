// A payment recalled by the payer's bank after it settled an invoice (a SEPA R-transaction: a
// return or refund). It is the core's void of that payment: what it paid is owed again, its entry
// is reversed, and a settled invoice reopens, so the overdue check and dunning take it up again.
// Without a payment id the latest payment still standing on the invoice is recalled.

import { DomainError } from '../../domain/errors.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { type VoidedPayment, voidPayment } from './void-payment.ts'

export async function recallPayment(
  context: CoreContext,
  tenant: Tenant,
  input: Readonly<{ invoiceId: string; paymentId?: string }>,
): Promise<VoidedPayment> {
  const row = await context.storage.db
    .selectFrom('payment_associations as a')
    .innerJoin('payments as p', (join) =>
      join.onRef('p.organization_id', '=', 'a.organization_id').onRef('p.payment_id', '=', 'a.payment_id'),
    )
    .select(['p.payment_id'])
    .where('a.organization_id', '=', tenant.organizationId)
    .where('a.invoice_id', '=', input.invoiceId)
    .where('p.is_voided', '=', false)
    .$if(input.paymentId !== undefined, (query) => query.where('p.payment_id', '=', input.paymentId ?? ''))
    .orderBy('p.payment_seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row)
    throw new DomainError('wrong_state', 'the invoice has no payment standing that could be recalled', {
      field: 'paymentId',
    })
  return voidPayment(context, tenant, row.payment_id)
}
