// Credit notes, reminders and long invoices derived from the sample invoices, for the render tests.

import type { InvoiceDocumentView, ReminderDetails } from '../../src/documents/invoice-document-view.ts'
import { type SampleLine, sampleView } from './sample-views.ts'

/** A full credit of `view`: every amount negated, as Billogram and the core print them. */
export function creditNoteOf(view: InvoiceDocumentView, number: string): InvoiceDocumentView {
  const { reference: _reference, ...payment } = view.payment
  return {
    ...view,
    kind: 'credit-note',
    number,
    creditedInvoiceNumber: view.number,
    lines: view.lines.map((line) => ({
      ...line,
      unitPriceMinor: -line.unitPriceMinor,
      netMinor: -line.netMinor,
      grossMinor: -line.grossMinor,
    })),
    taxBreakdown: view.taxBreakdown.map((row) => ({
      ...row,
      netMinor: -row.netMinor,
      vatMinor: -row.vatMinor,
    })),
    totals: {
      netMinor: -view.totals.netMinor,
      vatMinor: -view.totals.vatMinor,
      roundingMinor: -view.totals.roundingMinor,
      grossMinor: -view.totals.grossMinor,
    },
    payment: { ...payment, dueAmountMinor: -view.payment.dueAmountMinor },
  }
}

export function reminderOf(
  view: InvoiceDocumentView,
  details: Omit<ReminderDetails, 'outstandingMinor'>,
): InvoiceDocumentView {
  const outstandingMinor = view.payment.dueAmountMinor
  return {
    ...view,
    kind: 'reminder',
    reminder: { ...details, outstandingMinor },
    payment: { ...view.payment, dueAmountMinor: outstandingMinor + details.feeMinor + details.interestMinor },
  }
}

/** A Swedish invoice of `count` lines; every seventh description runs over several lines. */
export function longSwedishInvoice(count: number): InvoiceDocumentView {
  const lines: SampleLine[] = Array.from({ length: count }, (_, index) => ({
    description:
      index % 7 === 3
        ? `Rad ${index + 1}: ${'arbete enligt avtal, inklusive resor och material '.repeat(4).trim()}`
        : `Rad ${index + 1}: konsulttimmar`,
    quantityHalves: 2n,
    unit: 'h',
    unitPriceMinor: 100000n + BigInt(index),
    vatRatePercent: 25n,
  }))
  return sampleView({
    locale: 'sv',
    currency: 'SEK',
    lines,
    payment: { bankgiro: '5050-1055', reference: { kind: 'ocr', value: '2026004205' } },
  })
}
