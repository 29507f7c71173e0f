// Finds one row by the whole number vendors use as its id (an invoice's invoice_seq, a contact's
// contact_no, a product's product_seq): one indexed read each, for the by-id requests that make
// up most of a dialect's traffic, without the count a page query carries.

import type { Contact } from '../../domain/contacts/contact.ts'
import type { Invoice, InvoiceKind } from '../../domain/invoicing/invoice.ts'
import type { Product } from '../../domain/products/product.ts'
import { contactFromRow } from '../contacts/contact-record.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { loadInvoice } from '../invoices/invoice-record.ts'
import { loadProduct } from '../products/product-record.ts'

export async function findInvoiceBySeq(
  context: CoreContext,
  tenant: Tenant,
  invoiceSeq: bigint,
  kind?: InvoiceKind,
): Promise<Invoice | undefined> {
  let query = context.storage.db
    .selectFrom('invoices')
    .select('invoice_id')
    .where('organization_id', '=', tenant.organizationId)
    .where('invoice_seq', '=', invoiceSeq)
    .where('state', '!=', 'deleted')
  if (kind) query = query.where('kind', '=', kind)
  const row = await query.executeTakeFirst()
  return row ? loadInvoice(context.storage.db, tenant.organizationId, row.invoice_id) : undefined
}

export async function findContactByNo(
  context: CoreContext,
  tenant: Tenant,
  contactNo: bigint,
): Promise<Contact | undefined> {
  const row = await context.storage.db
    .selectFrom('contacts')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('contact_no', '=', contactNo)
    .executeTakeFirst()
  return row ? contactFromRow(row) : undefined
}

export async function findProductBySeq(
  context: CoreContext,
  tenant: Tenant,
  productSeq: bigint,
): Promise<Product | undefined> {
  const row = await context.storage.db
    .selectFrom('products')
    .select('product_id')
    .where('organization_id', '=', tenant.organizationId)
    .where('product_seq', '=', productSeq)
    .executeTakeFirst()
  return row ? loadProduct(context.storage.db, tenant.organizationId, row.product_id) : undefined
}

/** Contacts by id, in one read: what a page of documents names. */
export async function findContactsByIds(
  context: CoreContext,
  tenant: Tenant,
  contactIds: readonly string[],
): Promise<Contact[]> {
  if (contactIds.length === 0) return []
  const rows = await context.storage.db
    .selectFrom('contacts')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('contact_id', 'in', [...new Set(contactIds)])
    .execute()
  return rows.map(contactFromRow)
}

export type InvoiceHead = Pick<
  Invoice,
  'invoiceId' | 'invoiceSeq' | 'kind' | 'state' | 'seriesKey' | 'notes' | 'extra'
>

/** The few facts of an invoice an action decides from, in one read, without its lines. */
export async function findInvoiceHeadBySeq(
  context: CoreContext,
  tenant: Tenant,
  invoiceSeq: bigint,
  kind: InvoiceKind,
): Promise<InvoiceHead | undefined> {
  const row = await context.storage.db
    .selectFrom('invoices')
    .select(['invoice_id', 'invoice_seq', 'kind', 'state', 'series_key', 'notes', 'extra'])
    .where('organization_id', '=', tenant.organizationId)
    .where('invoice_seq', '=', invoiceSeq)
    .where('kind', '=', kind)
    .where('state', '!=', 'deleted')
    .executeTakeFirst()
  if (!row) return undefined
  return {
    invoiceId: row.invoice_id,
    invoiceSeq: row.invoice_seq,
    kind: row.kind === 'credit_note' ? 'credit_note' : 'invoice',
    state: row.state as Invoice['state'],
    seriesKey: row.series_key,
    notes: row.notes,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
  }
}
