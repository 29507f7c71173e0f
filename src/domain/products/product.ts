// A product (Billogram item, Billomat article, Billy product) with its prices per currency and
// the tax rule its invoice lines inherit. Prices are fixed-point decimals in major units, so a
// unit price may carry more precision than the currency's minor unit.

import { invalidField } from '../errors.ts'
import { parseCurrencyCode } from '../money/currency.ts'
import { type Decimal, formatDecimal, parseDecimal } from '../money/decimal.ts'
import type { PriceBasis } from '../tax/compute-vat.ts'
import { parseTaxTreatment, type TaxTreatment } from '../tax/tax-treatment.ts'
import { parseVatRatePercent } from '../tax/vat-rate.ts'

export type ProductPrice = Readonly<{ currency: string; unitPrice: string }>

export type ProductFields = Readonly<{
  name: string
  description: string | null
  unit: string | null
  vatRatePercent: string
  taxTreatment: TaxTreatment
  priceBasis: PriceBasis
  revenueAccountNumber: string | null
  isArchived: boolean
  prices: readonly ProductPrice[]
  extra: Readonly<Record<string, unknown>>
}>

export type Product = ProductFields &
  Readonly<{ productId: string; productSeq: bigint; productNo: string; createdAt: string; updatedAt: string }>

export type ProductPatch = Partial<ProductFields>

export const EMPTY_PRODUCT: ProductFields = {
  name: '',
  description: null,
  unit: null,
  vatRatePercent: '25',
  taxTreatment: 'standard',
  priceBasis: 'net',
  revenueAccountNumber: null,
  isArchived: false,
  prices: [],
  extra: {},
}

function canonical(value: Decimal): string {
  return formatDecimal(value)
}

export function validateProductFields(fields: ProductFields): ProductFields {
  if (fields.name.trim() === '') throw invalidField('name', 'name must not be empty')
  if (fields.name.length > 255) throw invalidField('name', 'name must be at most 255 characters')
  if (fields.unit != null && fields.unit.length > 40)
    throw invalidField('unit', 'unit must be at most 40 characters')
  if (fields.priceBasis !== 'net' && fields.priceBasis !== 'gross')
    throw invalidField('priceBasis', 'priceBasis must be net or gross')
  const seen = new Set<string>()
  const prices = fields.prices.map((price, index) => {
    const currency = parseCurrencyCode(price.currency, `prices.${index}.currency`)
    if (seen.has(currency))
      throw invalidField(`prices.${index}.currency`, `a price in ${currency} is given twice`)
    seen.add(currency)
    return { currency, unitPrice: canonical(parseDecimal(price.unitPrice, `prices.${index}.unitPrice`)) }
  })
  return {
    ...fields,
    name: fields.name.trim(),
    vatRatePercent: canonical(parseVatRatePercent(fields.vatRatePercent, 'vatRatePercent')),
    taxTreatment: parseTaxTreatment(fields.taxTreatment, 'taxTreatment'),
    prices,
  }
}

export function applyProductPatch(current: ProductFields, patch: ProductPatch): ProductFields {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
  return validateProductFields({ ...current, ...defined, extra: { ...current.extra, ...patch.extra } })
}
