// Billogram rounds a SEK billogram's total to whole kronor (öresavrundning: total_sum 411 and
// rounding_value -0.25 for a gross of 411.25 in the vendor's fixture, ../shared/reference/billogram.md
// §3), and Java reads several sums as integers. The rounding is a line of its own, outside VAT,
// booked to the chart's rounding account, so the ledger, the PDF and every sum agree on it. Its
// amount comes from the domain's own totals of the other lines, the same computation the core
// will make, so no VAT arithmetic is repeated here.

import type { DraftLineInput } from '../../../core/invoices/resolve-draft.ts'
import { DomainError } from '../../../domain/errors.ts'
import { computeDraft, type ResolvedLineInput } from '../../../domain/invoicing/draft.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { minorToDecimalString } from '../../../domain/money/decimal.ts'
import { divideRounded } from '../../../domain/money/money.ts'
import type { Product } from '../../../domain/products/product.ts'

export const ROUNDED_CURRENCIES: ReadonlySet<string> = new Set(['SEK'])

export function isRoundingLine(extra: Readonly<Record<string, unknown>>): boolean {
  const own = extra.billogram
  return typeof own === 'object' && own !== null && (own as { rounding?: unknown }).rounding === true
}

/** A line as the core will resolve it: what it leaves out taken from its product. */
function resolved(line: DraftLineInput, product: Product | undefined, currency: string): ResolvedLineInput {
  return {
    productId: line.productId ?? null,
    description: line.description ?? product?.name ?? '',
    quantity: line.quantity ?? '1',
    unit: line.unit ?? null,
    unitPrice:
      line.unitPrice ?? product?.prices.find((price) => price.currency === currency)?.unitPrice ?? '0',
    discount: line.discount ?? null,
    vatRatePercent: line.vatRatePercent ?? product?.vatRatePercent ?? '0',
    taxTreatment: line.taxTreatment ?? product?.taxTreatment ?? 'standard',
    revenueAccountNumber: null,
    extra: {},
  }
}

/**
 * The lines with a rounding line appended when the gross is not whole kronor. Lines the core
 * will refuse are returned as they are: its refusal, naming the field, is the answer then.
 */
export function withOreRounding(
  lines: readonly DraftLineInput[],
  products: readonly Product[],
  currency: string,
  roundingAccount: string | undefined,
): DraftLineInput[] {
  if (!ROUNDED_CURRENCIES.has(currency)) return [...lines]
  let grossMinor: bigint
  try {
    const byId = new Map(products.map((product) => [product.productId, product]))
    const { totals } = computeDraft(
      {
        currency: currency as CurrencyCode,
        priceBasis: 'net',
        roundingScope: 'line',
        documentDiscount: null,
      },
      lines.map((line) => resolved(line, byId.get(line.productId ?? ''), currency)),
    )
    grossMinor = totals.totals.grossMinor
  } catch (error) {
    if (error instanceof DomainError) return [...lines]
    throw error
  }
  const roundingMinor = divideRounded(grossMinor, 100n, 'half-up') * 100n - grossMinor
  if (roundingMinor === 0n) return [...lines]
  return [
    ...lines,
    {
      description: 'Öresavrundning',
      quantity: '1',
      unitPrice: minorToDecimalString(roundingMinor, 'SEK'),
      vatRatePercent: '0',
      taxTreatment: 'exempt',
      unit: 'unit',
      ...(roundingAccount ? { revenueAccountNumber: roundingAccount } : {}),
      extra: { billogram: { rounding: true } },
    },
  ]
}
