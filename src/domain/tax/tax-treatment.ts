// How a line is taxed. The invariant it protects: only a standard line charges VAT; every other
// treatment charges none, yet stays visible on the line so documents can print the legal notice
// (reverse charge, exemption) that EU invoicing rules require for it.

import { invalidField } from '../errors.ts'
import { type Decimal, decimal } from '../money/decimal.ts'

export const TAX_TREATMENTS = ['standard', 'zero-rated', 'reverse-charge', 'exempt'] as const

/**
 * standard: the seller charges the line's VAT rate (which may itself be 0).
 * zero-rated: taxable at 0%, e.g. an intra-EU supply of goods or an export.
 * reverse-charge: the buyer accounts for the VAT; the seller charges none and prints the notice.
 * exempt: outside VAT altogether (health care, finance); no VAT and an exemption reference.
 */
export type TaxTreatment = (typeof TAX_TREATMENTS)[number]

export function isTaxTreatment(value: unknown): value is TaxTreatment {
  return typeof value === 'string' && (TAX_TREATMENTS as readonly string[]).includes(value)
}

export function parseTaxTreatment(value: unknown, field = 'taxTreatment'): TaxTreatment {
  if (isTaxTreatment(value)) return value
  throw invalidField(
    field,
    `${field} must be one of ${TAX_TREATMENTS.join(', ')}, got ${JSON.stringify(value)}`,
  )
}

export function isVatCharged(treatment: TaxTreatment): boolean {
  return treatment === 'standard'
}

const NO_VAT = decimal(0n)

/**
 * The rate actually charged. A reverse-charge line may arrive with the rate the buyer will apply
 * (Billogram keeps `vat` on items of a `reversed_vat` invoice); the seller still charges nothing.
 */
export function chargedVatRatePercent(vatRatePercent: Decimal, treatment: TaxTreatment): Decimal {
  return isVatCharged(treatment) ? vatRatePercent : NO_VAT
}
