// /articles (§2.3): list with Billomat's filters, get, create, edit and delete. unit_id and tax_id
// name unit and tax records; the unit's name and the tax's rate become the product's own, so
// invoice items taken from the article carry them.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { createProduct } from '../../../core/products/create-product.ts'
import { deleteProduct } from '../../../core/products/delete-product.ts'
import { searchProducts } from '../../../core/products/search-products.ts'
import { updateProduct } from '../../../core/products/update-product.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { RelatedFilter } from '../../../core/queries/related-filters.ts'
import { deleteRecordsOf } from '../../../core/records/delete-records.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import type { Product } from '../../../domain/products/product.ts'
import {
  ARTICLE_ELEMENTS,
  articleFromWire,
  articleNumberOf,
  articleToWire,
} from '../articles/article-wire.ts'
import { pathId, productBySeq } from '../ids.ts'
import { recordData } from '../invoices/lookups.ts'
import { loadSettings } from '../settings.ts'
import type { WireObject } from '../wire/body.ts'
import { orderOf, pagingOf, type Query, queryList, queryValue } from '../wire/query.ts'
import { readId } from '../wire/read.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'
import { propertyFilters } from './property-filters.ts'

const ORDER_FIELDS = {
  id: 'productSeq',
  title: 'name',
  article_number: 'extra.billomat.article_number',
  created: 'createdAt',
  updated: 'updatedAt',
}

function articleSearchOf(query: Query): {
  filters: Filter[]
  related: RelatedFilter[]
  priceCurrencies?: string[]
} {
  const filters: Filter[] = []
  for (const [param, field] of [
    ['article_number', 'extra.billomat.article_number'],
    ['title', 'name'],
    ['description', 'description'],
  ] as const) {
    const value = queryValue(query, param)
    if (value) filters.push({ field, op: 'contains', value, caseInsensitive: true })
  }
  for (const param of ['unit_id', 'supplier_id', 'customfield'] as const) {
    const value = queryValue(query, param)
    if (value) filters.push({ field: `extra.billomat.${param}`, op: 'eq', value })
  }
  const related: RelatedFilter[] = [...propertyFilters(query, 'article-property-value')]
  const tags = queryList(query, 'tags')
  if (tags.length > 0)
    related.push({
      kind: 'record',
      resource: 'article-tag',
      path: ['name'],
      values: tags,
      caseInsensitive: true,
    })
  const currencies = queryList(query, 'currency_code').map((code) => code.toUpperCase())
  return { filters, related, ...(currencies.length > 0 ? { priceCurrencies: currencies } : {}) }
}

async function refsOf(core: CoreContext, t: Tenant, body: WireObject) {
  const unitId = readId(body, 'unit_id')
  const taxId = readId(body, 'tax_id')
  const [settings, organization, unit, tax] = await Promise.all([
    loadSettings(core, t),
    getOrganization(core, t),
    unitId === undefined ? undefined : recordData(core, t, 'unit', unitId, 'unit_id'),
    taxId === undefined ? undefined : recordData(core, t, 'tax', taxId, 'tax_id'),
  ])
  return {
    ...(unit ? { unitName: unit.name ?? null } : {}),
    ...(tax?.rate !== undefined ? { taxRate: tax.rate } : {}),
    currency: settings.currency_code ?? organization.baseCurrency,
    numberPre: settings.article_number_pre ?? '',
    numberLength: settings.article_number_length ?? '0',
  }
}

/** Keeps the composed article_number in `extra`, where the article_number filter finds it. */
async function withArticleNumber(core: CoreContext, t: Tenant, product: Product): Promise<Product> {
  const extra = (product.extra.billomat ?? {}) as Record<string, string>
  const articleNumber = articleNumberOf(product)
  if (extra.article_number === articleNumber) return product
  return updateProduct(core, t, product.productId, {
    extra: { billomat: { ...extra, article_number: articleNumber } },
  })
}

export const articleRoutes: Routes = (app, services) => {
  const core = services.core

  app.get('/articles', async (request, reply) => {
    const query = queryOf(request)
    const paging = pagingOf(query)
    const page = await searchProducts(core, tenant(request), {
      ...articleSearchOf(query),
      orderBy: orderOf(query, ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const wire = list(
      'articles',
      'article',
      page.items.map(articleToWire),
      pagedAttributes(paging.page, paging.perPage, page.totalCount),
    )
    return sendList(request, reply, wire, page.totalCount)
  })

  app.get('/articles/:id', async (request, reply) =>
    sendRecord(
      request,
      reply,
      articleToWire(await productBySeq(core, tenant(request), pathId(request, 'article'))),
    ),
  )

  app.post('/articles', async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, ARTICLE_ELEMENTS)
    const patch = articleFromWire(body, await refsOf(core, t, body))
    const product = await inOneTransaction(core, async (unit) =>
      withArticleNumber(unit, t, await createProduct(unit, t, patch)),
    )
    return sendRecord(request, reply, articleToWire(product), 201)
  })

  app.put('/articles/:id', async (request, reply) => {
    const t = tenant(request)
    const current = await productBySeq(core, t, pathId(request, 'article'))
    const body = bodyOf(request, ARTICLE_ELEMENTS)
    const patch = articleFromWire(body, await refsOf(core, t, body), current)
    const product = await inOneTransaction(core, async (unit) =>
      withArticleNumber(unit, t, await updateProduct(unit, t, current.productId, patch)),
    )
    return sendRecord(request, reply, articleToWire(product))
  })

  app.delete('/articles/:id', async (request, reply) => {
    const t = tenant(request)
    const product = await productBySeq(core, t, pathId(request, 'article'))
    await inOneTransaction(core, async (unit) => {
      await deleteProduct(unit, t, product.productId)
      await deleteRecordsOf(unit, t, product.productId)
    })
    return sendNothing(reply)
  })
}
