// Articles (§2.3) between Billomat's wire and the core's products: title, description, unit,
// tax rate and sales price (in the article's currency) are the product's own; the numbering,
// further price groups, purchase price, supplier, type and references ride in `extra.billomat`.

import { invalidField } from '../../../domain/errors.ts'
import type { Product, ProductPatch } from '../../../domain/products/product.ts'
import { mergeStrings, type WireStrings } from '../invoices/extra.ts'
import type { WireObject } from '../wire/body.ts'
import {
  readBoolean,
  readDecimal,
  readEnum,
  readId,
  readInteger,
  readSmallInteger,
  readText,
} from '../wire/read.ts'
import { datetime, float, int, list, nested, record, str, type WireRecord } from '../wire/tree.ts'

export const ARTICLE_ELEMENTS = [
  'number_pre',
  'number',
  'number_length',
  'title',
  'description',
  'sales_price',
  'sales_price2',
  'sales_price3',
  'sales_price4',
  'sales_price5',
  'currency_code',
  'unit_id',
  'tax_id',
  'purchase_price',
  'purchase_price_net_gross',
  'supplier_id',
  'type',
  'archived',
  'customfield',
]

/** The unit name and tax rate an article's unit_id and tax_id name, looked up by the route. */
export type ArticleRefs = Readonly<{
  unitName?: string | null
  taxRate?: string
  currency: string
  numberPre: string
  numberLength: string
}>

export function articleFromWire(body: WireObject, refs: ArticleRefs, current?: Product): ProductPatch {
  const stored = (current?.extra.billomat ?? {}) as WireStrings
  const number = readInteger(body, 'number')
  if (number !== undefined && number < 1n) throw invalidField('number', 'number must be 1 or more')
  const archived = readBoolean(body, 'archived')
  const extra = mergeStrings(stored, {
    number_pre: readText(body, 'number_pre', 30) ?? (current ? undefined : refs.numberPre),
    number_length:
      readSmallInteger(body, 'number_length', 0, 20)?.toString() ?? (current ? undefined : refs.numberLength),
    number: number?.toString(),
    title: readText(body, 'title', 255),
    sales_price2: readDecimal(body, 'sales_price2'),
    sales_price3: readDecimal(body, 'sales_price3'),
    sales_price4: readDecimal(body, 'sales_price4'),
    sales_price5: readDecimal(body, 'sales_price5'),
    unit_id: readId(body, 'unit_id')?.toString(),
    tax_id: readId(body, 'tax_id')?.toString(),
    purchase_price: readDecimal(body, 'purchase_price'),
    purchase_price_net_gross: readEnum(body, 'purchase_price_net_gross', ['NET', 'GROSS']),
    supplier_id: readId(body, 'supplier_id')?.toString(),
    type: readEnum(body, 'type', ['PRODUCT', 'SERVICE']),
    customfield: readText(body, 'customfield'),
  })
  const salesPrice = readDecimal(body, 'sales_price')
  const currency = readText(body, 'currency_code', 3)?.toUpperCase()
  const price = salesPrice ?? current?.prices[0]?.unitPrice ?? '0'
  const title = readText(body, 'title', 255)
  return {
    ...(title !== undefined || !current ? { name: title || extra.article_number || 'Artikel' } : {}),
    ...(readText(body, 'description') !== undefined
      ? { description: readText(body, 'description') ?? null }
      : {}),
    ...(refs.unitName !== undefined ? { unit: refs.unitName } : {}),
    ...(refs.taxRate !== undefined ? { vatRatePercent: refs.taxRate } : {}),
    ...(archived !== undefined ? { isArchived: archived } : {}),
    ...(salesPrice !== undefined || currency !== undefined || !current
      ? {
          prices: [{ currency: currency ?? current?.prices[0]?.currency ?? refs.currency, unitPrice: price }],
        }
      : {}),
    extra: { billomat: extra },
  }
}

export function articleNumberOf(product: Product): string {
  const extra = (product.extra.billomat ?? {}) as WireStrings
  const number = extra.number ?? String(product.productSeq)
  return (extra.number_pre ?? '') + number.padStart(Number(extra.number_length ?? '0'), '0')
}

export function articleToWire(product: Product): WireRecord {
  const extra = (product.extra.billomat ?? {}) as WireStrings
  const price = product.prices[0]
  return record('article', [
    int('id', product.productSeq),
    datetime('created', product.createdAt),
    datetime('updated', product.updatedAt),
    str('archived', product.isArchived ? '1' : '0'),
    str('article_number', articleNumberOf(product)),
    int('number', extra.number ?? product.productSeq),
    str('number_pre', extra.number_pre),
    int('number_length', extra.number_length ?? '0'),
    str('type', extra.type),
    str('title', extra.title ?? product.name),
    str('description', product.description),
    float('sales_price', price?.unitPrice),
    float('sales_price2', extra.sales_price2),
    float('sales_price3', extra.sales_price3),
    float('sales_price4', extra.sales_price4),
    float('sales_price5', extra.sales_price5),
    str('currency_code', price?.currency),
    int('unit_id', extra.unit_id),
    int('tax_id', extra.tax_id),
    float('purchase_price', extra.purchase_price),
    str('purchase_price_net_gross', extra.purchase_price_net_gross ?? 'NET'),
    int('supplier_id', extra.supplier_id),
    str('revenue_account_number', product.revenueAccountNumber),
    str('cost_center', ''),
    nested(list('article-property-values', 'article-property-value', [])),
    str('customfield', extra.customfield),
  ])
}
