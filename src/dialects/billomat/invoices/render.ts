// Renders a page of documents with what their wire form refers to (clients, credited invoices),
// fetched once per page rather than once per document.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { searchInvoices } from '../../../core/invoices/search-invoices.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { contactNosOf } from '../ids.ts'
import type { WireRecord } from '../wire/tree.ts'
import { asShown } from './shown.ts'
import { documentToWire } from './to-wire.ts'

export async function renderDocuments(
  core: CoreContext,
  tenant: Tenant,
  publicBaseUrl: string,
  documents: readonly Invoice[],
): Promise<WireRecord[]> {
  const clients = await contactNosOf(
    core,
    tenant,
    documents.map((document) => document.contactId),
  )
  const creditedIds = [...new Set(documents.flatMap((document) => document.creditedInvoiceId ?? []))]
  const credited =
    creditedIds.length === 0
      ? []
      : (
          await searchInvoices(core, tenant, {
            filters: [{ field: 'invoiceId', op: 'in', value: creditedIds }],
            limit: creditedIds.length,
            offset: 0,
          })
        ).items
  const seqs = new Map(credited.map((invoice) => [invoice.invoiceId, invoice.invoiceSeq]))
  return documents.map((document) =>
    documentToWire(asShown(document), {
      client: clients.get(document.contactId),
      publicBaseUrl,
      invoiceSeqOf: (invoiceId) => seqs.get(invoiceId),
    }),
  )
}

export async function renderDocument(
  core: CoreContext,
  tenant: Tenant,
  publicBaseUrl: string,
  document: Invoice,
  /** The document's client, when the caller already has it. */
  client?: Contact,
): Promise<WireRecord> {
  if (client && client.contactId === document.contactId && !document.creditedInvoiceId)
    return documentToWire(asShown(document), { client, publicBaseUrl })
  const [rendered] = await renderDocuments(core, tenant, publicBaseUrl, [document])
  return rendered!
}
