// Reference data: countries, country groups, currencies, locales and account natures. The same
// for every organization, served from code, and (except natures) readable without credentials.
// Billy answers 405 to writes on all of them (../shared/reference/billy.md section 1).

import { ACCOUNT_NATURES, normalBalanceSide } from '../../../domain/ledger/account.ts'
import { CURRENCY_EXPONENTS } from '../../../domain/money/currency.ts'
import type { Resource, WireRecord } from '../engine/resource.ts'
import { staticStore } from '../engine/static-store.ts'
import { COUNTRY_CODES, countryRecord, EU_MEMBERS, LOCALES, localeRecord } from '../reference/countries.ts'

const READ_ONLY = ['get', 'list'] as const

export const countries: Resource = {
  def: {
    singular: 'country',
    plural: 'countries',
    public: true,
    properties: {
      name: { type: 'string', access: 'readonly' },
      hasStates: { type: 'boolean', access: 'readonly' },
      hasFiniteStates: { type: 'boolean', access: 'readonly' },
      hasFiniteZipcodes: { type: 'boolean', access: 'readonly' },
      icon: { type: 'string', access: 'readonly' },
      localeId: { type: 'id', resource: 'locale', access: 'readonly' },
    },
    operations: READ_ONLY,
    search: true,
    sortable: ['name', 'id'],
  },
  store: staticStore(
    (context) => COUNTRY_CODES.map((code) => countryRecord(code, context.language)),
    ['name', 'id'],
  ),
}

export const countryGroups: Resource = {
  def: {
    singular: 'countryGroup',
    plural: 'countryGroups',
    public: true,
    properties: {
      name: { type: 'string', access: 'readonly' },
      icon: { type: 'string', access: 'readonly' },
      memberCountryIds: { type: 'strings', access: 'readonly' },
    },
    operations: READ_ONLY,
  },
  store: staticStore((context) => [
    {
      id: 'EU',
      name: context.language === 'da' ? 'EU' : 'European Union',
      icon: null,
      memberCountryIds: EU_MEMBERS,
    },
  ]),
}

function currencyRecord(code: string, language: string): WireRecord {
  const name = new Intl.DisplayNames([language, 'en'], { type: 'currency' }).of(code) ?? code
  // Faktura keeps no exchange-rate feed; a rate is given on the document where one is needed.
  return { id: code, name, exchangeRate: null }
}

export const currencies: Resource = {
  def: {
    singular: 'currency',
    plural: 'currencies',
    public: true,
    properties: {
      name: { type: 'string', access: 'readonly' },
      exchangeRate: { type: 'float', access: 'readonly' },
    },
    operations: READ_ONLY,
    search: true,
    sortable: ['id', 'name'],
  },
  store: staticStore(
    (context) => Object.keys(CURRENCY_EXPONENTS).map((code) => currencyRecord(code, context.language)),
    ['id', 'name'],
  ),
}

export const locales: Resource = {
  def: {
    singular: 'locale',
    plural: 'locales',
    public: true,
    properties: {
      name: { type: 'string', access: 'readonly' },
      icon: { type: 'string', access: 'readonly' },
    },
    operations: READ_ONLY,
  },
  store: staticStore((context) => LOCALES.map((locale) => localeRecord(locale, context.language))),
}

const NATURE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  asset: ['Aktiver', 'Assets'],
  liability: ['Passiver', 'Liabilities'],
  equity: ['Egenkapital', 'Equity'],
  revenue: ['Indtægter', 'Revenue'],
  expense: ['Udgifter', 'Expenses'],
}

export const accountNatures: Resource = {
  def: {
    singular: 'accountNature',
    plural: 'accountNatures',
    properties: {
      // Billy's enum strings for these two are not public (../shared/reference/billy.md section 7).
      reportType: { type: 'enum', values: ['balance', 'result'], access: 'readonly' },
      name: { type: 'string', access: 'readonly' },
      normalBalance: { type: 'enum', values: ['debit', 'credit'], access: 'readonly' },
    },
    operations: READ_ONLY,
  },
  store: staticStore((context) =>
    ACCOUNT_NATURES.map((nature) => ({
      id: nature,
      reportType: nature === 'revenue' || nature === 'expense' ? 'result' : 'balance',
      name: NATURE_NAMES[nature]?.[context.language === 'da' ? 0 : 1] ?? nature,
      normalBalance: normalBalanceSide(nature),
    })),
  ),
}
