// Builds the ledger posting of an approved invoice or credit note from its stored lines, so the
// entry always carries exactly the amounts the document shows.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { InvoicePosting } from '../../domain/ledger/invoice-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'

export function invoicePosting(
  invoice: Invoice,
  entryDate: string,
  description: string,
  invoiceIdForReceivable: string,
): InvoicePosting {
  return {
    entryDate,
    description,
    currency: invoice.currency as CurrencyCode,
    invoiceId: invoiceIdForReceivable,
    contactId: invoice.contactId,
    revenue: invoice.lines.map((line) => ({
      netMinor: line.netMinor,
      vatRatePercent: line.taxTreatment === 'standard' ? line.vatRatePercent : '0',
      ...(line.revenueAccountNumber ? { revenueAccountNumber: line.revenueAccountNumber } : {}),
    })),
    vat: invoice.breakdown
      .filter((group) => group.vatMinor !== 0n)
      .map((group) => ({ vatRatePercent: group.vatRatePercent, vatMinor: group.vatMinor })),
  }
}
