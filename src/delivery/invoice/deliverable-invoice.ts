// What the three invoice handlers share: reading the invoice a payload names, loading it at send
// time (a missing invoice is permanent: no retry brings it back), and the display values that
// templates and texts are filled with, formatted in the document's own locale.

import { formatDate, formatMoney } from '../../documents/format.ts'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import { type PayloadObject, readOptionalString, readString } from '../relay/read-payload.ts'
import type { DefaultTemplateValues } from '../templates/default-mail-templates.ts'
import type { InvoiceDocument, LoadInvoiceDocument } from './load-invoice-document.ts'
import { asReminder, type ReminderNotice } from './reminder-document.ts'

export type InvoiceSubject = Readonly<{ invoiceId: string; caseId: string | null }>

/** The invoice (required) and case (for the delivery log) a payload is about. */
export function readInvoiceSubject(payload: PayloadObject): InvoiceSubject {
  return {
    invoiceId: readString(payload, 'invoiceId', ''),
    caseId: readOptionalString(payload, 'caseId', '') ?? null,
  }
}

export async function loadDeliverableInvoice(
  load: LoadInvoiceDocument,
  organizationId: string,
  invoiceId: string,
  reminder?: ReminderNotice,
): Promise<InvoiceDocument> {
  const document = await load(organizationId, invoiceId)
  if (!document) {
    throw new PermanentDeliveryError(`invoice ${invoiceId} no longer exists`, { field: 'invoiceId' })
  }
  const { state } = document.invoice
  // The core only sends approved invoices; a draft or deleted one here means the row is stale.
  if (state === 'draft' || state === 'deleted') {
    throw new PermanentDeliveryError(`invoice ${invoiceId} is ${state} and cannot be sent`, {
      field: 'invoiceId',
    })
  }
  return reminder ? asReminder(document, reminder) : document
}

/** The recipient's own page for the invoice's case, as served by http/recipient-page.ts. */
export function recipientPageUrl(publicBaseUrl: string, pageToken: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/i/${encodeURIComponent(pageToken)}`
}

/**
 * The amount is the document's total: what the invoice asks for, or what the credit note credits;
 * for a reminder, what is owed now, fees and interest included.
 */
export function templateValuesOf(document: InvoiceDocument, pageUrl: string): DefaultTemplateValues {
  const { view } = document
  return {
    organizationName: document.sender.name,
    recipientName: view.recipient.name,
    documentNumber: view.number,
    amount: formatMoney(
      view.kind === 'reminder' ? view.payment.dueAmountMinor : view.totals.grossMinor,
      view.currency,
      view.locale,
    ),
    dueDate: formatDate(view.dueOn, view.locale),
    recipientPageUrl: pageUrl,
  }
}

/** A payload string that may be absent; an empty one counts as absent, so the default applies. */
export function readOptionalText(payload: PayloadObject, key: string): string | undefined {
  const value = payload[key]
  if (value === undefined || value === null || value === '') return undefined
  return readString(payload, key, '')
}
