// The columns a resolved sales draft writes, shared by create and edit so both store a draft the
// same way.

import { parseDiscount, storedDiscount } from '../../domain/invoicing/draft.ts'
import { discountToText, totalsColumns } from '../invoices/invoice-record.ts'
import type { ResolvedSalesDraft } from './resolve-sales-draft.ts'

export function salesDraftColumns(draft: ResolvedSalesDraft) {
  return {
    contact_id: draft.contactId,
    currency: draft.currency,
    document_date: draft.invoiceDate,
    valid_until: draft.validUntil,
    price_basis: draft.priceBasis,
    rounding_scope: draft.roundingScope,
    document_discount: discountToText(
      storedDiscount(parseDiscount(draft.documentDiscount, 'documentDiscount')),
    ),
    locale: draft.locale,
    notes: draft.notes,
    ...totalsColumns(draft.totals),
    extra: JSON.stringify(draft.extra),
  }
}
