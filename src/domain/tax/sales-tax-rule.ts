// Where a sale is taxed, decided by the buyer's country and kind, as a Danish (or any EU) seller's
// VAT rules say: at home the product's own VAT; to a business in another EU country the buyer
// accounts for the VAT (reverse charge); to a consumer in another EU country the seller's VAT (the
// distance-selling threshold and OSS are left to the organization); outside the EU an export at
// 0%. The invariant it protects: only a product taxed at a standard rate changes, so an exempt or
// already reverse-charged product keeps its treatment wherever it is sold.

import type { TaxTreatment } from './tax-treatment.ts'

/** The EU member states by ISO 3166-1 code (Greece is GR here, though its VAT prefix is EL). */
export const EU_MEMBERS: readonly string[] =
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ')

export const SALES_TAX_ZONES = ['domestic', 'eu-business', 'eu-consumer', 'export'] as const

export type SalesTaxZone = (typeof SALES_TAX_ZONES)[number]

export type BuyerPlace = Readonly<{
  sellerCountry: string
  /** Null when the contact has no country: the sale is treated as domestic. */
  buyerCountry: string | null
  buyerKind: 'company' | 'person'
}>

export type LineTaxRate = Readonly<{ vatRatePercent: string; taxTreatment: TaxTreatment }>

export function salesTaxZone(place: BuyerPlace): SalesTaxZone {
  const { sellerCountry, buyerCountry, buyerKind } = place
  if (buyerCountry === null || buyerCountry === sellerCountry) return 'domestic'
  if (!EU_MEMBERS.includes(buyerCountry)) return 'export'
  if (!EU_MEMBERS.includes(sellerCountry)) return 'export'
  return buyerKind === 'company' ? 'eu-business' : 'eu-consumer'
}

/** The rate and treatment a product's standard tax becomes for a buyer in the given zone. */
export function taxForZone(productTax: LineTaxRate, zone: SalesTaxZone): LineTaxRate {
  if (productTax.taxTreatment !== 'standard') return productTax
  switch (zone) {
    case 'domestic':
    case 'eu-consumer':
      return productTax
    case 'eu-business':
      return { vatRatePercent: '0', taxTreatment: 'reverse-charge' }
    case 'export':
      return { vatRatePercent: '0', taxTreatment: 'zero-rated' }
  }
}
