// An offer, confirmation, delivery note or letter as Billomat answers it (appendix: angebote,
// auftragsbestaetigungen, lieferscheine, briefe; field order as the vendor's examples). The
// totals and taxes are the invoice's own renderers; items are not embedded, as with invoices.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import type { SalesDocument } from '../../../domain/sales/sales-document.ts'
import { contactNosOf } from '../ids.ts'
import { docExtraOf } from '../invoices/extra.ts'
import { clientAddress, numberParts, taxesToWire, totalsToWire } from '../invoices/to-wire.ts'
import { date, datetime, int, record, str, type WireField, type WireRecord } from '../wire/tree.ts'
import { type SalesKind, statusOfSales } from './kinds.ts'

/** The recipient's page (`/d/<token>`), Billomat's customer portal link for the document. */
function portalUrl(document: SalesDocument, publicBaseUrl: string): WireField {
  return str('customerportal_url', document.pageToken ? `${publicBaseUrl}/d/${document.pageToken}` : '')
}

function references(
  kind: SalesKind,
  document: SalesDocument,
  extra: Readonly<Record<string, string>>,
  publicBaseUrl: string,
): WireField[] {
  switch (kind.kind) {
    case 'offer':
      return [int('validity_days', extra.validity_days), portalUrl(document, publicBaseUrl)]
    case 'confirmation':
      return [portalUrl(document, publicBaseUrl), int('offer_id', extra.offer_id)]
    case 'delivery_note':
      return [
        portalUrl(document, publicBaseUrl),
        int('offer_id', extra.offer_id),
        int('confirmation_id', extra.confirmation_id),
        int('invoice_id', extra.invoice_id),
      ]
    case 'letter':
      return []
  }
}

function letterToWire(kind: SalesKind, document: SalesDocument, client: Contact | undefined): WireRecord {
  const extra = docExtraOf(document)
  return record('letter', [
    int('id', document.documentSeq),
    datetime('created', document.createdAt),
    datetime('updated', document.updatedAt),
    int('client_id', client?.contactNo),
    int('contact_id', extra.contact_id),
    int('supplier_id', extra.supplier_id),
    str('address', extra.address ?? clientAddress(client)),
    date('date', document.documentDate),
    str('subject', extra.subject),
    str('label', extra.label),
    str('intro', extra.intro),
    str('status', statusOfSales(kind, document.state)),
    int('free_text_id', extra.free_text_id),
    int('template_id', extra.template_id),
    str('customfield', extra.customfield),
  ])
}

export function salesDocumentToWire(
  kind: SalesKind,
  document: SalesDocument,
  client: Contact | undefined,
  publicBaseUrl: string,
): WireRecord {
  if (kind.kind === 'letter') return letterToWire(kind, document, client)
  const extra = docExtraOf(document)
  const parts = numberParts(document, extra)
  return record(kind.element, [
    int('id', document.documentSeq),
    datetime('created', document.createdAt),
    datetime('updated', document.updatedAt),
    int('client_id', client?.contactNo),
    int('contact_id', extra.contact_id),
    str(kind.numberField ?? 'number', parts.full),
    int('number', parts.number),
    str('number_pre', parts.pre),
    int('number_length', parts.length),
    str('status', statusOfSales(kind, document.state)),
    date('date', document.documentDate),
    str('address', extra.address ?? clientAddress(client)),
    str('title', extra.title),
    str('label', extra.label),
    str('intro', extra.intro),
    str('note', extra.note ?? document.notes),
    ...(kind.showsTotals ? [...totalsToWire(document), taxesToWire(document)] : []),
    ...(kind.kind === 'offer' ? [date('validity_date', document.validUntil)] : []),
    ...references(kind, document, extra, publicBaseUrl),
    int('free_text_id', extra.free_text_id),
    int('template_id', extra.template_id),
    str('customfield', extra.customfield),
  ])
}

/** Renders a page of documents with their clients, fetched once per page. */
export async function renderSalesDocuments(
  core: CoreContext,
  tenant: Tenant,
  kind: SalesKind,
  documents: readonly SalesDocument[],
  publicBaseUrl: string,
): Promise<WireRecord[]> {
  const clients = await contactNosOf(
    core,
    tenant,
    documents.flatMap((document) => document.contactId ?? []),
  )
  return documents.map((document) =>
    salesDocumentToWire(
      kind,
      document,
      document.contactId ? clients.get(document.contactId) : undefined,
      publicBaseUrl,
    ),
  )
}

export async function renderSalesDocument(
  core: CoreContext,
  tenant: Tenant,
  kind: SalesKind,
  document: SalesDocument,
  publicBaseUrl: string,
): Promise<WireRecord> {
  const [rendered] = await renderSalesDocuments(core, tenant, kind, [document], publicBaseUrl)
  return rendered!
}
