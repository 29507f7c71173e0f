// Maps product rows (and their price rows) to the domain's Product; the one place that knows the columns.

import type { Product, ProductFields } from '../../domain/products/product.ts'
import type { Executor } from '../../storage/database.ts'
import type { ProductsTable } from '../../storage/schema.ts'

export function productFromRow(
  row: ProductsTable,
  prices: readonly { currency: string; unit_price: string }[],
): Product {
  return {
    productId: row.product_id,
    productSeq: row.product_seq,
    productNo: row.product_no,
    name: row.name,
    description: row.description,
    unit: row.unit,
    vatRatePercent: row.vat_rate_percent,
    taxTreatment: row.tax_treatment as Product['taxTreatment'],
    priceBasis: row.price_basis === 'gross' ? 'gross' : 'net',
    revenueAccountNumber: row.revenue_account_number,
    isArchived: row.is_archived,
    prices: prices.map((price) => ({ currency: price.currency, unitPrice: price.unit_price })),
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function productColumns(fields: ProductFields) {
  return {
    name: fields.name,
    description: fields.description,
    unit: fields.unit,
    vat_rate_percent: fields.vatRatePercent,
    tax_treatment: fields.taxTreatment,
    price_basis: fields.priceBasis,
    revenue_account_number: fields.revenueAccountNumber,
    is_archived: fields.isArchived,
    extra: JSON.stringify(fields.extra),
  }
}

/** Replaces the product's prices with the given set. */
export async function writePrices(
  tx: Executor,
  organizationId: string,
  productId: string,
  fields: ProductFields,
): Promise<void> {
  await tx
    .deleteFrom('product_prices')
    .where('organization_id', '=', organizationId)
    .where('product_id', '=', productId)
    .execute()
  if (fields.prices.length === 0) return
  await tx
    .insertInto('product_prices')
    .values(
      fields.prices.map((price) => ({
        organization_id: organizationId,
        product_id: productId,
        currency: price.currency,
        unit_price: price.unitPrice,
      })),
    )
    .execute()
}

export async function loadProduct(
  db: Executor,
  organizationId: string,
  productId: string,
): Promise<Product | undefined> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('product_id', '=', productId)
    .executeTakeFirst()
  if (!row) return undefined
  const prices = await db
    .selectFrom('product_prices')
    .select(['currency', 'unit_price'])
    .where('organization_id', '=', organizationId)
    .where('product_id', '=', productId)
    .orderBy('currency')
    .execute()
  return productFromRow(row, prices)
}
