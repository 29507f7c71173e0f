// Chooses what a credit note credits: every line, chosen lines (or part of their quantity), or an
// amount split over the invoice's VAT rates by their share of its gross. The lines come out in the
// draft format, so a credit note is totalled by the same rules as any invoice.

import { DomainError, invalidField } from '../../domain/errors.ts'
import type { DiscountInput } from '../../domain/invoicing/draft.ts'
import { discountInputOf } from '../../domain/invoicing/draft.ts'
import type { Invoice, InvoiceLine } from '../../domain/invoicing/invoice.ts'
import { allocate } from '../../domain/money/allocate.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import {
  compareDecimal,
  formatDecimal,
  minorToDecimalString,
  parseDecimal,
} from '../../domain/money/decimal.ts'
import type { PriceBasis } from '../../domain/tax/compute-vat.ts'
import type { DraftLineInput } from './resolve-draft.ts'

export type CreditSelection =
  | Readonly<{ mode: 'full' }>
  | Readonly<{ mode: 'remaining' }>
  | Readonly<{ mode: 'amount'; amountMinor: bigint }>
  | Readonly<{ mode: 'lines'; lines: readonly Readonly<{ lineNo: number; quantity?: string | number }>[] }>
  /** Lines written out in full (a dialect whose credit notes name their own products and prices). */
  | Readonly<{
      mode: 'custom'
      lines: readonly DraftLineInput[]
      priceBasis?: PriceBasis
      documentDiscount?: DiscountInput | null
    }>

export type CreditDraft = Readonly<{
  priceBasis: PriceBasis
  documentDiscount: DiscountInput | null
  lines: readonly (DraftLineInput & { creditedLineNo?: number | null })[]
}>

function copyLine(line: InvoiceLine, quantity: string): DraftLineInput & { creditedLineNo: number } {
  return {
    productId: line.productId,
    description: line.description,
    quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    discount: discountInputOf(line.discount),
    vatRatePercent: line.vatRatePercent,
    taxTreatment: line.taxTreatment,
    revenueAccountNumber: line.revenueAccountNumber,
    creditedLineNo: line.lineNo,
    extra: {},
  }
}

/** Gross `amountMinor` split over the VAT groups by their gross, one gross-priced line per group. */
function amountLines(invoice: Invoice, amountMinor: bigint, description: string): CreditDraft {
  const groups = invoice.breakdown.filter((group) => group.grossMinor !== 0n)
  if (groups.length === 0)
    throw new DomainError('wrong_state', 'the invoice has no amount to credit', { field: 'amount' })
  const shares = allocate(
    amountMinor,
    groups.map((group) => group.grossMinor),
  )
  const currency = invoice.currency as CurrencyCode
  const lines = groups.flatMap((group, index) => {
    const shareMinor = shares[index] ?? 0n
    if (shareMinor === 0n) return []
    return [
      {
        description,
        quantity: '1',
        unitPrice: minorToDecimalString(shareMinor, currency),
        vatRatePercent: group.vatRatePercent,
        taxTreatment: group.taxTreatment,
        unit: null,
        extra: {},
      },
    ]
  })
  return { priceBasis: 'gross', documentDiscount: null, lines }
}

function chosenLines(invoice: Invoice, selection: Extract<CreditSelection, { mode: 'lines' }>): CreditDraft {
  if (!Array.isArray(selection.lines) || selection.lines.length === 0)
    throw invalidField('lines', 'choose at least one line to credit')
  const lines = selection.lines.map((chosen, index) => {
    const line = invoice.lines.find((candidate) => candidate.lineNo === chosen.lineNo)
    if (!line) throw invalidField(`lines.${index}.lineNo`, `the invoice has no line ${chosen.lineNo}`)
    const quantity =
      chosen.quantity === undefined
        ? line.quantity
        : formatDecimal(parseDecimal(chosen.quantity, `lines.${index}.quantity`))
    const credited = parseDecimal(quantity, `lines.${index}.quantity`)
    const original = parseDecimal(line.quantity, 'quantity')
    const magnitude = (value: typeof credited) =>
      value.units < 0n ? { ...value, units: -value.units } : value
    if (
      credited.units === 0n ||
      compareDecimal(magnitude(credited), magnitude(original)) > 0 ||
      credited.units < 0n !== original.units < 0n
    ) {
      throw invalidField(
        `lines.${index}.quantity`,
        `credit between 0 and ${line.quantity} of line ${line.lineNo}`,
      )
    }
    return copyLine(line, quantity)
  })
  // A percent discount on the document applies to the credited lines alike; an absolute one is
  // not carried over, since its share of a subset of lines is not defined by the invoice.
  const documentDiscount =
    invoice.documentDiscount?.kind === 'percent' ? discountInputOf(invoice.documentDiscount) : null
  return { priceBasis: invoice.priceBasis, documentDiscount, lines }
}

export function creditDraftFor(
  invoice: Invoice,
  selection: CreditSelection,
  description: string,
): CreditDraft {
  const creditableMinor = invoice.grossMinor - invoice.creditedMinor
  switch (selection.mode) {
    case 'full':
      if (invoice.creditedMinor !== 0n)
        throw new DomainError(
          'wrong_state',
          'the invoice is already partly credited: credit the remaining amount instead',
          { field: 'mode' },
        )
      return {
        priceBasis: invoice.priceBasis,
        documentDiscount: discountInputOf(invoice.documentDiscount),
        lines: invoice.lines.map((line) => copyLine(line, line.quantity)),
      }
    case 'remaining': {
      // Fees are not credited with the invoice's lines: they were never part of its revenue.
      const owedWithoutFeesMinor = invoice.balanceMinor - invoice.feesMinor
      const remainingMinor = [owedWithoutFeesMinor, creditableMinor].reduce((a, b) => (a < b ? a : b))
      if (remainingMinor <= 0n)
        throw new DomainError('wrong_state', 'nothing remains to be credited on this invoice', {
          field: 'mode',
        })
      return amountLines(invoice, remainingMinor, description)
    }
    case 'amount':
      if (typeof selection.amountMinor !== 'bigint' || selection.amountMinor <= 0n)
        throw invalidField('amount', 'the amount to credit must be positive')
      if (selection.amountMinor > creditableMinor)
        throw new DomainError(
          'amount_exceeds_balance',
          `at most ${creditableMinor} minor units can still be credited`,
          { field: 'amount' },
        )
      return amountLines(invoice, selection.amountMinor, description)
    case 'lines':
      return chosenLines(invoice, selection)
    case 'custom':
      if (!Array.isArray(selection.lines) || selection.lines.length === 0)
        throw invalidField('lines', 'a credit note needs at least one line')
      return {
        priceBasis: selection.priceBasis ?? invoice.priceBasis,
        documentDiscount: selection.documentDiscount ?? null,
        lines: selection.lines,
      }
    default:
      throw invalidField('mode', 'mode must be full, remaining, amount, lines or custom')
  }
}
