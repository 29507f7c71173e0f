// A recurring's template as the draft invoice it would issue today: resolved, totalled and shaped
// like any invoice, so a dialect shows a recurring's totals, taxes and items by the same code as
// an invoice's. Nothing is written.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { draftColumns } from '../invoices/create-invoice.ts'
import { invoiceFromRows, lineRows } from '../invoices/invoice-record.ts'
import { resolveDraft } from '../invoices/resolve-draft.ts'
import type { Recurring } from './recurring-record.ts'

export async function previewRecurring(
  context: CoreContext,
  tenant: Tenant,
  recurring: Recurring,
): Promise<Invoice> {
  const org = tenant.organizationId
  const draft = await resolveDraft(context.storage.db, tenant, {
    ...recurring.template,
    contactId: recurring.contactId,
  })
  const row = {
    organization_id: org,
    invoice_id: recurring.recurringId,
    invoice_seq: recurring.recurringNo,
    case_id: '',
    kind: 'invoice',
    credited_invoice_id: null,
    state: 'draft',
    exchange_rate: null,
    number_seq: null,
    number: null,
    payment_reference: null,
    payment_reference_kind: null,
    recipient: '{}',
    paid_minor: 0n,
    credited_minor: 0n,
    written_off_minor: 0n,
    fees_minor: 0n,
    version: 0,
    approved_at: null,
    created_at: recurring.createdAt,
    updated_at: recurring.updatedAt,
    ...draftColumns(draft),
  }
  return invoiceFromRows(row, lineRows(org, recurring.recurringId, draft.lines, draft.totals), {
    caseNo: 0n,
    pageToken: '',
  })
}
