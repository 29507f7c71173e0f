// Builds the document view of a sales document (an offer, a confirmation, a delivery note or a
// letter): the same lines, tax breakdown and totals as an invoice's view, its own title and date
// rows, its opening text, and no payment block (it claims nothing). Pure, like invoiceViewOf.

import type { Recipient } from '../domain/invoicing/invoice.ts'
import type { SalesDocument } from '../domain/sales/sales-document.ts'
import type { InvoiceDocumentView, SalesViewKind } from './invoice-document-view.ts'
import {
  documentLocaleOf,
  pricedViewOf,
  recipientViewOf,
  type SenderOrganization,
  senderViewOf,
} from './invoice-view-of.ts'
import { LABELS } from './labels.ts'

const VIEW_KIND: Readonly<Record<SalesDocument['kind'], SalesViewKind>> = {
  offer: 'offer',
  confirmation: 'confirmation',
  delivery_note: 'delivery-note',
  letter: 'letter',
}

export function salesViewOf(
  document: SalesDocument,
  sender: SenderOrganization,
  recipient: Recipient,
  introText?: string,
): InvoiceDocumentView<SalesViewKind> {
  const issuedOn = document.documentDate ?? document.createdAt.slice(0, 10)
  const locale = documentLocaleOf(document.locale)
  const priced = pricedViewOf(document)
  // An optional line is printed with its price and said to be outside the totals below it.
  const lines = priced.lines.map((line, index) =>
    document.lines[index]?.optional
      ? { ...line, description: `${line.description} (${LABELS[locale].optionalLine})` }
      : line,
  )
  return {
    kind: VIEW_KIND[document.kind],
    locale,
    sender: senderViewOf(sender),
    recipient: recipientViewOf(recipient, sender.country),
    number: document.number ?? '',
    issuedOn,
    dueOn: issuedOn,
    ...(document.validUntil ? { validUntil: document.validUntil } : {}),
    references: {},
    ...priced,
    lines,
    payment: { dueAmountMinor: 0n },
    ...(introText ? { introText } : {}),
  }
}
