// Turns the lines of a draft, as a dialect passed them (strings or numbers, defaults already
// filled from products), into checked lines and their totals. Every refusal names the field by
// its path, e.g. `lines.2.quantity`, so each dialect can point its client at it.

import { invalidField } from '../errors.ts'
import type { CurrencyCode } from '../money/currency.ts'
import { type Decimal, formatDecimal, parseDecimal } from '../money/decimal.ts'
import { parsePercent } from '../money/percent.ts'
import type { PriceBasis, RoundingScope } from '../tax/compute-vat.ts'
import { parseTaxTreatment, type TaxTreatment } from '../tax/tax-treatment.ts'
import { parseVatRatePercent } from '../tax/vat-rate.ts'
import type { StoredDiscount } from './invoice.ts'
import { computeInvoiceTotals, type Discount, type InvoiceTotals, MAX_INVOICE_LINES } from './totals.ts'

export type DiscountInput = Readonly<{ percent: string | number } | { amountMinor: bigint }>

export type ResolvedLineInput = Readonly<{
  productId: string | null
  description: string
  quantity: string | number
  unit: string | null
  unitPrice: string | number
  discount: DiscountInput | null
  vatRatePercent: string | number
  taxTreatment: string
  revenueAccountNumber: string | null
  creditedLineNo?: number | null
  extra: Readonly<Record<string, unknown>>
}>

export type CheckedLine = Readonly<{
  productId: string | null
  description: string
  quantity: Decimal
  unit: string | null
  unitPrice: Decimal
  discount: Discount | null
  vatRatePercent: Decimal
  taxTreatment: TaxTreatment
  revenueAccountNumber: string | null
  creditedLineNo: number | null
  extra: Readonly<Record<string, unknown>>
}>

export function parseDiscount(input: DiscountInput | null | undefined, field: string): Discount | null {
  if (input == null) return null
  if ('percent' in input) {
    const ratePercent = parsePercent(input.percent, field)
    return ratePercent.units === 0n ? null : { kind: 'percent', ratePercent }
  }
  if (input.amountMinor < 0n) throw invalidField(field, `${field} must not be negative`)
  return input.amountMinor === 0n ? null : { kind: 'amount', amountMinor: input.amountMinor }
}

export function storedDiscount(discount: Discount | null): StoredDiscount | null {
  if (!discount) return null
  return discount.kind === 'percent'
    ? { kind: 'percent', ratePercent: formatDecimal(discount.ratePercent) }
    : { kind: 'amount', amountMinor: discount.amountMinor }
}

export function discountInputOf(stored: StoredDiscount | null): DiscountInput | null {
  if (!stored) return null
  return stored.kind === 'percent' ? { percent: stored.ratePercent } : { amountMinor: stored.amountMinor }
}

export function checkLine(line: ResolvedLineInput, index: number): CheckedLine {
  const at = (name: string) => `lines.${index}.${name}`
  const description = line.description.trim()
  if (description === '') throw invalidField(at('description'), 'every line needs a description or a product')
  if (description.length > 2000)
    throw invalidField(at('description'), 'description must be at most 2000 characters')
  if (line.unit != null && line.unit.length > 40)
    throw invalidField(at('unit'), 'unit must be at most 40 characters')
  return {
    productId: line.productId,
    description,
    quantity: parseDecimal(line.quantity, at('quantity')),
    unit: line.unit,
    unitPrice: parseDecimal(line.unitPrice, at('unitPrice')),
    discount: parseDiscount(line.discount, at('discount')),
    vatRatePercent: parseVatRatePercent(line.vatRatePercent, at('vatRatePercent')),
    taxTreatment: parseTaxTreatment(line.taxTreatment, at('taxTreatment')),
    revenueAccountNumber: line.revenueAccountNumber,
    creditedLineNo: line.creditedLineNo ?? null,
    extra: line.extra,
  }
}

export type DraftSettings = Readonly<{
  currency: CurrencyCode
  priceBasis: PriceBasis
  roundingScope: RoundingScope
  documentDiscount: Discount | null
}>

export function computeDraft(
  settings: DraftSettings,
  lines: readonly ResolvedLineInput[],
): { lines: CheckedLine[]; totals: InvoiceTotals } {
  if (lines.length > MAX_INVOICE_LINES)
    throw invalidField('lines', `an invoice has at most ${MAX_INVOICE_LINES} lines`)
  const checked = lines.map(checkLine)
  const totals = computeInvoiceTotals({
    currency: settings.currency,
    priceBasis: settings.priceBasis,
    roundingScope: settings.roundingScope,
    lines: checked.map((line) => ({
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      vatRatePercent: line.vatRatePercent,
      taxTreatment: line.taxTreatment,
      ...(line.discount ? { discount: line.discount } : {}),
    })),
    ...(settings.documentDiscount ? { discount: settings.documentDiscount } : {}),
  })
  return { lines: checked, totals }
}
