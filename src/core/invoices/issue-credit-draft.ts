// Issues a draft credit note (created with createInvoice's kind 'credit_note'): its written-out
// lines credit the invoice it names through creditInvoice, which numbers, posts and applies the
// credit, and the issued credit note takes over the draft's whole-number id, so a client that
// holds the draft's id finds the issued document under it. One transaction.

import { DomainError } from '../../domain/errors.ts'
import { discountInputOf } from '../../domain/invoicing/draft.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { creditInvoice } from './credit-invoice.ts'
import { deleteDraftInvoice } from './delete-draft-invoice.ts'
import { getInvoice } from './get-invoice.ts'

export async function issueCreditDraft(
  context: CoreContext,
  tenant: Tenant,
  draftId: string,
): Promise<Invoice> {
  const org = tenant.organizationId
  return inOneTransaction(context, async (unit) => {
    const draft = await getInvoice(unit, tenant, draftId)
    if (draft.kind !== 'credit_note' || draft.state !== 'draft')
      throw new DomainError('wrong_state', 'only a draft credit note is issued this way', {
        state: draft.state,
      })
    if (!draft.creditedInvoiceId)
      throw new DomainError(
        'invalid_field',
        'a credit note is issued against the invoice it credits: name the invoice',
        {
          field: 'creditedInvoiceId',
        },
      )
    if (draft.lines.length === 0)
      throw new DomainError('invalid_field', 'a credit note needs at least one line', { field: 'lines' })
    const issued = await creditInvoice(unit, tenant, {
      invoiceId: draft.creditedInvoiceId,
      selection: {
        mode: 'custom',
        priceBasis: draft.priceBasis,
        documentDiscount: discountInputOf(draft.documentDiscount),
        lines: draft.lines.map((line) => ({
          productId: line.productId,
          description: line.description,
          quantity: line.quantity,
          unit: line.unit,
          unitPrice: line.unitPrice,
          discount: line.discount
            ? line.discount.kind === 'percent'
              ? { percent: line.discount.ratePercent }
              : { amountMinor: line.discount.amountMinor }
            : null,
          vatRatePercent: line.vatRatePercent,
          taxTreatment: line.taxTreatment,
          revenueAccountNumber: line.revenueAccountNumber,
          extra: line.extra,
        })),
      },
      ...(draft.notes ? { reason: draft.notes } : {}),
      ...(draft.invoiceDate ? { creditDate: draft.invoiceDate } : {}),
      extra: draft.extra,
    })
    await deleteDraftInvoice(unit, tenant, draftId)
    await unit.storage.db
      .updateTable('invoices')
      .set({ invoice_seq: draft.invoiceSeq })
      .where('organization_id', '=', org)
      .where('invoice_id', '=', issued.creditNote.invoiceId)
      .execute()
    return getInvoice(unit, tenant, issued.creditNote.invoiceId)
  })
}
