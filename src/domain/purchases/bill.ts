// A supplier's bill as Faktura keeps it: lines coded to accounts, each with its own VAT rate, and
// totals computed the way invoices are (amounts net or gross as the bill's price basis says, VAT
// rounded once per rate over the document). The invariant it protects: a bill's gross is exactly
// its net plus its VAT, line by line and in total, so its posting always balances.

import { invalidField } from '../errors.ts'
import { computeInvoiceTotals, MAX_INVOICE_LINES } from '../invoicing/totals.ts'
import type { CurrencyCode } from '../money/currency.ts'
import { decimal, formatDecimal, parseDecimal } from '../money/decimal.ts'
import type { PriceBasis } from '../tax/compute-vat.ts'
import type { TaxTreatment } from '../tax/tax-treatment.ts'

export type BillLineInput = Readonly<{
  accountNumber: string
  description: string
  /** In major units, net or gross as the bill's price basis says. */
  amount: string
  /** null: the line carries no VAT. */
  vatRatePercent: string | null
  taxTreatment: TaxTreatment | null
  extra?: Readonly<Record<string, unknown>>
}>

export type BillLineTotals = BillLineInput & Readonly<{ netMinor: bigint; vatMinor: bigint }>

export type BillTotals = Readonly<{
  lines: readonly BillLineTotals[]
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
}>

/** Checks the lines and computes each line's net and VAT and the bill's totals. */
export function computeBillTotals(
  currency: CurrencyCode,
  priceBasis: PriceBasis,
  lines: readonly BillLineInput[],
): BillTotals {
  if (lines.length > MAX_INVOICE_LINES)
    throw invalidField('lines', `a bill has at most ${MAX_INVOICE_LINES} lines`)
  const checked = lines.map((line, index) => {
    if (line.description.length > 2000)
      throw invalidField(`lines.${index}.description`, 'description must be at most 2000 characters')
    return { ...line, amount: formatDecimal(parseDecimal(line.amount, `lines.${index}.amount`)) }
  })
  const totals = computeInvoiceTotals({
    currency,
    priceBasis,
    roundingScope: 'document',
    lines: checked.map((line) => ({
      quantity: decimal(1n),
      unitPrice: parseDecimal(line.amount, 'amount'),
      vatRatePercent: parseDecimal(line.vatRatePercent ?? '0', 'vatRatePercent'),
      taxTreatment: line.taxTreatment ?? 'standard',
    })),
  })
  return {
    lines: checked.map((line, index) => ({
      ...line,
      netMinor: totals.lines[index]?.netMinor ?? 0n,
      vatMinor: totals.lines[index]?.vatMinor ?? 0n,
    })),
    netMinor: totals.totals.netMinor,
    vatMinor: totals.totals.vatMinor,
    grossMinor: totals.totals.grossMinor,
  }
}
