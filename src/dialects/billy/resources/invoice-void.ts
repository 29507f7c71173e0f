// `PUT /v2/invoices/:id` with `state: "voided"`: Billy's void of an approved invoice is the core's
// cancellation (the approval entry mirrored, the number kept; ../shared/reference/billy.md section
// 3.4 infers this meaning). An invoice something has been settled on is refused, naming `state`.

import { cancelInvoice } from '../../../core/invoices/cancel-invoice.ts'
import { DomainError } from '../../../domain/errors.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import type { RequestContext } from '../engine/resource.ts'

export async function voidApprovedInvoice(context: RequestContext, invoice: Invoice): Promise<Invoice> {
  if (invoice.state === 'cancelled') return invoice
  try {
    return await cancelInvoice(context.core, context.tenant, invoice.invoiceId)
  } catch (error) {
    if (error instanceof DomainError && error.details.field === undefined)
      throw new DomainError(error.code, `${error.message}; credit the invoice instead`, { field: 'state' })
    throw error
  }
}
