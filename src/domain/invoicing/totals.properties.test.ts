// Proves, over random invoices, that totals add up at every level and round exactly once where documented.

import fc from 'fast-check'
import { expect, test } from 'vitest'
import { type Decimal, decimal, multiplyDecimal, toMinorUnits } from '../money/decimal.ts'
import { abs, divideRounded } from '../money/money.ts'
import { TAX_TREATMENTS } from '../tax/tax-treatment.ts'
import { computeInvoiceTotals, type Discount, type InvoiceTotals, type InvoiceTotalsInput } from './totals.ts'

// Small values often, so that exact halves (where half-up and half-even part) are drawn, not just large ones.
const decimals = (maxUnits: bigint, maxScale: number) =>
  fc.record({
    units: fc.oneof(fc.bigInt({ min: -20n, max: 20n }), fc.bigInt({ min: -maxUnits, max: maxUnits })),
    scale: fc.integer({ min: 0, max: maxScale }),
  })

const percents = fc
  .record({ units: fc.bigInt({ min: 0n, max: 10000n }), scale: fc.constant(2) })
  .map((ratePercent): Discount => ({ kind: 'percent', ratePercent }))

/** An amount discount is drawn as a fraction of what it applies to, because a bigger one is refused. */
const discountDraws = fc.option(fc.oneof(percents, fc.bigInt({ min: 0n, max: 1000n })), { nil: undefined })

function discountOn(draw: Discount | bigint | undefined, amountMinor: bigint): Discount | undefined {
  if (typeof draw !== 'bigint') return draw
  return { kind: 'amount', amountMinor: (abs(amountMinor) * draw) / 1000n }
}

const lineDraws = fc.record({
  quantity: decimals(10n ** 5n, 3),
  unitPrice: decimals(10n ** 7n, 4),
  vatRatePercent: fc.constantFrom(
    decimal(25n),
    decimal(12n),
    decimal(6n),
    decimal(19n),
    decimal(7n),
    decimal(55n, 1),
    decimal(0n),
  ),
  taxTreatment: fc.constantFrom(...TAX_TREATMENTS),
  discount: discountDraws,
})

const invoices = fc
  .record({
    currency: fc.constantFrom('SEK' as const, 'EUR' as const, 'JPY' as const),
    priceBasis: fc.constantFrom('net' as const, 'gross' as const),
    roundingScope: fc.constantFrom('line' as const, 'document' as const),
    rounding: fc.constantFrom('half-up' as const, 'half-even' as const),
    lines: fc.array(lineDraws, { maxLength: 12 }),
    discount: discountDraws,
  })
  .map(({ discount, ...draw }): InvoiceTotalsInput => {
    const lines = draw.lines.map(({ discount: lineDraw, ...rest }) => {
      const lineAmountMinor = toMinorUnits(
        multiplyDecimal(rest.quantity, rest.unitPrice),
        draw.currency,
        draw.rounding,
      )
      const lineDiscount = discountOn(lineDraw, lineAmountMinor)
      return lineDiscount === undefined ? rest : { ...rest, discount: lineDiscount }
    })
    const undiscounted = computeInvoiceTotals({ ...draw, lines })
    const { unreducedNetMinor, unreducedGrossMinor } = undiscounted.totals
    const documentDiscount = discountOn(
      discount,
      draw.priceBasis === 'net' ? unreducedNetMinor : unreducedGrossMinor,
    )
    return { ...draw, lines, ...(documentDiscount === undefined ? {} : { discount: documentDiscount }) }
  })

function sumOf(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n)
}

function vatFraction(rate: Decimal, basis: 'net' | 'gross'): readonly [bigint, bigint] {
  const hundred = 100n * 10n ** BigInt(rate.scale)
  return [rate.units, basis === 'net' ? hundred : hundred + rate.units]
}

test('gross is net plus VAT on every line, every rate and the document', () => {
  fc.assert(
    fc.property(invoices, (input) => {
      const result = computeInvoiceTotals(input)

      for (const level of [...result.lines, ...result.breakdown, result.totals]) {
        expect(level.grossMinor).toBe(level.netMinor + level.vatMinor)
      }
    }),
  )
})

test('lines sum to their rate group and rate groups sum to the document', () => {
  fc.assert(
    fc.property(invoices, (input) => {
      const result = computeInvoiceTotals(input)

      for (const field of ['netMinor', 'vatMinor', 'grossMinor'] as const) {
        expect(sumOf(result.lines.map((each) => each[field]))).toBe(result.totals[field])
        expect(sumOf(result.breakdown.map((entry) => entry[field]))).toBe(result.totals[field])
      }
      expect(sumOf(result.breakdown.map((entry) => entry.discountMinor))).toBe(result.totals.discountMinor)
      expect(sumOf(result.lines.map((each) => each.documentDiscountMinor))).toBe(result.totals.discountMinor)
    }),
  )
})

test('the price-basis amount of a line is quantity × unit price rounded once, less its discounts', () => {
  fc.assert(
    fc.property(invoices, (input) => {
      const result = computeInvoiceTotals(input)

      result.lines.forEach((each, index) => {
        const source = input.lines[index]!
        const exactMinor = toMinorUnits(
          multiplyDecimal(source.quantity, source.unitPrice),
          input.currency,
          result.rounding,
        )
        const basisMinor = input.priceBasis === 'net' ? each.netMinor : each.grossMinor
        expect(each.lineAmountMinor).toBe(exactMinor)
        expect(basisMinor).toBe(exactMinor - each.discountMinor - each.documentDiscountMinor)
      })
    }),
  )
})

test('VAT is rounded once per line or once per rate group, as the scope says', () => {
  fc.assert(
    fc.property(invoices, (input) => {
      const result = computeInvoiceTotals(input)

      const base = (entry: { netMinor: bigint; grossMinor: bigint }) =>
        input.priceBasis === 'net' ? entry.netMinor : entry.grossMinor
      const rounded = result.roundingScope === 'line' ? result.lines : result.breakdown
      for (const entry of rounded) {
        const [numerator, denominator] = vatFraction(entry.vatRatePercent, input.priceBasis)
        expect(entry.vatMinor).toBe(divideRounded(base(entry) * numerator, denominator, result.rounding))
      }
    }),
  )
})

test('the document discount is exactly the reduction of the price-basis total', () => {
  fc.assert(
    fc.property(invoices, (input) => {
      const { totals } = computeInvoiceTotals(input)

      const [unreducedMinor, reducedMinor] =
        input.priceBasis === 'net'
          ? [totals.unreducedNetMinor, totals.netMinor]
          : [totals.unreducedGrossMinor, totals.grossMinor]
      expect(unreducedMinor - totals.discountMinor).toBe(reducedMinor)
    }),
  )
})

test('negating every quantity negates every figure', () => {
  fc.assert(
    fc.property(invoices, (input) => {
      const negated = input.lines.map((each) => ({
        ...each,
        quantity: decimal(-each.quantity.units, each.quantity.scale),
      }))

      const invoice: InvoiceTotals = computeInvoiceTotals(input)
      const credit = computeInvoiceTotals({ ...input, lines: negated })

      for (const field of Object.keys(invoice.totals) as (keyof InvoiceTotals['totals'])[]) {
        expect(credit.totals[field]).toBe(-invoice.totals[field])
      }
    }),
  )
})
