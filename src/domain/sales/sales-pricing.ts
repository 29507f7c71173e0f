// The totals of a sales document whose lines may be optional: an optional line (an offer's
// "Optionale Position") is priced and shown with its own amounts but is not part of the document's
// sums, its tax breakdown or its share of the document discount. Invoices never have optional
// lines, so their totals stay computeInvoiceTotals' alone.

import type { CheckedLine, DraftSettings } from '../invoicing/draft.ts'
import { computeInvoiceTotals, type InvoiceLineInput, type InvoiceTotals } from '../invoicing/totals.ts'

function lineInput(line: CheckedLine): InvoiceLineInput {
  return {
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    vatRatePercent: line.vatRatePercent,
    taxTreatment: line.taxTreatment,
    ...(line.discount ? { discount: line.discount } : {}),
  }
}

/**
 * The counted lines are totalled as an invoice's would be; the optional ones are priced apart
 * (no document discount, since it reduces only what is counted), and every line keeps its place.
 */
export function computeSalesTotals(
  settings: DraftSettings,
  lines: readonly CheckedLine[],
  optional: readonly boolean[],
): InvoiceTotals {
  const isOptional = (index: number) => optional[index] === true
  const base = {
    currency: settings.currency,
    priceBasis: settings.priceBasis,
    roundingScope: settings.roundingScope,
  }
  const counted = computeInvoiceTotals({
    ...base,
    lines: lines.filter((_, index) => !isOptional(index)).map(lineInput),
    ...(settings.documentDiscount ? { discount: settings.documentDiscount } : {}),
  })
  if (!lines.some((_, index) => isOptional(index))) return counted
  const offered = computeInvoiceTotals({
    ...base,
    lines: lines.filter((_, index) => isOptional(index)).map(lineInput),
  })
  const countedLines = [...counted.lines]
  const offeredLines = [...offered.lines]
  const merged = lines.map((_, index) => (isOptional(index) ? offeredLines.shift() : countedLines.shift())!)
  return { ...counted, lines: merged }
}
