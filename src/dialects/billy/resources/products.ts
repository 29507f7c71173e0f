// /v2/products: the core's products as Billy shows them. `accountId` is the revenue account the
// product's sales post to (the chart's revenue account when unset), `salesTaxRulesetId` carries
// the product's VAT rate and treatment, and `prices` (one per currency) may be saved embedded,
// replacing the product's prices (seed use case "Posting a product with default price(s)").

import { createProduct } from '../../../core/products/create-product.ts'
import { deleteProduct } from '../../../core/products/delete-product.ts'
import { listProducts } from '../../../core/products/list-products.ts'
import { updateProduct } from '../../../core/products/update-product.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Product, ProductPatch } from '../../../domain/products/product.ts'
import type {
  Changes,
  ListQuery,
  RequestContext,
  Resource,
  WireInput,
  WireRecord,
} from '../engine/resource.ts'
import { wireTime } from '../engine/wire-values.ts'
import {
  accountIdOfNumber,
  accountIdOfRole,
  accountOfId,
  billyFieldsOf,
  CREATED_TIME,
  checkOrganization,
  definedOnly,
  flag,
  has,
  ORGANIZATION,
  ref,
  text,
  textPatch,
  withBillyFields,
} from './common.ts'
import { priceId } from './product-prices.ts'
import { rulesetIdOf, taxOfRuleset } from './tax-rates.ts'

export async function productToWire(context: RequestContext, product: Product): Promise<WireRecord> {
  const billy = billyFieldsOf(product.extra)
  return {
    id: product.productId,
    organizationId: context.tenant.organizationId,
    createdTime: wireTime(product.createdAt),
    name: product.name,
    description: product.description,
    accountId:
      (await accountIdOfNumber(context, product.revenueAccountNumber)) ??
      (await accountIdOfRole(context, 'revenue')),
    productNo: product.productNo,
    suppliersProductNo: billy.suppliersProductNo ?? null,
    salesTaxRulesetId: rulesetIdOf(product),
    isArchived: product.isArchived,
  }
}

async function patchOf(context: RequestContext, input: WireInput, current?: Product): Promise<ProductPatch> {
  const accountId = text(input, 'accountId')
  const account = accountId ? await accountOfId(context, accountId, 'accountId') : undefined
  if (account && account.nature !== 'revenue' && account.nature !== 'liability')
    throw invalidField(
      'accountId',
      `account ${account.number} is ${account.nature}; sales post to a revenue account`,
    )
  const rulesetId = text(input, 'salesTaxRulesetId')
  const tax = rulesetId ? taxOfRuleset(rulesetId) : undefined
  const prices = input.children.prices?.map((price) => ({
    currency: String(price.values.currencyId ?? ''),
    unitPrice: String(price.values.unitPrice ?? ''),
  }))
  return {
    ...definedOnly({
      name: has(input, 'name') ? (text(input, 'name') ?? '') : undefined,
      description: textPatch(input, 'description'),
      revenueAccountNumber: accountId === undefined ? undefined : (account?.number ?? null),
      vatRatePercent: tax?.vatRatePercent,
      taxTreatment: tax?.taxTreatment,
      isArchived: flag(input, 'isArchived'),
      prices,
    }),
    extra: withBillyFields(current?.extra ?? {}, { suppliersProductNo: input.values.suppliersProductNo }),
  }
}

function priceChanges(product: Product, before: Product | undefined, input: WireInput): Changes {
  const clientIds = new Map(
    (input.children.prices ?? []).map((price) => [price.values.currencyId, price.clientId]),
  )
  const kept = new Set(product.prices.map((price) => price.currency))
  return {
    changed: product.prices.map((price) =>
      ref('productPrice', priceId(product.productId, price.currency), clientIds.get(price.currency)),
    ),
    deleted: (before?.prices ?? [])
      .filter((price) => !kept.has(price.currency))
      .map((price) => ref('productPrice', priceId(product.productId, price.currency))),
  }
}

async function saveProduct(context: RequestContext, input: WireInput, current?: Product): Promise<Changes> {
  checkOrganization(context, input)
  const patch = await patchOf(context, input, current)
  const productNo = text(input, 'productNo')
  // A bad price is refused by the core as `prices.<n>.<field>`, which keys it by the price's _clientId.
  const product = current
    ? await updateProduct(context.core, context.tenant, current.productId, patch)
    : await createProduct(context.core, context.tenant, { ...patch, ...(productNo ? { productNo } : {}) })
  const prices = input.children.prices ? priceChanges(product, current, input) : { changed: [], deleted: [] }
  return {
    changed: [ref('product', product.productId, input.clientId), ...prices.changed],
    deleted: prices.deleted,
  }
}

export async function loadProducts(context: RequestContext, ids: readonly string[]): Promise<Product[]> {
  if (ids.length === 0) return []
  const page = await listProducts(context.core, context.tenant, {
    filters: [{ field: 'productId', op: 'in', value: ids }],
    limit: Math.min(ids.length, 1000),
    offset: 0,
  })
  for (const product of page.items) context.cache.set(`product:domain:${product.productId}`, product)
  return [...page.items]
}

const SORT_FIELDS: Readonly<Record<string, string>> = {
  name: 'name',
  productNo: 'productNo',
  createdTime: 'createdAt',
}

function filtersOf(query: ListQuery): Filter[] {
  const filters: Filter[] = []
  if (query.filters.productNo) filters.push({ field: 'productNo', op: 'in', value: query.filters.productNo })
  if (query.filters.isArchived)
    filters.push({ field: 'isArchived', op: 'eq', value: query.filters.isArchived[0] === 'true' })
  return filters
}

export const products: Resource = {
  def: {
    singular: 'product',
    plural: 'products',
    properties: {
      organizationId: ORGANIZATION,
      createdTime: CREATED_TIME,
      name: { type: 'string', required: true },
      description: { type: 'string' },
      accountId: {
        type: 'id',
        resource: 'account',
        description: 'Revenue account; the chart’s sales account when unset.',
      },
      productNo: { type: 'string', access: 'immutable' },
      suppliersProductNo: { type: 'string' },
      salesTaxRulesetId: { type: 'id', resource: 'salesTaxRuleset' },
      isArchived: { type: 'boolean' },
    },
    hasMany: { prices: { resource: 'productPrice', inverse: 'productId', save: 'replace' } },
    operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
    filters: { productNo: { type: 'string' }, isArchived: { type: 'boolean' } },
    sortable: Object.keys(SORT_FIELDS),
    defaultSort: 'name',
    search: true,
  },
  store: {
    fieldNames: {
      revenueAccountNumber: 'accountId',
      vatRatePercent: 'salesTaxRulesetId',
      taxTreatment: 'salesTaxRulesetId',
      currency: 'currencyId',
    },
    async load(context, ids) {
      return Promise.all((await loadProducts(context, ids)).map((product) => productToWire(context, product)))
    },
    async list(context, query) {
      const q = query.q
      const page = await listProducts(context.core, context.tenant, {
        filters: filtersOf(query),
        ...(q
          ? {
              anyOf: ['name', 'productNo', 'description'].map((field) => [
                { field, op: 'contains' as const, value: q, caseInsensitive: true },
              ]),
            }
          : {}),
        orderBy: query.sort
          ? [{ field: SORT_FIELDS[query.sort.property] ?? 'name', direction: query.sort.direction }]
          : [],
        limit: query.limit,
        offset: query.offset,
      })
      for (const product of page.items) context.cache.set(`product:domain:${product.productId}`, product)
      return {
        records: await Promise.all(page.items.map((product) => productToWire(context, product))),
        total: page.totalCount,
      }
    },
    create: (context, input) => saveProduct(context, input),
    async update(context, id, input) {
      const [current] = await loadProducts(context, [id])
      return saveProduct(context, input, current)
    },
    async delete(context, id) {
      const [current] = await loadProducts(context, [id])
      if (!current) return { changed: [], deleted: [] }
      const result = await deleteProduct(context.core, context.tenant, id)
      const priceRefs = current.prices.map((price) => ref('productPrice', priceId(id, price.currency)))
      return result.archived
        ? { changed: [ref('product', id)], deleted: [] }
        : { changed: [], deleted: [ref('product', id), ...priceRefs] }
    },
  },
}
