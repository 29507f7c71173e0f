// Reads what an invoice delivery renders from, at the moment of delivery: the invoice as it now
// stands, its document view (the same one the recipient page and the PDF are built from) and its
// sender. main.ts and the tests share this one implementation, so what the tests deliver is what
// the server delivers.

import { loadCaseView } from '../../core/cases/case-record.ts'
import type { CoreContext } from '../../core/context.ts'
import { loadInvoice } from '../../core/invoices/invoice-record.ts'
import type { InvoiceDocumentView, InvoiceViewKind } from '../../documents/invoice-document-view.ts'
import { invoiceViewOf, type SenderOrganization } from '../../documents/invoice-view-of.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'

export type InvoiceDocument = Readonly<{
  invoice: Invoice
  view: InvoiceDocumentView<InvoiceViewKind>
  sender: SenderOrganization
}>

/** Undefined when the invoice does not exist (any more) in that organization. */
export type LoadInvoiceDocument = (
  organizationId: string,
  invoiceId: string,
) => Promise<InvoiceDocument | undefined>

export async function loadInvoiceDocument(
  context: CoreContext,
  organizationId: string,
  invoiceId: string,
): Promise<InvoiceDocument | undefined> {
  const db = context.storage.db
  const found = await loadInvoice(db, organizationId, invoiceId)
  if (!found) return undefined
  // The case holds the organization and, for a credit note, the invoice it credits.
  const caseView = await loadCaseView(db, organizationId, found.caseId)
  if (!caseView) return undefined
  const invoice = caseView.invoices.find((each) => each.invoiceId === invoiceId) ?? found
  const sender: SenderOrganization = {
    name: caseView.organization.name,
    country: caseView.organization.country,
    settings: caseView.organization.settings,
  }
  const creditedId = invoice.creditedInvoiceId
  const credited = creditedId
    ? (caseView.invoices.find((each) => each.invoiceId === creditedId) ??
      (await loadInvoice(db, organizationId, creditedId)))
    : undefined
  return { invoice, view: invoiceViewOf(invoice, sender, credited?.number ?? undefined), sender }
}
