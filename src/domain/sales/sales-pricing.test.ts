// Proves that an optional line keeps its own amounts and its place while the document's totals,
// tax breakdown and discount are those of the counted lines alone, in both price bases.

import { describe, expect, test } from 'vitest'
import { type CheckedLine, checkLine, type DraftSettings } from '../invoicing/draft.ts'
import { computeInvoiceTotals, type InvoiceLineInput } from '../invoicing/totals.ts'
import { parseDecimal } from '../money/decimal.ts'
import { computeSalesTotals } from './sales-pricing.ts'

function line(description: string, unitPrice: string, vatRatePercent: string, quantity = '1'): CheckedLine {
  return checkLine(
    {
      productId: null,
      description,
      quantity,
      unit: null,
      unitPrice,
      discount: null,
      vatRatePercent,
      taxTreatment: 'standard',
      revenueAccountNumber: null,
      extra: {},
    },
    0,
  )
}

/** The totals' view of a line without a discount of its own. */
function priced(checked: CheckedLine): InvoiceLineInput {
  const { quantity, unitPrice, vatRatePercent, taxTreatment } = checked
  return { quantity, unitPrice, vatRatePercent, taxTreatment }
}

const LINES = [line('Küche', '1000', '19'), line('Option', '500', '19'), line('Lieferung', '100', '7')]

describe.each(['net', 'gross'] as const)('sales totals, %s prices', (priceBasis) => {
  const settings: DraftSettings = {
    currency: 'EUR',
    priceBasis,
    roundingScope: 'document',
    documentDiscount: { kind: 'percent', ratePercent: parseDecimal('10', 'ratePercent') },
  }

  test('the totals are those of the counted lines alone; the optional line is priced apart', () => {
    const totals = computeSalesTotals(settings, LINES, [false, true, false])
    const counted = computeInvoiceTotals({
      currency: 'EUR',
      priceBasis,
      roundingScope: 'document',
      lines: [priced(LINES[0]!), priced(LINES[2]!)],
      discount: settings.documentDiscount!,
    })
    const alone = computeInvoiceTotals({
      currency: 'EUR',
      priceBasis,
      roundingScope: 'document',
      lines: [priced(LINES[1]!)],
    })

    expect(totals.totals).toEqual(counted.totals)
    expect(totals.breakdown).toEqual(counted.breakdown)
    expect(totals.lines).toEqual([counted.lines[0], alone.lines[0], counted.lines[1]])
    expect(totals.lines[1]!.documentDiscountMinor).toBe(0n)
  })

  test("without optional lines the totals are the invoice rules' own", () => {
    const totals = computeSalesTotals(settings, LINES, [false, false, false])

    expect(totals).toEqual(
      computeInvoiceTotals({
        currency: 'EUR',
        priceBasis,
        roundingScope: 'document',
        lines: LINES.map(priced),
        discount: settings.documentDiscount!,
      }),
    )
  })
})
