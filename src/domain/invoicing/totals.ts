// The totals of an invoice or credit note: line amounts, discounts, VAT per rate and document sums.
// The invariant it protects: every figure is an exact count of minor units, gross = net + VAT on every
// line, every rate group and the document, and each level is exactly the sum of the one below it.

import { assert } from '../assert.ts'
import { DomainError, invalidField } from '../errors.ts'
import { allocate } from '../money/allocate.ts'
import type { CurrencyCode } from '../money/currency.ts'
import { type Decimal, formatDecimal, multiplyDecimal, toMinorUnits } from '../money/decimal.ts'
import { abs, type Rounding } from '../money/money.ts'
import { checkPercent, percentOfMinor } from '../money/percent.ts'
import { computeGroupVat, type PriceBasis, type RoundingScope } from '../tax/compute-vat.ts'
import { chargedVatRatePercent, type TaxTreatment } from '../tax/tax-treatment.ts'

/** A percentage of the amount, or a fixed amount (a magnitude: it always reduces toward zero). */
export type Discount =
  | Readonly<{ kind: 'percent'; ratePercent: Decimal }>
  | Readonly<{ kind: 'amount'; amountMinor: bigint }>

export type InvoiceLineInput = Readonly<{
  quantity: Decimal
  /** In major units, excluding or including VAT as the invoice's price basis says. */
  unitPrice: Decimal
  discount?: Discount
  vatRatePercent: Decimal
  taxTreatment: TaxTreatment
}>

export type InvoiceTotalsInput = Readonly<{
  currency: CurrencyCode
  priceBasis: PriceBasis
  roundingScope: RoundingScope
  /** Defaults to DEFAULT_ROUNDING. */
  rounding?: Rounding
  lines: readonly InvoiceLineInput[]
  /** Applies to the sum of the lines after their own discounts, in the price basis. */
  discount?: Discount
}>

export type LineTotals = Readonly<{
  /** The rate charged: the line's rate when standard, 0 for every other treatment. */
  vatRatePercent: Decimal
  taxTreatment: TaxTreatment
  /** quantity × unit price rounded once, in the price basis (net or gross). */
  lineAmountMinor: bigint
  /** The line's own discount, in the price basis, with the sign of the line. */
  discountMinor: bigint
  /** This line's share of the document discount, in the price basis, with the sign of the line. */
  documentDiscountMinor: bigint
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
}>

export type VatBreakdownEntry = Readonly<{
  vatRatePercent: Decimal
  taxTreatment: TaxTreatment
  /** This group's share of the document discount, in the price basis. */
  discountMinor: bigint
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
}>

export type DocumentTotals = Readonly<{
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
  /** The document discount, in the price basis. */
  discountMinor: bigint
  /** The sum of the lines' own discounts, in the price basis. */
  lineDiscountMinor: bigint
  /** Net and gross before the document discount (after line discounts), as Billomat's `*_unreduced`. */
  unreducedNetMinor: bigint
  unreducedGrossMinor: bigint
}>

export type InvoiceTotals = Readonly<{
  currency: CurrencyCode
  priceBasis: PriceBasis
  roundingScope: RoundingScope
  rounding: Rounding
  lines: readonly LineTotals[]
  /** One entry per (charged rate, treatment), in order of first appearance among the lines. */
  breakdown: readonly VatBreakdownEntry[]
  totals: DocumentTotals
}>

/** Commercial rounding in SE, DE and DK alike; a dialect names another mode if its vendor uses one. */
export const DEFAULT_ROUNDING: Rounding = 'half-up'

export const MAX_INVOICE_LINES = 10_000

type PricedLine = Readonly<{
  vatRatePercent: Decimal
  taxTreatment: TaxTreatment
  lineAmountMinor: bigint
  discountMinor: bigint
  /** After the line's own discount, before the document's. */
  amountMinor: bigint
}>

type RateGroup = Readonly<{ vatRatePercent: Decimal; taxTreatment: TaxTreatment; lineIndexes: number[] }>

type Settings = Readonly<{ priceBasis: PriceBasis; roundingScope: RoundingScope; rounding: Rounding }>

type TaxedLine = Pick<LineTotals, 'documentDiscountMinor' | 'netMinor' | 'vatMinor' | 'grossMinor'>

type TaxedDocument = Readonly<{ lines: readonly TaxedLine[]; breakdown: readonly VatBreakdownEntry[] }>

/**
 * Where rounding happens, and why there:
 * 1. quantity × unit price is rounded once per line, because the printed line amount is what the
 *    customer checks and what the sums add up (Billy: lineAmount = round2(quantity × unitPrice)).
 * 2. A percent discount is rounded once, per line or on the document sum, so the printed discount
 *    is the one subtracted.
 * 3. The document discount is split over rate groups, then lines, by largest remainder: splitting
 *    must not round again, or the parts would no longer add up to the printed discount.
 * 4. VAT is rounded per line, or once per rate group (the rounding scope), never both: per line keeps
 *    each printed line whole; per group stops line errors from adding up (3 × 0.10 at 25%: 9 or 8
 *    öre). Per group, lines show largest-remainder shares of the one rounded figure.
 * Net and gross are then derived by addition or subtraction only, so gross = net + VAT holds exactly.
 */
export function computeInvoiceTotals(input: InvoiceTotalsInput): InvoiceTotals {
  if (input.lines.length > MAX_INVOICE_LINES) {
    throw new DomainError('limit_exceeded', `an invoice holds at most ${MAX_INVOICE_LINES} lines`, {
      field: 'lines',
      limit: MAX_INVOICE_LINES,
    })
  }
  const settings: Settings = {
    priceBasis: input.priceBasis,
    roundingScope: input.roundingScope,
    rounding: input.rounding ?? DEFAULT_ROUNDING,
  }
  const priced = input.lines.map((line, index) =>
    priceLine(line, `lines[${index}]`, input.currency, settings),
  )
  const groups = groupByRate(priced)
  const documentAmountMinor = sumOf(priced.map((line) => line.amountMinor))
  const documentDiscountMinor = discountOf(input.discount, documentAmountMinor, 'discount', settings.rounding)
  const reduced = taxDocument(priced, groups, documentDiscountMinor, settings)
  const unreduced = documentDiscountMinor === 0n ? reduced : taxDocument(priced, groups, 0n, settings)
  const lines = priced.map((line, index) => ({
    vatRatePercent: line.vatRatePercent,
    taxTreatment: line.taxTreatment,
    lineAmountMinor: line.lineAmountMinor,
    discountMinor: line.discountMinor,
    ...reduced.lines[index]!,
  }))
  const totals: DocumentTotals = {
    netMinor: sumOf(reduced.breakdown.map((entry) => entry.netMinor)),
    vatMinor: sumOf(reduced.breakdown.map((entry) => entry.vatMinor)),
    grossMinor: sumOf(reduced.breakdown.map((entry) => entry.grossMinor)),
    discountMinor: documentDiscountMinor,
    lineDiscountMinor: sumOf(priced.map((line) => line.discountMinor)),
    unreducedNetMinor: sumOf(unreduced.breakdown.map((entry) => entry.netMinor)),
    unreducedGrossMinor: sumOf(unreduced.breakdown.map((entry) => entry.grossMinor)),
  }
  const result = { currency: input.currency, ...settings, lines, breakdown: reduced.breakdown, totals }
  assertConsistent(result)
  return result
}

function priceLine(
  line: InvoiceLineInput,
  field: string,
  currency: CurrencyCode,
  settings: Settings,
): PricedLine {
  checkPercent(line.vatRatePercent, `${field}.vatRatePercent`)
  const lineAmountMinor = toMinorUnits(
    multiplyDecimal(line.quantity, line.unitPrice),
    currency,
    settings.rounding,
  )
  const discountMinor = discountOf(line.discount, lineAmountMinor, `${field}.discount`, settings.rounding)
  return {
    vatRatePercent: chargedVatRatePercent(line.vatRatePercent, line.taxTreatment),
    taxTreatment: line.taxTreatment,
    lineAmountMinor,
    discountMinor,
    amountMinor: lineAmountMinor - discountMinor,
  }
}

/** The discount on an amount, with the amount's sign; refused when it would exceed the amount. */
function discountOf(
  discount: Discount | undefined,
  amountMinor: bigint,
  field: string,
  rounding: Rounding,
): bigint {
  if (discount === undefined) return 0n
  if (discount.kind === 'percent') {
    return percentOfMinor(amountMinor, checkPercent(discount.ratePercent, field), rounding)
  }
  if (discount.amountMinor < 0n) throw invalidField(field, `${field} must not be negative`)
  if (discount.amountMinor > abs(amountMinor)) {
    throw invalidField(
      field,
      `${field} of ${discount.amountMinor} minor units exceeds the amount ${amountMinor}`,
    )
  }
  return amountMinor < 0n ? -discount.amountMinor : discount.amountMinor
}

function groupByRate(lines: readonly PricedLine[]): readonly RateGroup[] {
  const groups = new Map<string, RateGroup>()
  lines.forEach((line, index) => {
    // The normal form makes 25 and 25.00 one rate.
    const key = `${line.taxTreatment} ${formatDecimal(line.vatRatePercent)}`
    const group = groups.get(key)
    if (group === undefined) {
      groups.set(key, {
        vatRatePercent: line.vatRatePercent,
        taxTreatment: line.taxTreatment,
        lineIndexes: [index],
      })
    } else {
      group.lineIndexes.push(index)
    }
  })
  return [...groups.values()]
}

/** Spreads the document discount over the rate groups, in proportion to their amounts, and taxes each. */
function taxDocument(
  lines: readonly PricedLine[],
  groups: readonly RateGroup[],
  documentDiscountMinor: bigint,
  settings: Settings,
): TaxedDocument {
  const taxedLines: TaxedLine[] = []
  const amountsMinor = groups.map((group) => group.lineIndexes.map((index) => lines[index]!.amountMinor))
  // With no lines there is nothing to share, and discountOf has already refused a non-zero discount.
  const discountsMinor = groups.length === 0 ? [] : allocate(documentDiscountMinor, amountsMinor.map(sumOf))
  const breakdown = groups.map((group, groupIndex) => {
    const taxed = taxGroup(group, amountsMinor[groupIndex]!, discountsMinor[groupIndex]!, settings)
    group.lineIndexes.forEach((lineIndex, i) => {
      taxedLines[lineIndex] = taxed.lines[i]!
    })
    return taxed.entry
  })
  return { lines: taxedLines, breakdown }
}

/** Spreads a group's discount over its lines, then derives net and gross from the group's VAT. */
function taxGroup(
  group: RateGroup,
  amountsMinor: readonly bigint[],
  discountMinor: bigint,
  settings: Settings,
): Readonly<{ lines: readonly TaxedLine[]; entry: VatBreakdownEntry }> {
  const { vatRatePercent, taxTreatment } = group
  const sharesMinor = allocate(discountMinor, amountsMinor)
  const reducedMinor = amountsMinor.map((amountMinor, i) => amountMinor - sharesMinor[i]!)
  const { priceBasis, roundingScope, rounding } = settings
  const vat = computeGroupVat(reducedMinor, vatRatePercent, priceBasis, roundingScope, rounding)
  const lines = reducedMinor.map((basisMinor, i) => {
    const vatMinor = vat.linesVatMinor[i]!
    const netMinor = priceBasis === 'net' ? basisMinor : basisMinor - vatMinor
    return { documentDiscountMinor: sharesMinor[i]!, netMinor, vatMinor, grossMinor: netMinor + vatMinor }
  })
  const netMinor = sumOf(lines.map((line) => line.netMinor))
  const entry = {
    vatRatePercent,
    taxTreatment,
    discountMinor,
    netMinor,
    vatMinor: vat.vatMinor,
    grossMinor: netMinor + vat.vatMinor,
  }
  return { lines, entry }
}

function sumOf(amountsMinor: readonly bigint[]): bigint {
  return amountsMinor.reduce((total, amountMinor) => total + amountMinor, 0n)
}

function assertConsistent(result: InvoiceTotals): void {
  const { lines, breakdown, totals, priceBasis } = result
  for (const level of [...lines, ...breakdown, totals]) {
    assert(level.grossMinor === level.netMinor + level.vatMinor, 'gross must equal net + VAT')
  }
  for (const line of lines) {
    const reducedMinor = line.lineAmountMinor - line.discountMinor - line.documentDiscountMinor
    assert(reducedMinor === (priceBasis === 'net' ? line.netMinor : line.grossMinor), 'line amount mismatch')
  }
  assert(sumOf(lines.map((line) => line.netMinor)) === totals.netMinor, 'lines must sum to the net total')
  assert(sumOf(lines.map((line) => line.vatMinor)) === totals.vatMinor, 'lines must sum to the VAT total')
  assert(
    sumOf(lines.map((line) => line.documentDiscountMinor)) === totals.discountMinor,
    'document discount shares must sum to the discount',
  )
  const unreducedMinor = priceBasis === 'net' ? totals.unreducedNetMinor : totals.unreducedGrossMinor
  const reducedMinor = priceBasis === 'net' ? totals.netMinor : totals.grossMinor
  assert(
    unreducedMinor - totals.discountMinor === reducedMinor,
    'the document discount must be the reduction',
  )
}
