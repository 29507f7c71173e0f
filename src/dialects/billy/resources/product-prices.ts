// /v2/productPrices: a product's default unit price in one currency. The core keeps one price per
// product and currency, so a price's id is the product's id and the currency (`<productId>-DKK`),
// and its currency is fixed once it exists. Writing one rewrites the product's price list.

import { listProducts } from '../../../core/products/list-products.ts'
import { updateProduct } from '../../../core/products/update-product.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { DomainError, invalidField } from '../../../domain/errors.ts'
import type { Product } from '../../../domain/products/product.ts'
import type { Changes, RequestContext, Resource, WireRecord } from '../engine/resource.ts'
import { listInMemory } from '../engine/static-store.ts'
import { decimalNumber } from '../engine/wire-values.ts'
import { ref, text } from './common.ts'

export function priceId(productId: string, currency: string): string {
  return `${productId}-${currency}`
}

function parsePriceId(id: string): { productId: string; currency: string } | undefined {
  const match = /^(.+)-([A-Z]{3})$/.exec(id)
  return match ? { productId: match[1] ?? '', currency: match[2] ?? '' } : undefined
}

export function productPriceToWire(product: Product, price: Product['prices'][number]): WireRecord {
  return {
    id: priceId(product.productId, price.currency),
    productId: product.productId,
    unitPrice: decimalNumber(price.unitPrice),
    currencyId: price.currency,
  }
}

async function productsByIds(context: RequestContext, productIds: readonly string[]): Promise<Product[]> {
  const wanted = [...new Set(productIds)]
  const cached = wanted.flatMap((id) => {
    const product = context.cache.get(`product:domain:${id}`) as Product | undefined
    return product ? [product] : []
  })
  const missing = wanted.filter((id) => !context.cache.has(`product:domain:${id}`))
  if (missing.length === 0) return cached
  const page = await listProducts(context.core, context.tenant, {
    filters: [{ field: 'productId', op: 'in', value: missing } satisfies Filter],
    limit: Math.min(missing.length, 1000),
    offset: 0,
  })
  return [...cached, ...page.items]
}

function pricesOf(products: readonly Product[]): WireRecord[] {
  return products.flatMap((product) => product.prices.map((price) => productPriceToWire(product, price)))
}

async function productOf(context: RequestContext, productId: string): Promise<Product> {
  const [product] = await productsByIds(context, [productId])
  if (!product) throw invalidField('productId', `product ${productId} does not exist`)
  return product
}

async function writePrices(
  context: RequestContext,
  product: Product,
  prices: Product['prices'],
): Promise<void> {
  await updateProduct(context.core, context.tenant, product.productId, { prices })
}

export const productPrices: Resource = {
  def: {
    singular: 'productPrice',
    plural: 'productPrices',
    properties: {
      productId: { type: 'id', resource: 'product', access: 'immutable', required: true },
      unitPrice: { type: 'float', required: true },
      currencyId: { type: 'id', resource: 'currency', access: 'immutable', required: true },
    },
    operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
    filters: { productId: { type: 'string' }, currencyId: { type: 'string' } },
  },
  store: {
    fieldNames: {
      currency: 'currencyId',
      'prices.*.currency': 'currencyId',
      'prices.*.unitPrice': 'unitPrice',
    },
    async load(context, ids) {
      const parsed = ids.flatMap((id) => parsePriceId(id) ?? [])
      const prices = pricesOf(
        await productsByIds(
          context,
          parsed.map((item) => item.productId),
        ),
      )
      const wanted = new Set(ids)
      return prices.filter((price) => wanted.has(price.id))
    },
    async byParent(context, _inverse, productIds) {
      return pricesOf(await productsByIds(context, productIds))
    },
    async list(context, query) {
      const productIds = query.filters.productId
      if (!productIds)
        throw invalidField('productId', 'product prices are listed per product: give productId')
      const prices = pricesOf(await productsByIds(context, productIds))
      // The prices carry their productId, so the query's own filter keeps exactly these.
      return listInMemory(prices, query, [])
    },
    async create(context, input): Promise<Changes> {
      const product = await productOf(context, text(input, 'productId') ?? '')
      const currency = text(input, 'currencyId') ?? ''
      if (product.prices.some((price) => price.currency === currency))
        throw new DomainError('conflict', `the product already has a price in ${currency}`, {
          field: 'currencyId',
        })
      await writePrices(context, product, [
        ...product.prices,
        { currency, unitPrice: String(input.values.unitPrice) },
      ])
      return {
        changed: [ref('productPrice', priceId(product.productId, currency), input.clientId)],
        deleted: [],
      }
    },
    async update(context, id, input): Promise<Changes> {
      const { productId = '', currency = '' } = parsePriceId(id) ?? {}
      const product = await productOf(context, productId)
      const unitPrice = input.values.unitPrice
      const prices = product.prices.map((price) =>
        price.currency === currency && unitPrice !== undefined
          ? { currency, unitPrice: String(unitPrice) }
          : price,
      )
      await writePrices(context, product, prices)
      return { changed: [ref('productPrice', id, input.clientId)], deleted: [] }
    },
    async delete(context, id): Promise<Changes> {
      const parsed = parsePriceId(id)
      const [product] = parsed ? await productsByIds(context, [parsed.productId]) : []
      if (!product || !parsed || !product.prices.some((price) => price.currency === parsed.currency))
        return { changed: [], deleted: [] }
      await writePrices(
        context,
        product,
        product.prices.filter((price) => price.currency !== parsed.currency),
      )
      return { changed: [], deleted: [ref('productPrice', id)] }
    },
  },
}
