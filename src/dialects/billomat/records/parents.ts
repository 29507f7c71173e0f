// The parents records hang on, resolved from their Billomat ids to core ids, with the refusal a
// client reads when the id names nothing; and the DRAFT-only rule of document children.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getInvoice } from '../../../core/invoices/get-invoice.ts'
import { getSalesDocumentBySeq } from '../../../core/sales/get-sales-document.ts'
import { DomainError } from '../../../domain/errors.ts'
import type { SalesDocumentKind } from '../../../domain/sales/sales-document.ts'
import { contactByNo, invoiceBySeq, productBySeq } from '../ids.ts'
import { recurringByNo } from '../recurrings/recurring-lookups.ts'
import type { ParentSpec } from './record-spec.ts'

export const invoiceParent: ParentSpec = {
  field: 'invoice_id',
  resolve: async (core, tenant, id) =>
    (await invoiceBySeq(core, tenant, id, 'invoice', 'invoice_id')).invoiceId,
}

export const creditNoteParent: ParentSpec = {
  field: 'credit_note_id',
  resolve: async (core, tenant, id) =>
    (await invoiceBySeq(core, tenant, id, 'credit_note', 'credit_note_id')).invoiceId,
}

/** An offer, confirmation, delivery note or letter, named by offer_id and the like. */
export const salesParent = (kind: SalesDocumentKind, field: string): ParentSpec => ({
  field,
  resolve: async (core, tenant, id) =>
    (await getSalesDocumentBySeq(core, tenant, kind, id, field)).documentId,
})

export const clientParent = (requiredInList: boolean): ParentSpec => ({
  field: 'client_id',
  requiredInList,
  resolve: async (core, tenant, id) => (await contactByNo(core, tenant, id, 'client_id')).contactId,
})

export const recurringParent: ParentSpec = {
  field: 'recurring_id',
  resolve: async (core, tenant, id) =>
    (await recurringByNo(core, tenant, id, 'recurring_id')).recurring.recurringId,
}

export const articleParent: ParentSpec = {
  field: 'article_id',
  resolve: async (core, tenant, id) => (await productBySeq(core, tenant, id, 'article_id')).productId,
}

/** Comments and tags may be added to a document in any status; items only to a DRAFT. */
export async function assertDraft(core: CoreContext, tenant: Tenant, invoiceId: string): Promise<void> {
  const invoice = await getInvoice(core, tenant, invoiceId)
  if (invoice.state !== 'draft')
    throw new DomainError('wrong_state', 'this can only change while the document is a DRAFT', {
      state: invoice.state,
    })
}
