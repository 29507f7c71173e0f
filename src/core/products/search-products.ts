// Lists products by the shared list spec plus fields of `extra` (written `extra.<key>…`), their
// price currencies and related rows (a tag), for vendors that filter articles by those.

import { sql } from 'kysely'
import type { Product } from '../../domain/products/product.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { withJsonFields } from '../queries/json-field.ts'
import {
  applyFilters,
  applyOrder,
  checkPage,
  type ListSpec,
  type Page,
  totalOf,
} from '../queries/list-spec.ts'
import { type RelatedFilter, relatedCondition } from '../queries/related-filters.ts'
import { PRODUCT_FIELDS } from './list-products.ts'
import { loadProduct } from './product-record.ts'

export type ProductSearch = ListSpec &
  Readonly<{ related?: readonly RelatedFilter[]; priceCurrencies?: readonly string[] }>

export async function searchProducts(
  context: CoreContext,
  tenant: Tenant,
  search: ProductSearch,
): Promise<Page<Product>> {
  checkPage(search)
  const engine = context.storage.engine
  const org = tenant.organizationId
  const fields = withJsonFields(PRODUCT_FIELDS, engine, 'extra', 'products.extra', search)
  let base = context.storage.db.selectFrom('products').where('products.organization_id', '=', org)
  for (const filter of search.related ?? [])
    base = base.where(relatedCondition(engine, 'products', 'products.product_id', filter))
  if (search.priceCurrencies)
    base = base.where(
      sql<boolean>`exists (select 1 from product_prices pp where pp.organization_id = products.organization_id
        and pp.product_id = products.product_id and pp.currency in (${sql.join([...search.priceCurrencies, ''])}))`,
    )
  const filtered = applyFilters(base, fields, search)
  const rows = await applyOrder(
    filtered.select('products.product_id'),
    fields,
    search.orderBy ?? [],
    'products.product_seq',
  )
    .limit(search.limit)
    .offset(search.offset)
    .execute()
  const totalCount = await totalOf(search, rows.length, async () => {
    const row = await filtered.select(sql<bigint>`count(*)`.as('count')).executeTakeFirstOrThrow()
    return row.count
  })
  const items = await Promise.all(rows.map((row) => loadProduct(context.storage.db, org, row.product_id)))
  return { items: items.flatMap((item) => item ?? []), totalCount }
}
