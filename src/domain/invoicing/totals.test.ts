// Proves that invoice totals round where documented, split discounts exactly and add up at every level.

import { describe, expect, test } from 'vitest'
import { DomainError } from '../errors.ts'
import { decimal, parseDecimal } from '../money/decimal.ts'
import type { TaxTreatment } from '../tax/tax-treatment.ts'
import {
  computeInvoiceTotals,
  type Discount,
  type InvoiceLineInput,
  type InvoiceTotalsInput,
  MAX_INVOICE_LINES,
} from './totals.ts'

function line(
  quantity: string,
  unitPrice: string,
  vatRatePercent: string,
  extra: Readonly<{ taxTreatment?: TaxTreatment; discount?: Discount }> = {},
): InvoiceLineInput {
  return {
    quantity: parseDecimal(quantity, 'quantity'),
    unitPrice: parseDecimal(unitPrice, 'unitPrice'),
    vatRatePercent: parseDecimal(vatRatePercent, 'vatRatePercent'),
    taxTreatment: extra.taxTreatment ?? 'standard',
    ...(extra.discount === undefined ? {} : { discount: extra.discount }),
  }
}

function percent(text: string): Discount {
  return { kind: 'percent', ratePercent: parseDecimal(text, 'ratePercent') }
}

function amount(amountMinor: bigint): Discount {
  return { kind: 'amount', amountMinor }
}

const SEK_NET = { currency: 'SEK', priceBasis: 'net', roundingScope: 'line' } as const

function refusal(input: InvoiceTotalsInput): DomainError {
  try {
    computeInvoiceTotals(input)
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a DomainError')
}

describe('rounding', () => {
  test.each([
    ['line', 9n, [3n, 3n, 3n]],
    ['document', 8n, [3n, 3n, 2n]],
  ] as const)(
    'three lines of 0.10 at 25%% rounded per %s carry VAT %s',
    (roundingScope, vatMinor, linesVat) => {
      const lines = [line('1', '0.10', '25'), line('1', '0.10', '25'), line('1', '0.10', '25')]

      const result = computeInvoiceTotals({ ...SEK_NET, roundingScope, lines })

      expect(result.totals.netMinor).toBe(30n)
      expect(result.totals.vatMinor).toBe(vatMinor)
      expect(result.totals.grossMinor).toBe(30n + vatMinor)
      expect(result.lines.map((each) => each.vatMinor)).toEqual(linesVat)
    },
  )

  test.each([
    ['half-up', '0.125', 13n],
    ['half-even', '0.125', 12n],
    ['half-even', '0.135', 14n],
    ['half-up', '-0.125', -13n],
    ['half-even', '-0.125', -12n],
    ['half-even', '-0.135', -14n],
  ] as const)(
    'rounds an exact half of a line amount %s: %s becomes %s öre',
    (rounding, unitPrice, expected) => {
      const lines = [line('1', unitPrice, '0')]

      const result = computeInvoiceTotals({ ...SEK_NET, rounding, lines })

      expect(result.lines[0]!.lineAmountMinor).toBe(expected)
    },
  )

  test.each([
    ['line', 'half-up', ['0.10'], 3n],
    ['line', 'half-even', ['0.10'], 2n],
    ['document', 'half-up', ['0.05', '0.05'], 3n],
    ['document', 'half-even', ['0.05', '0.05'], 2n],
    ['document', 'half-up', ['-0.05', '-0.05'], -3n],
    ['document', 'half-even', ['-0.05', '-0.05'], -2n],
  ] as const)('rounds an exact half of VAT per %s %s', (roundingScope, rounding, unitPrices, expected) => {
    const lines = unitPrices.map((unitPrice) => line('1', unitPrice, '25'))

    const result = computeInvoiceTotals({ ...SEK_NET, roundingScope, rounding, lines })

    expect(result.totals.vatMinor).toBe(expected)
  })

  test('rounds to whole yen, which have no minor unit', () => {
    const lines = [line('3', '333.5', '10')]

    const result = computeInvoiceTotals({ ...SEK_NET, currency: 'JPY', lines })

    expect(result.lines[0]!.lineAmountMinor).toBe(1001n)
    expect(result.totals).toMatchObject({ netMinor: 1001n, vatMinor: 100n, grossMinor: 1101n })
  })
})

describe('price basis', () => {
  test('a gross price keeps the line gross and derives net by subtracting VAT', () => {
    const lines = [line('1', '9.99', '25'), line('2', '125', '25')]

    const result = computeInvoiceTotals({ ...SEK_NET, priceBasis: 'gross', lines })

    expect(result.lines[0]).toMatchObject({ grossMinor: 999n, vatMinor: 200n, netMinor: 799n })
    expect(result.lines[1]).toMatchObject({ grossMinor: 25000n, vatMinor: 5000n, netMinor: 20000n })
    expect(result.totals).toMatchObject({ grossMinor: 25999n, vatMinor: 5200n, netMinor: 20799n })
  })

  test('a gross basis rounded per document differs from per line on a crafted example', () => {
    const lines = [line('1', '0.03', '25'), line('1', '0.03', '25'), line('1', '0.03', '25')]

    const perLine = computeInvoiceTotals({ ...SEK_NET, priceBasis: 'gross', lines })
    const perDocument = computeInvoiceTotals({
      ...SEK_NET,
      priceBasis: 'gross',
      roundingScope: 'document',
      lines,
    })

    expect(perLine.totals).toMatchObject({ grossMinor: 9n, vatMinor: 3n, netMinor: 6n })
    expect(perDocument.totals).toMatchObject({ grossMinor: 9n, vatMinor: 2n, netMinor: 7n })
  })
})

describe('rates and treatments', () => {
  test('breaks mixed rates down per rate, merging equal rates written differently', () => {
    const lines = [
      line('1', '100', '25'),
      line('1', '100', '12'),
      line('1', '100', '6'),
      line('2', '50', '25.00'),
    ]

    const result = computeInvoiceTotals({ ...SEK_NET, lines })

    expect(
      result.breakdown.map((entry) => [entry.vatRatePercent.units, entry.netMinor, entry.vatMinor]),
    ).toEqual([
      [25n, 20000n, 5000n],
      [12n, 10000n, 1200n],
      [6n, 10000n, 600n],
    ])
    expect(result.totals).toMatchObject({ netMinor: 40000n, vatMinor: 6800n, grossMinor: 46800n })
  })

  test('matches a real Billomat invoice with 19% and 10% groups', () => {
    const lines = [line('1', '3800', '19'), line('1', '85', '10')]

    const result = computeInvoiceTotals({ ...SEK_NET, currency: 'EUR', roundingScope: 'document', lines })

    expect(result.breakdown.map((entry) => entry.vatMinor)).toEqual([72200n, 850n])
    expect(result.totals).toMatchObject({ netMinor: 388500n, vatMinor: 73050n, grossMinor: 461550n })
  })

  test.each(['reverse-charge', 'zero-rated', 'exempt'] as const)(
    'a %s line carries no VAT but keeps its treatment',
    (taxTreatment) => {
      const lines = [line('1', '100', '25'), line('1', '200', '25', { taxTreatment })]

      const result = computeInvoiceTotals({ ...SEK_NET, lines })

      expect(result.lines[1]).toMatchObject({
        taxTreatment,
        netMinor: 20000n,
        vatMinor: 0n,
        grossMinor: 20000n,
      })
      expect(result.lines[1]!.vatRatePercent.units).toBe(0n)
      expect(result.breakdown.map((entry) => [entry.taxTreatment, entry.vatMinor])).toEqual([
        ['standard', 2500n],
        [taxTreatment, 0n],
      ])
      expect(result.totals.vatMinor).toBe(2500n)
    },
  )

  test('a standard line at 0% and a zero-rated line are separate groups', () => {
    const lines = [line('1', '10', '0'), line('1', '10', '0', { taxTreatment: 'zero-rated' })]

    const result = computeInvoiceTotals({ ...SEK_NET, lines })

    expect(result.breakdown).toHaveLength(2)
  })
})

describe('credit lines', () => {
  test('negative quantities and prices make negative lines that offset the others', () => {
    const lines = [line('2', '100', '25'), line('-1', '100', '25'), line('1', '-0.10', '25')]

    const result = computeInvoiceTotals({ ...SEK_NET, lines })

    expect(result.lines.map((each) => each.vatMinor)).toEqual([5000n, -2500n, -3n])
    expect(result.totals).toMatchObject({ netMinor: 9990n, vatMinor: 2497n, grossMinor: 12487n })
  })

  test('a credit note is the mirror image of its invoice', () => {
    const lines = [line('3', '0.10', '25'), line('1', '33.33', '12')]
    const credit = lines.map((each) => ({
      ...each,
      quantity: decimal(-each.quantity.units, each.quantity.scale),
    }))

    const invoice = computeInvoiceTotals({
      ...SEK_NET,
      roundingScope: 'document',
      lines,
      discount: percent('10'),
    })
    const creditNote = computeInvoiceTotals({
      ...SEK_NET,
      roundingScope: 'document',
      lines: credit,
      discount: percent('10'),
    })

    expect(creditNote.totals.netMinor).toBe(-invoice.totals.netMinor)
    expect(creditNote.totals.vatMinor).toBe(-invoice.totals.vatMinor)
    expect(creditNote.totals.discountMinor).toBe(-invoice.totals.discountMinor)
  })
})

describe('line discounts', () => {
  test.each([
    ['a percentage', percent('10'), 1005n, 101n],
    ['a percentage of a credit line', percent('10'), -1005n, -101n],
    ['an amount', amount(5n), 1005n, 5n],
    ['an amount on a credit line, toward zero', amount(5n), -1005n, -5n],
    ['the whole line', percent('100'), 1005n, 1005n],
  ] as const)('takes %s off the line', (_name, discount, lineAmountMinor, expected) => {
    const unitPrice = (Number(lineAmountMinor) / 100).toFixed(2)
    const lines = [line('1', unitPrice, '25', { discount })]

    const result = computeInvoiceTotals({ ...SEK_NET, lines })

    expect(result.lines[0]).toMatchObject({
      lineAmountMinor,
      discountMinor: expected,
      netMinor: lineAmountMinor - expected,
    })
    expect(result.totals.lineDiscountMinor).toBe(expected)
  })

  test('a gross line discount is taken from the gross before VAT is extracted', () => {
    const lines = [line('1', '125', '25', { discount: amount(2500n) })]

    const result = computeInvoiceTotals({ ...SEK_NET, priceBasis: 'gross', lines })

    expect(result.lines[0]).toMatchObject({ grossMinor: 10000n, vatMinor: 2000n, netMinor: 8000n })
  })
})

describe('document discounts', () => {
  test("matches Billomat's documented item: 5.2 × 10.00 at 19% less 10.00", () => {
    const lines = [line('5.2', '10.0', '19')]

    const result = computeInvoiceTotals({ ...SEK_NET, currency: 'EUR', lines, discount: amount(1000n) })

    expect(result.totals).toMatchObject({
      unreducedNetMinor: 5200n,
      unreducedGrossMinor: 6188n,
      discountMinor: 1000n,
      netMinor: 4200n,
      grossMinor: 4998n,
    })
  })

  test('a percentage is split over the rates in proportion to their net', () => {
    const lines = [line('1', '100', '25'), line('1', '50', '12'), line('1', '0.01', '6')]

    const result = computeInvoiceTotals({ ...SEK_NET, lines, discount: percent('10') })

    expect(result.totals.discountMinor).toBe(1500n)
    expect(result.breakdown.map((entry) => [entry.discountMinor, entry.netMinor, entry.vatMinor])).toEqual([
      [1000n, 9000n, 2250n],
      [500n, 4500n, 540n],
      [0n, 1n, 0n],
    ])
  })

  test('an amount is split by largest remainder, earlier rates first on a tie', () => {
    const lines = [line('1', '10', '25'), line('1', '10', '12'), line('1', '10', '6')]

    const result = computeInvoiceTotals({ ...SEK_NET, lines, discount: amount(100n) })

    expect(result.breakdown.map((entry) => entry.discountMinor)).toEqual([34n, 33n, 33n])
    expect(result.lines.map((each) => each.documentDiscountMinor)).toEqual([34n, 33n, 33n])
    expect(result.totals).toMatchObject({ netMinor: 2900n, unreducedNetMinor: 3000n })
  })

  test('a gross-basis document discount reduces the gross', () => {
    const lines = [line('1', '125', '25'), line('1', '112', '12')]

    const result = computeInvoiceTotals({ ...SEK_NET, priceBasis: 'gross', lines, discount: percent('50') })

    expect(result.totals).toMatchObject({
      unreducedGrossMinor: 23700n,
      grossMinor: 11850n,
      discountMinor: 11850n,
      vatMinor: 1850n,
      netMinor: 10000n,
    })
  })
})

describe('refusals', () => {
  test.each([
    [
      'a line discount bigger than its line',
      {
        lines: [line('1', '1', '25'), line('1', '1', '25'), line('1', '1', '25', { discount: amount(101n) })],
      },
      'lines[2].discount',
    ],
    [
      'a negative line discount',
      { lines: [line('1', '1', '25', { discount: amount(-1n) })] },
      'lines[0].discount',
    ],
    [
      'a line discount above 100%',
      { lines: [line('1', '1', '25', { discount: percent('100.5') })] },
      'lines[0].discount',
    ],
    [
      'a discount on a zero line',
      { lines: [line('0', '1', '25', { discount: amount(1n) })] },
      'lines[0].discount',
    ],
    [
      'a document discount bigger than the document',
      { lines: [line('1', '1', '25')], discount: amount(101n) },
      'discount',
    ],
    ['a document discount on an empty invoice', { lines: [], discount: amount(1n) }, 'discount'],
    ['a VAT rate above 100%', { lines: [line('1', '1', '101')] }, 'lines[0].vatRatePercent'],
  ])('refuses %s naming the field', (_name, input, field) => {
    const error = refusal({ ...SEK_NET, ...input })

    expect(error.code).toBe('invalid_field')
    expect(error.details.field).toBe(field)
  })

  test('refuses more lines than the limit', () => {
    const lines = Array.from({ length: MAX_INVOICE_LINES + 1 }, () => line('1', '1', '25'))

    const error = refusal({ ...SEK_NET, lines })

    expect(error.code).toBe('limit_exceeded')
  })

  test('an empty invoice totals zero', () => {
    const result = computeInvoiceTotals({ ...SEK_NET, lines: [] })

    expect(result.breakdown).toEqual([])
    expect(Object.values(result.totals)).toEqual([0n, 0n, 0n, 0n, 0n, 0n, 0n])
  })
})
