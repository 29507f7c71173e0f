// Updates a product; absent fields keep their value, a given price list replaces the old one.

import { notFound } from '../../domain/errors.ts'
import { applyProductPatch, type Product, type ProductPatch } from '../../domain/products/product.ts'
import { forUpdate } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { loadProduct, productColumns, writePrices } from './product-record.ts'

export async function updateProduct(
  context: CoreContext,
  tenant: Tenant,
  productId: string,
  patch: ProductPatch,
): Promise<Product> {
  return context.storage.db.transaction().execute(async (tx) => {
    const locked = await forUpdate(
      context.storage,
      tx
        .selectFrom('products')
        .select('product_id')
        .where('organization_id', '=', tenant.organizationId)
        .where('product_id', '=', productId),
    ).executeTakeFirst()
    const current = locked ? await loadProduct(tx, tenant.organizationId, productId) : undefined
    if (!current) throw notFound('product', productId)
    const fields = applyProductPatch(current, patch)
    await tx
      .updateTable('products')
      .set({ ...productColumns(fields), updated_at: nowIso(context) })
      .where('organization_id', '=', tenant.organizationId)
      .where('product_id', '=', productId)
      .execute()
    if (patch.prices !== undefined) await writePrices(tx, tenant.organizationId, productId, fields)
    return (await loadProduct(tx, tenant.organizationId, productId)) ?? current
  })
}
