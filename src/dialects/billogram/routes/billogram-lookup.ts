// Finds what a billogram request names: the case behind a billogram id, the customer behind a
// customer_no and the items behind item numbers, each answering NOT_FOUND or INVALID_PARAMETER in
// the vendor's words rather than the core's.

import { type CaseDetails, getCaseByNo } from '../../../core/cases/get-case.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { listProducts } from '../../../core/products/list-products.ts'
import { DomainError } from '../../../domain/errors.ts'
import type { Product } from '../../../domain/products/product.ts'
import { BillogramWireError } from '../errors.ts'
import { caseNoOf } from '../ids.ts'
import type { ItemLookup } from '../wire/billogram-in.ts'
import { readList, readObject, readText, readWhole } from '../wire/read.ts'
import type { JsonObject } from '../wire/strict-body.ts'
import { customerByNo } from './customer.ts'

export async function billogramById(core: CoreContext, tenant: Tenant, id: string): Promise<CaseDetails> {
  const caseNo = caseNoOf(id)
  const missing = () => new BillogramWireError('NOT_FOUND', `billogram ${id} does not exist`, ['id'])
  if (caseNo === undefined) throw missing()
  try {
    return await getCaseByNo(core, tenant, caseNo)
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') throw missing()
    throw error
  }
}

/** The contact a body's customer.customer_no names, or undefined when the body names none. */
export async function customerOfBody(core: CoreContext, tenant: Tenant, body: JsonObject) {
  const customer = readObject(body, 'customer')
  const customerNo = customer && readWhole(customer, 'customer_no', ['customer'])
  if (customerNo === undefined || customerNo === null) return undefined
  try {
    return await customerByNo(core, tenant, String(customerNo))
  } catch (error) {
    if (error instanceof BillogramWireError && error.code === 'NOT_FOUND')
      throw new BillogramWireError('INVALID_PARAMETER', `customer ${customerNo} does not exist`, [
        'customer',
        'customer_no',
      ])
    throw error
  }
}

/** The live items a body's items name by item_no, in one query. */
export async function itemsOfBody(core: CoreContext, tenant: Tenant, body: JsonObject): Promise<ItemLookup> {
  const numbers = (readList(body, 'items') ?? []).flatMap((item, index) => {
    const itemNo = readText(item, 'item_no', ['items', index], 60)
    return itemNo === undefined ? [] : [itemNo]
  })
  if (numbers.length === 0) return new Map()
  const page = await listProducts(core, tenant, {
    filters: [
      { field: 'productNo', op: 'in', value: [...new Set(numbers)] },
      { field: 'isArchived', op: 'eq', value: false },
    ],
    limit: 1000,
    offset: 0,
  })
  return new Map(page.items.map((product: Product) => [product.productNo, product]))
}
