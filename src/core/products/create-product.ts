// Creates a product with the organization's next product number unless the caller names one;
// a product number is unique per organization.

import { DomainError, invalidField } from '../../domain/errors.ts'
import {
  applyProductPatch,
  EMPTY_PRODUCT,
  type Product,
  type ProductPatch,
} from '../../domain/products/product.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { loadProduct, productColumns, writePrices } from './product-record.ts'

export type CreateProductInput = ProductPatch & Readonly<{ productNo?: string }>

export async function createProduct(
  context: CoreContext,
  tenant: Tenant,
  input: CreateProductInput,
): Promise<Product> {
  const { productNo: requestedNo, ...patch } = input
  const fields = applyProductPatch(EMPTY_PRODUCT, patch)
  if (requestedNo !== undefined && (requestedNo.trim() === '' || requestedNo.length > 60)) {
    throw invalidField('productNo', 'product number must be 1 to 60 characters')
  }
  const productId = newId()
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const taken = (productNo: string) =>
      tx
        .selectFrom('products')
        .select('product_id')
        .where('organization_id', '=', tenant.organizationId)
        .where('product_no', '=', productNo)
        .executeTakeFirst()
    let productSeq = await takeCounter(context.storage, tx, tenant.organizationId, 'product')
    let productNo = requestedNo?.trim()
    if (productNo !== undefined && (await taken(productNo))) {
      throw new DomainError('conflict', `product number ${productNo} is already used`, { field: 'productNo' })
    }
    // An automatic product number is the product's id, unless a caller took that number by hand.
    while (productNo === undefined && (await taken(String(productSeq)))) {
      productSeq = await takeCounter(context.storage, tx, tenant.organizationId, 'product')
    }
    productNo ??= String(productSeq)
    await tx
      .insertInto('products')
      .values({
        organization_id: tenant.organizationId,
        product_id: productId,
        product_seq: productSeq,
        product_no: productNo,
        ...productColumns(fields),
        created_at: now,
        updated_at: now,
      })
      .execute()
    await writePrices(tx, tenant.organizationId, productId, fields)
    const product = await loadProduct(tx, tenant.organizationId, productId)
    if (!product) throw new Error('product vanished inside its own transaction')
    return product
  })
}
