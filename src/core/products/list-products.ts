// Lists a page of the tenant's products by the shared list spec, with the total count for paging.

import type { Product } from '../../domain/products/product.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'
import { productFromRow } from './product-record.ts'

export const PRODUCT_FIELDS: FieldMap = {
  productId: 'products.product_id',
  productSeq: 'products.product_seq',
  productNo: 'products.product_no',
  name: 'products.name',
  description: 'products.description',
  unit: 'products.unit',
  vatRatePercent: 'products.vat_rate_percent',
  isArchived: 'products.is_archived',
  createdAt: 'products.created_at',
  updatedAt: 'products.updated_at',
}

export async function listProducts(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<Product>> {
  const org = tenant.organizationId
  const base = context.storage.db.selectFrom('products').where('products.organization_id', '=', org)
  const { rows, totalCount } = await fetchPage(base, PRODUCT_FIELDS, spec, 'products.product_seq', (query) =>
    query.selectAll(),
  )
  const ids = rows.map((row) => row.product_id)
  const prices =
    ids.length === 0
      ? []
      : await context.storage.db
          .selectFrom('product_prices')
          .select(['product_id', 'currency', 'unit_price'])
          .where('organization_id', '=', org)
          .where('product_id', 'in', ids)
          .orderBy('currency')
          .execute()
  return {
    items: rows.map((row) =>
      productFromRow(
        row,
        prices.filter((price) => price.product_id === row.product_id),
      ),
    ),
    totalCount,
  }
}
