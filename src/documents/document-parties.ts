// The title and the two parties' address blocks of a document.
//
// The recipient's country is printed, in capitals on the last line as the UPU asks, only when it
// differs from the sender's: a domestic letter without a country line is what postal sorting
// machines expect. The name is given in the document's language.

import type { DocumentLocale, InvoiceDocumentView } from './invoice-document-view.ts'
import { LABELS } from './labels.ts'

const regionNames = new Map<DocumentLocale, Intl.DisplayNames>()

function countryName(countryCode: string, locale: DocumentLocale): string {
  let names = regionNames.get(locale)
  if (names === undefined) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
    regionNames.set(locale, names)
  }
  const code = countryCode.toUpperCase()
  // Intl throws on anything but a well-formed code; print such a value as it was given.
  const name = /^[A-Z]{2}$/.test(code) ? names.of(code) : undefined
  return (name ?? countryCode).toLocaleUpperCase(locale)
}

export function documentTitle(view: InvoiceDocumentView): string {
  const labels = LABELS[view.locale]
  switch (view.kind) {
    case 'invoice':
      return labels.invoiceTitle
    case 'credit-note':
      return labels.creditNoteTitle
    case 'reminder':
      return labels.reminderTitle(view.reminder?.level ?? 1)
    default:
      return labels.salesTitles[view.kind]
  }
}

export function recipientLines(view: InvoiceDocumentView): string[] {
  const { recipient, sender } = view
  const lines = [recipient.name]
  if (recipient.attention !== undefined) lines.push(`${LABELS[view.locale].attention} ${recipient.attention}`)
  lines.push(...recipient.addressLines)
  if (recipient.countryCode.toUpperCase() !== sender.countryCode.toUpperCase()) {
    lines.push(countryName(recipient.countryCode, view.locale))
  }
  return lines
}

/** Everything under the sender's name: address, registration numbers, contact. */
export function senderLines(view: InvoiceDocumentView): string[] {
  const labels = LABELS[view.locale]
  const { sender } = view
  const lines = [...sender.addressLines]
  if (sender.orgNumber !== undefined) lines.push(`${labels.orgNumber} ${sender.orgNumber}`)
  if (sender.vatNumber !== undefined) lines.push(`${labels.vatNumber} ${sender.vatNumber}`)
  if (sender.email !== undefined) lines.push(`${labels.email} ${sender.email}`)
  if (sender.phone !== undefined) lines.push(`${labels.phone} ${sender.phone}`)
  return lines
}
