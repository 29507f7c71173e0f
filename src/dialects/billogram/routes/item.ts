// /item: list, create (item_no from the product counter unless the client picks one), get,
// update and delete by item_no. A deleted item that invoices still name is archived by the core
// and is gone from this resource all the same.

import type { FastifyInstance } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getOrganizationProfile } from '../../../core/organizations/update-organization.ts'
import { createProduct } from '../../../core/products/create-product.ts'
import { deleteProduct } from '../../../core/products/delete-product.ts'
import { listProducts } from '../../../core/products/list-products.ts'
import { updateProduct } from '../../../core/products/update-product.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { Product } from '../../../domain/products/product.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { BillogramWireError, withWireFields } from '../errors.ts'
import { ok, okList } from '../wire/envelope.ts'
import {
  ITEM_CREATE,
  ITEM_FIELD_NAMES,
  ITEM_LIST,
  ITEM_UPDATE,
  itemFromWire,
  itemToWire,
} from '../wire/item.ts'
import { listSpecOf } from '../wire/list-query.ts'
import { readText } from '../wire/read.ts'
import { checkBody, objectBody } from '../wire/strict-body.ts'

type ByNo = { Params: { item_no: string }; Body: unknown }

const LIVE: Filter = { field: 'isArchived', op: 'eq', value: false }

export async function itemByNo(core: CoreContext, tenant: Tenant, itemNo: string): Promise<Product> {
  const page = await listProducts(core, tenant, {
    filters: [{ field: 'productNo', op: 'eq', value: itemNo }, LIVE],
    limit: 1,
    offset: 0,
  })
  const product = page.items[0]
  if (!product) throw new BillogramWireError('NOT_FOUND', `item ${itemNo} does not exist`, ['item_no'])
  return product
}

async function currencyOf(core: CoreContext, tenant: Tenant): Promise<string> {
  return (await getOrganizationProfile(core, tenant)).baseCurrency
}

export function registerItemRoutes(app: FastifyInstance, core: CoreContext): void {
  app.get<{ Querystring: Record<string, unknown> }>('/item', async (request) => {
    const tenant = tenantOf(request)
    const spec = listSpecOf(request.query, ITEM_LIST)
    const [page, currency] = await Promise.all([
      listProducts(core, tenant, { ...spec, filters: [...(spec.filters ?? []), LIVE] }),
      currencyOf(core, tenant),
    ])
    return okList(
      page.items.map((product) => itemToWire(product, currency)),
      page.totalCount,
    )
  })

  app.post<{ Body: unknown }>('/item', async (request) => {
    const tenant = tenantOf(request)
    const body = objectBody(request.body)
    checkBody(body, ITEM_CREATE)
    const currency = await currencyOf(core, tenant)
    const patch = itemFromWire(body, undefined, currency)
    const itemNo = readText(body, 'item_no', [], 60)
    const product = await withWireFields(ITEM_FIELD_NAMES, () =>
      createProduct(core, tenant, {
        ...patch,
        name: patch.name ?? '',
        ...(itemNo === undefined ? {} : { productNo: itemNo }),
      }),
    )
    return ok(itemToWire(product, currency))
  })

  app.get<ByNo>('/item/:item_no', async (request) => {
    const tenant = tenantOf(request)
    const [product, currency] = await Promise.all([
      itemByNo(core, tenant, request.params.item_no),
      currencyOf(core, tenant),
    ])
    return ok(itemToWire(product, currency))
  })

  app.put<ByNo>('/item/:item_no', async (request) => {
    const tenant = tenantOf(request)
    const [current, currency] = await Promise.all([
      itemByNo(core, tenant, request.params.item_no),
      currencyOf(core, tenant),
    ])
    const body = objectBody(request.body)
    checkBody(body, ITEM_UPDATE, itemToWire(current, currency))
    const product = await withWireFields(ITEM_FIELD_NAMES, () =>
      updateProduct(core, tenant, current.productId, itemFromWire(body, current, currency)),
    )
    return ok(itemToWire(product, currency))
  })

  app.delete<ByNo>('/item/:item_no', async (request) => {
    const tenant = tenantOf(request)
    const [current, currency] = await Promise.all([
      itemByNo(core, tenant, request.params.item_no),
      currencyOf(core, tenant),
    ])
    await deleteProduct(core, tenant, current.productId)
    // PHP needs a non-null data even for DELETE; the deleted object says what went.
    return ok(itemToWire(current, currency))
  })
}
