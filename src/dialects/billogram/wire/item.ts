// The Billogram item (../shared/reference/billogram.md §3) to and from the core product. item_no
// is the product number (a string); price is the product's price in the organization's currency,
// excluding VAT; vat a whole percent of 0, 6, 12 or 25 (the Swedish rates). What the core has no
// column for (the VAT account, ROT deduction, zero-VAT reason) rides in the product's extra.

import type { Product, ProductPatch } from '../../../domain/products/product.ts'
import type { FieldNames } from '../errors.ts'
import { BillogramWireError } from '../errors.ts'
import type { ListFields } from './list-query.ts'
import { readBoolean, readDecimal, readObject, readText, readWhole } from './read.ts'
import type { Catalog, JsonObject } from './strict-body.ts'
import { decimalOut, timestampOut, wholeOut } from './values.ts'

export const UNITS = [
  'unit',
  'hour',
  'day',
  'month',
  'kg',
  'gram',
  'kwh',
  'ton',
  'meter',
  'mm',
  'km',
  'm2',
  'm3',
  'litre',
] as const
export const VAT_RATES = [0, 6, 12, 25] as const

const FIELDS: Catalog = {
  title: 'w',
  description: 'w',
  price: 'w',
  vat: 'w',
  unit: 'w',
  bookkeeping: { object: { income_account: 'w', vat_account: 'w', objects: 'w' } },
  regional_sweden: { object: { rotavdrag: 'w' } },
  zero_vat_reason: 'w',
  zero_vat_reason_reference: 'w',
  created_at: 'r',
  updated_at: 'r',
}
export const ITEM_CREATE: Catalog = { ...FIELDS, item_no: 'w' }
export const ITEM_UPDATE: Catalog = { ...FIELDS, item_no: 'r' }

type ItemExtra = Readonly<{
  vatAccount?: string
  bookkeepingObjects?: unknown
  rotavdrag?: boolean
  zeroVatReason?: string
  zeroVatReasonReference?: string
}>

function extraOf(product: Product | undefined): ItemExtra {
  const own = product?.extra.billogram
  return typeof own === 'object' && own !== null ? (own as ItemExtra) : {}
}

export function checkUnit(unit: string | undefined, path: readonly (string | number)[]): void {
  if (unit !== undefined && !(UNITS as readonly string[]).includes(unit))
    throw new BillogramWireError('INVALID_PARAMETER', `unit must be one of ${UNITS.join(', ')}`, [
      ...path,
      'unit',
    ])
}

export function checkVat(vat: number | undefined, path: readonly (string | number)[]): void {
  if (vat !== undefined && !(VAT_RATES as readonly number[]).includes(vat))
    throw new BillogramWireError('INVALID_PARAMETER', 'vat must be 0, 6, 12 or 25', [...path, 'vat'])
}

/** A product patch from a create or update body, prices in `currency`. */
export function itemFromWire(body: JsonObject, current: Product | undefined, currency: string): ProductPatch {
  const unit = readText(body, 'unit', [], 40)
  checkUnit(unit, [])
  const vat = readWhole(body, 'vat')
  checkVat(vat, [])
  const price = readDecimal(body, 'price')
  const bookkeeping = readObject(body, 'bookkeeping') ?? {}
  const regional = readObject(body, 'regional_sweden') ?? {}
  const income = readText(bookkeeping, 'income_account', ['bookkeeping'], 20)
  const extra: ItemExtra = {
    ...extraOf(current),
    ...defined('vatAccount', readText(bookkeeping, 'vat_account', ['bookkeeping'], 20)),
    ...(bookkeeping.objects === undefined ? {} : { bookkeepingObjects: bookkeeping.objects }),
    ...defined('rotavdrag', readBoolean(regional, 'rotavdrag', ['regional_sweden'])),
    ...defined('zeroVatReason', readText(body, 'zero_vat_reason', [], 40)),
    ...defined('zeroVatReasonReference', readText(body, 'zero_vat_reason_reference')),
  }
  const otherPrices = (current?.prices ?? []).filter((entry) => entry.currency !== currency)
  return {
    ...defined('name', readText(body, 'title')),
    ...defined('description', readText(body, 'description', [], 2000)),
    ...defined('unit', unit),
    ...defined('vatRatePercent', vat === undefined ? undefined : String(vat)),
    ...(income === undefined ? {} : { revenueAccountNumber: income.trim() === '' ? null : income.trim() }),
    ...(price === undefined ? {} : { prices: [...otherPrices, { currency, unitPrice: String(price) }] }),
    extra: { billogram: extra },
  }
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

export function itemToWire(product: Product, currency: string) {
  const extra = extraOf(product)
  const price = product.prices.find((entry) => entry.currency === currency) ?? product.prices[0]
  return {
    item_no: product.productNo,
    title: product.name,
    description: product.description ?? '',
    price: decimalOut(price?.unitPrice ?? '0'),
    vat: Number.isInteger(Number(product.vatRatePercent))
      ? wholeOut(Number(product.vatRatePercent))
      : decimalOut(product.vatRatePercent),
    unit: product.unit ?? 'unit',
    bookkeeping: {
      income_account: product.revenueAccountNumber ?? '',
      vat_account: extra.vatAccount ?? '',
      ...(extra.bookkeepingObjects === undefined ? {} : { objects: extra.bookkeepingObjects }),
    },
    regional_sweden: { rotavdrag: extra.rotavdrag ?? false },
    ...(extra.zeroVatReason ? { zero_vat_reason: extra.zeroVatReason } : {}),
    ...(extra.zeroVatReasonReference ? { zero_vat_reason_reference: extra.zeroVatReasonReference } : {}),
    created_at: timestampOut(product.createdAt),
    // The vendor shows null until the first edit (a recorded reply in ../shared/reference/billogram.md §3).
    updated_at: product.updatedAt === product.createdAt ? null : timestampOut(product.updatedAt),
  }
}

export const ITEM_LIST: ListFields = {
  filter: {
    item_no: { core: 'productNo', kind: 'text' },
    title: { core: 'name', kind: 'text' },
    description: { core: 'description', kind: 'text' },
  },
  order: { item_no: 'productNo', title: 'name', created_at: 'createdAt', updated_at: 'updatedAt' },
  search: ['productNo', 'name', 'description'],
}

export const ITEM_FIELD_NAMES: FieldNames = [
  [/^productNo$/, 'item_no'],
  [/^name$/, 'title'],
  [/^vatRatePercent$/, 'vat'],
  [/^prices\.\d+\.unitPrice$/, 'price'],
  [/^revenueAccountNumber$/, 'bookkeeping.income_account'],
]
