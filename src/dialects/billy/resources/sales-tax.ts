// The predefined parts of Billy's sales tax setup, derived like the tax rates they belong to
// (./tax-rates.ts): a ruleset's rules (the contact's country and kind pick the rate, from the
// core's one table of zones, domain/tax/sales-tax-rule.ts, which also taxes the invoice lines),
// a purchase rate's deduction component (its VAT is deducted as input VAT), the chart's VAT
// accounts, and the boxes of the Danish VAT return that a rate's net amount is reported in.

import { invalidField } from '../../../domain/errors.ts'
import type { AccountRole } from '../../../domain/ledger/account.ts'
import { SALES_TAX_ZONES, type SalesTaxZone, taxForZone } from '../../../domain/tax/sales-tax-rule.ts'
import type { RequestContext, Resource, WireRecord } from '../engine/resource.ts'
import { listInMemory, staticStore } from '../engine/static-store.ts'
import { accountIdOfRole, ORGANIZATION, organizationOf } from './common.ts'
import { taxOfRate, taxOfRuleset, taxRateIdOf } from './tax-rates.ts'

const READ_ONLY = ['get', 'list'] as const

function byIds(records: readonly WireRecord[], ids: readonly string[]): WireRecord[] {
  return records.filter((record) => ids.includes(record.id))
}

// --- salesTaxRules -------------------------------------------------------------------------

const ZONE_WHERE: Readonly<
  Record<SalesTaxZone, Readonly<{ countryGroupId: string | null; contactType: string | null }>>
> = {
  domestic: { countryGroupId: null, contactType: null },
  'eu-business': { countryGroupId: 'EU', contactType: 'company' },
  'eu-consumer': { countryGroupId: 'EU', contactType: 'person' },
  export: { countryGroupId: null, contactType: null },
}

/** A ruleset's rules, in the order they are tried; a ruleset that is not a standard rate has none. */
export function rulesOf(rulesetId: string, sellerCountry: string): WireRecord[] {
  const tax = taxOfRuleset(rulesetId)
  if (tax.taxTreatment !== 'standard') return []
  return SALES_TAX_ZONES.map((zone, index) => ({
    id: `${rulesetId}.${zone}`,
    rulesetId,
    // The home rule names the country; the EU rules its group; export is what is left.
    countryId: zone === 'domestic' ? sellerCountry : null,
    stateId: null,
    ...ZONE_WHERE[zone],
    taxRateId: taxRateIdOf(taxForZone(tax, zone)),
    priority: index + 1,
  }))
}

async function rulesOfIds(context: RequestContext, rulesetIds: readonly string[]): Promise<WireRecord[]> {
  const { country } = await organizationOf(context)
  return rulesetIds.flatMap((id) => {
    try {
      return rulesOf(id, country)
    } catch {
      return []
    }
  })
}

export const salesTaxRules: Resource = {
  def: {
    singular: 'salesTaxRule',
    plural: 'salesTaxRules',
    description: 'Predefined: the contact’s country and type pick the tax rate of a product’s lines.',
    properties: {
      rulesetId: { type: 'id', resource: 'salesTaxRuleset', access: 'immutable', required: true },
      countryId: { type: 'id', resource: 'country', access: 'immutable' },
      stateId: { type: 'id', resource: 'state', access: 'immutable' },
      countryGroupId: { type: 'id', resource: 'countryGroup', access: 'immutable' },
      contactType: { type: 'enum', values: ['company', 'person'], access: 'immutable' },
      taxRateId: { type: 'id', resource: 'taxRate', access: 'immutable' },
      priority: { type: 'integer', access: 'immutable' },
    },
    operations: READ_ONLY,
    filters: { rulesetId: { type: 'string' } },
    sortable: ['priority'],
  },
  store: {
    async load(context, ids) {
      const rulesets = [...new Set(ids.map((id) => id.split('.')[0] ?? ''))]
      return byIds(await rulesOfIds(context, rulesets), ids)
    },
    byParent: (context, _inverse, rulesetIds) => rulesOfIds(context, rulesetIds),
    async list(context, query) {
      const rulesetIds = query.filters.rulesetId
      if (!rulesetIds)
        throw invalidField('rulesetId', 'sales tax rules are listed per ruleset: give rulesetId')
      return listInMemory(await rulesOfIds(context, rulesetIds), { ...query, filters: {} }, [])
    },
  },
}

// --- taxRateDeductionComponents ------------------------------------------------------------

async function componentsOf(context: RequestContext, taxRateIds: readonly string[]): Promise<WireRecord[]> {
  const accountId = await accountIdOfRole(context, 'inputVat')
  return taxRateIds.flatMap((taxRateId) => {
    let tax: ReturnType<typeof taxOfRate>
    try {
      tax = taxOfRate(taxRateId)
    } catch {
      return []
    }
    if (tax.direction !== 'purchase' || tax.taxTreatment !== 'standard' || tax.vatRatePercent === '0')
      return []
    return [{ id: `${taxRateId}.deduction`, taxRateId, share: 1, source: 'tax', accountId, priority: 1 }]
  })
}

export const taxRateDeductionComponents: Resource = {
  def: {
    singular: 'taxRateDeductionComponent',
    plural: 'taxRateDeductionComponents',
    description: 'Predefined: a purchase rate’s VAT is deducted in full as input VAT.',
    properties: {
      taxRateId: { type: 'id', resource: 'taxRate', access: 'immutable', required: true },
      share: { type: 'float', access: 'immutable', required: true, description: 'A fraction: 1 is all.' },
      source: { type: 'enum', values: ['tax', 'net'], access: 'immutable', required: true },
      accountId: { type: 'id', resource: 'account', access: 'immutable', required: true },
      priority: { type: 'integer' },
    },
    operations: READ_ONLY,
    filters: { taxRateId: { type: 'string' } },
  },
  store: {
    async load(context, ids) {
      const rates = [...new Set(ids.map((id) => id.replace(/\.deduction$/, '')))]
      return byIds(await componentsOf(context, rates), ids)
    },
    byParent: (context, _inverse, taxRateIds) => componentsOf(context, taxRateIds),
    async list(context, query) {
      const taxRateIds = query.filters.taxRateId
      if (!taxRateIds)
        throw invalidField('taxRateId', 'deduction components are listed per rate: give taxRateId')
      return listInMemory(await componentsOf(context, taxRateIds), { ...query, filters: {} }, [])
    },
  },
}

// --- salesTaxAccounts ----------------------------------------------------------------------

const TAX_ACCOUNT_TYPES: readonly (readonly [AccountRole, string])[] = [
  ['outputVat', 'salesTax'],
  ['inputVat', 'purchaseTax'],
]

export const salesTaxAccounts: Resource = {
  def: {
    singular: 'salesTaxAccount',
    plural: 'salesTaxAccounts',
    description: 'The chart’s VAT accounts, which a sales tax return settles.',
    properties: {
      organizationId: ORGANIZATION,
      accountId: { type: 'id', resource: 'account', required: true },
      type: { type: 'enum', values: ['salesTax', 'purchaseTax'], required: true },
      priority: { type: 'integer' },
    },
    operations: READ_ONLY,
    filters: { type: { type: 'enum', values: ['salesTax', 'purchaseTax'] } },
  },
  store: staticStore(async (context) => {
    const records: WireRecord[] = []
    for (const [index, [role, type]] of TAX_ACCOUNT_TYPES.entries()) {
      const accountId = await accountIdOfRole(context, role)
      if (accountId)
        records.push({
          id: type,
          organizationId: context.tenant.organizationId,
          accountId,
          type,
          priority: index + 1,
        })
    }
    return records
  }, []),
}

// --- salesTaxMetaFields --------------------------------------------------------------------

/** The boxes of the Danish VAT return (momsangivelse) for sales and purchases without Danish VAT. */
export const META_FIELDS: readonly Readonly<{ id: string; da: string; en: string }>[] = [
  {
    id: 'rubrik-a',
    da: 'Rubrik A: køb af varer og ydelser fra andre EU-lande',
    en: 'Box A: goods and services bought from other EU countries',
  },
  {
    id: 'rubrik-b',
    da: 'Rubrik B: salg af varer og ydelser uden moms til andre EU-lande',
    en: 'Box B: goods and services sold without VAT to other EU countries',
  },
  {
    id: 'rubrik-c',
    da: 'Rubrik C: andet salg uden moms (eksport)',
    en: 'Box C: other sales without VAT (exports)',
  },
]

export const salesTaxMetaFields: Resource = {
  def: {
    singular: 'salesTaxMetaField',
    plural: 'salesTaxMetaFields',
    description: 'Predefined: the boxes of the Danish VAT return.',
    properties: {
      organizationId: ORGANIZATION,
      name: { type: 'string', required: true },
      description: { type: 'string' },
      priority: { type: 'integer' },
      isPredefined: { type: 'boolean' },
    },
    operations: READ_ONLY,
    search: true,
  },
  store: staticStore((context) =>
    META_FIELDS.map((field, index) => ({
      id: field.id,
      organizationId: context.tenant.organizationId,
      name: context.language === 'da' ? field.da : field.en,
      description: null,
      priority: index + 1,
      isPredefined: true,
    })),
  ),
}
