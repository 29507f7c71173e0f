// Billomat's ids are whole numbers (§1.1). They are the core's per-organization numbers: a client
// is a contact's contact_no, an article a product's product_seq, an invoice or credit note its
// invoice_seq, a payment its payment_seq; an invoice item is its document's seq times ITEM_SPAN
// plus the item's own number within the document, so an item id finds its document directly.

import type { FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../core/context.ts'
import { listProducts } from '../../core/products/list-products.ts'
import {
  findContactByNo,
  findContactsByIds,
  findInvoiceBySeq,
  findProductBySeq,
} from '../../core/queries/find-by-number.ts'
import type { Contact } from '../../domain/contacts/contact.ts'
import { invalidField, notFound } from '../../domain/errors.ts'
import type { Invoice, InvoiceKind } from '../../domain/invoicing/invoice.ts'
import type { Product } from '../../domain/products/product.ts'

/** Items per document over its lifetime; item numbers are never reused within a document. */
export const ITEM_SPAN = 10_000n

const ID = /^\d{1,15}$/

/** The `{id}` of the path; anything but a whole number is simply not found, as with Billomat. */
export function pathId(request: FastifyRequest, what: string): bigint {
  const id = (request.params as { id?: string }).id ?? ''
  if (!ID.test(id)) throw notFound(what, id)
  return BigInt(id)
}

export function itemIdOf(invoiceSeq: bigint, itemNo: number): bigint {
  return invoiceSeq * ITEM_SPAN + BigInt(itemNo)
}

export function splitItemId(itemId: bigint): { invoiceSeq: bigint; itemNo: number } {
  return { invoiceSeq: itemId / ITEM_SPAN, itemNo: Number(itemId % ITEM_SPAN) }
}

export async function invoiceBySeq(
  core: CoreContext,
  tenant: Tenant,
  seq: bigint,
  kind: InvoiceKind,
  field?: string,
): Promise<Invoice> {
  const invoice = await findInvoiceBySeq(core, tenant, seq, kind)
  const what = kind === 'invoice' ? 'invoice' : 'credit-note'
  if (!invoice)
    throw field ? invalidField(field, `${what} ${seq} does not exist`) : notFound(what, String(seq))
  return invoice
}

export async function contactByNo(
  core: CoreContext,
  tenant: Tenant,
  no: bigint,
  field?: string,
): Promise<Contact> {
  const contact = await findContactByNo(core, tenant, no)
  if (!contact)
    throw field ? invalidField(field, `client ${no} does not exist`) : notFound('client', String(no))
  return contact
}

/** contact_no of each contact id, in one query per page of invoices. */
export async function contactNosOf(
  core: CoreContext,
  tenant: Tenant,
  contactIds: readonly string[],
): Promise<Map<string, Contact>> {
  const contacts = await findContactsByIds(core, tenant, contactIds)
  return new Map(contacts.map((contact) => [contact.contactId, contact]))
}

export async function productBySeq(
  core: CoreContext,
  tenant: Tenant,
  seq: bigint,
  field?: string,
): Promise<Product> {
  const product = await findProductBySeq(core, tenant, seq)
  if (!product)
    throw field ? invalidField(field, `article ${seq} does not exist`) : notFound('article', String(seq))
  return product
}

export async function productsByIds(
  core: CoreContext,
  tenant: Tenant,
  productIds: readonly string[],
): Promise<Map<string, Product>> {
  const unique = [...new Set(productIds)]
  if (unique.length === 0) return new Map()
  const page = await listProducts(core, tenant, {
    filters: [{ field: 'productId', op: 'in', value: unique }],
    limit: unique.length,
    offset: 0,
  })
  return new Map(page.items.map((product) => [product.productId, product]))
}
