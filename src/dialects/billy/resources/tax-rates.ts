// /v2/taxRates and /v2/salesTaxRulesets. Faktura's core taxes a line by a rate and a treatment
// (standard, zero-rated, reverse charge, exempt); Billy names each such pair a tax rate, with the
// rate as a fraction (0.25), and a product carries a ruleset whose fallback rate its lines use.
// Both are derived from those pairs, so their ids are stable and every rate the core can hold has
// one: `sales-25`, `purchase-25`, `sales-exempt`; rulesets `ruleset-25`, `ruleset-exempt`. The
// predefined lists follow the organization's country. Billy's own ids and abbreviations are not
// public (../shared/reference/billy.md section 7), so these are Faktura's.

import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { invalidField } from '../../../domain/errors.ts'
import { canonicalVatRatePercent } from '../../../domain/ledger/account.ts'
import { formatDecimal } from '../../../domain/money/decimal.ts'
import type { TaxTreatment } from '../../../domain/tax/tax-treatment.ts'
import { COMMON_VAT_RATES_PERCENT, type VatCountry } from '../../../domain/tax/vat-rate.ts'
import type { RequestContext, Resource, WireRecord } from '../engine/resource.ts'
import { staticStore } from '../engine/static-store.ts'
import { percentAsFraction } from '../engine/wire-values.ts'
import { ORGANIZATION } from './common.ts'

export type LineTax = Readonly<{ vatRatePercent: string; taxTreatment: TaxTreatment }>

const SPECIAL: Readonly<Record<string, TaxTreatment>> = {
  exempt: 'exempt',
  'reverse-charge': 'reverse-charge',
  'zero-rated': 'zero-rated',
}

function key(tax: LineTax): string {
  if (tax.taxTreatment !== 'standard') return tax.taxTreatment
  return canonicalVatRatePercent(tax.vatRatePercent)
}

/** The tax rate a core line's rate and treatment is shown as. */
export function taxRateIdOf(tax: LineTax, direction: 'sales' | 'purchase' = 'sales'): string {
  return `${direction}-${key(tax)}`
}

export function rulesetIdOf(tax: LineTax): string {
  return `ruleset-${key(tax)}`
}

function taxOfKey(keyText: string, field: string): LineTax {
  const treatment = SPECIAL[keyText]
  if (treatment) return { vatRatePercent: '0', taxTreatment: treatment }
  try {
    return { vatRatePercent: canonicalVatRatePercent(keyText), taxTreatment: 'standard' }
  } catch {
    throw invalidField(field, `${field} ${JSON.stringify(keyText)} is not a tax Faktura knows`)
  }
}

/** The rate and treatment behind a ruleset id, refused naming `field` when there is none. */
export function taxOfRuleset(id: string, field = 'salesTaxRulesetId'): LineTax {
  if (!id.startsWith('ruleset-')) throw invalidField(field, `${field} ${JSON.stringify(id)} does not exist`)
  return taxOfKey(id.slice('ruleset-'.length), field)
}

export function taxOfRate(id: string, field = 'taxRateId'): LineTax & { direction: 'sales' | 'purchase' } {
  const match = /^(sales|purchase)-(.+)$/.exec(id)
  if (!match) throw invalidField(field, `${field} ${JSON.stringify(id)} does not exist`)
  return { ...taxOfKey(match[2] ?? '', field), direction: match[1] as 'sales' | 'purchase' }
}

function countryRates(country: string): string[] {
  const rates = COMMON_VAT_RATES_PERCENT[country as VatCountry] ?? COMMON_VAT_RATES_PERCENT.DK
  return rates.filter((rate) => rate.units !== 0n).map((rate) => formatDecimal(rate))
}

export function defaultSalesRulesetId(country: string): string {
  return `ruleset-${countryRates(country)[0] ?? '25'}`
}

const NAMES = {
  da: {
    sales: 'Salgsmoms',
    purchase: 'Købsmoms',
    exempt: 'Momsfrit',
    reverse: 'Omvendt betalingspligt',
    zero: 'Eksport og EU-varesalg (0%)',
    free: 'Momsfri (0%)',
  },
  en: {
    sales: 'Sales VAT',
    purchase: 'Purchase VAT',
    exempt: 'VAT exempt',
    reverse: 'Reverse charge',
    zero: 'Export and EU goods (0%)',
    free: 'No VAT (0%)',
  },
} as const

function names(language: string) {
  return language === 'da' ? NAMES.da : NAMES.en
}

function rateName(tax: LineTax, direction: 'sales' | 'purchase', language: string): string {
  const n = names(language)
  if (tax.taxTreatment === 'exempt') return n.exempt
  if (tax.taxTreatment === 'reverse-charge') return n.reverse
  if (tax.taxTreatment === 'zero-rated') return n.zero
  if (tax.vatRatePercent === '0') return n.free
  return `${direction === 'sales' ? n.sales : n.purchase} (${tax.vatRatePercent}%)`
}

/** The box of the Danish VAT return a sales rate's net amount is reported in, if any. */
export function metaFieldIdOfRate(taxRateId: string): string | null {
  if (taxRateId === 'sales-reverse-charge') return 'rubrik-b'
  if (taxRateId === 'sales-zero-rated') return 'rubrik-c'
  return null
}

export function taxRateRecord(id: string, organizationId: string, language: string): WireRecord {
  const tax = taxOfRate(id)
  const charged = tax.taxTreatment === 'standard' ? tax.vatRatePercent : '0'
  return {
    id,
    organizationId,
    name: rateName(tax, tax.direction, language),
    abbreviation: id.toUpperCase().replace(/[^A-Z0-9]+/g, ''),
    description: null,
    rate: percentAsFraction(charged),
    appliesToSales: tax.direction === 'sales',
    appliesToPurchases: tax.direction === 'purchase',
    isPredefined: true,
    isActive: true,
    netAmountMetaFieldId: metaFieldIdOfRate(id),
    priority: 0,
  }
}

async function predefinedTaxRates(context: RequestContext): Promise<WireRecord[]> {
  if (!context.tenant.organizationId) return []
  const { country } = await getOrganization(context.core, context.tenant)
  const rates = countryRates(country)
  const ids = [
    ...rates.map((rate) => `sales-${rate}`),
    ...rates.map((rate) => `purchase-${rate}`),
    'sales-0',
    'sales-exempt',
    'sales-reverse-charge',
    'sales-zero-rated',
  ]
  return ids.map((id) => taxRateRecord(id, context.tenant.organizationId, context.language))
}

export const taxRates: Resource = {
  def: {
    singular: 'taxRate',
    plural: 'taxRates',
    properties: {
      organizationId: ORGANIZATION,
      name: { type: 'string', access: 'immutable' },
      abbreviation: { type: 'string', access: 'immutable' },
      description: { type: 'string', access: 'immutable' },
      rate: { type: 'float', access: 'immutable', description: 'A fraction: 0.25 is 25%.' },
      appliesToSales: { type: 'boolean', access: 'immutable' },
      appliesToPurchases: { type: 'boolean', access: 'immutable' },
      isPredefined: { type: 'boolean', access: 'readonly' },
      isActive: { type: 'boolean', access: 'readonly' },
      netAmountMetaFieldId: { type: 'id', resource: 'salesTaxMetaField', access: 'immutable' },
    },
    hasMany: {
      deductionComponents: {
        resource: 'taxRateDeductionComponent',
        inverse: 'taxRateId',
        save: 'readonly',
      },
    },
    operations: ['get', 'list'],
    filters: {
      appliesToSales: { type: 'boolean' },
      appliesToPurchases: { type: 'boolean' },
      isActive: { type: 'boolean' },
    },
    sortable: ['name', 'priority'],
    search: true,
  },
  store: {
    ...staticStore(predefinedTaxRates, ['name', 'abbreviation']),
    // Any rate the core can hold has a record, listed or not (a line taxed at 12% in a DK company).
    async load(context, ids) {
      return ids.flatMap((id) => {
        try {
          return [taxRateRecord(id, context.tenant.organizationId, context.language)]
        } catch {
          return []
        }
      })
    },
  },
}

function rulesetRecord(id: string, organizationId: string, language: string): WireRecord {
  const tax = taxOfRuleset(id)
  return {
    id,
    organizationId,
    name: rateName(tax, 'sales', language),
    abbreviation: id.slice('ruleset-'.length).toUpperCase(),
    description: null,
    fallbackTaxRateId: taxRateIdOf(tax),
    isPredefined: true,
  }
}

export const salesTaxRulesets: Resource = {
  def: {
    singular: 'salesTaxRuleset',
    plural: 'salesTaxRulesets',
    properties: {
      organizationId: ORGANIZATION,
      name: { type: 'string', access: 'immutable' },
      abbreviation: { type: 'string', access: 'immutable' },
      description: { type: 'string', access: 'immutable' },
      fallbackTaxRateId: { type: 'id', resource: 'taxRate', access: 'immutable' },
      isPredefined: { type: 'boolean', access: 'readonly' },
    },
    hasMany: { rules: { resource: 'salesTaxRule', inverse: 'rulesetId', save: 'readonly' } },
    operations: ['get', 'list'],
  },
  store: {
    ...staticStore(async (context) => {
      const rates = await predefinedTaxRates(context)
      return rates
        .filter((rate) => rate.appliesToSales)
        .map((rate) =>
          rulesetRecord(rulesetIdOf(taxOfRate(rate.id)), context.tenant.organizationId, context.language),
        )
    }),
    async load(context, ids) {
      return ids.flatMap((id) => {
        try {
          return [rulesetRecord(id, context.tenant.organizationId, context.language)]
        } catch {
          return []
        }
      })
    },
  },
}
