// Decides whether a document carries an EPC QR code and what it says. Only a EUR invoice or reminder
// paid into an IBAN qualifies: the EPC QR code is a SEPA credit transfer in euro, and a credit note
// asks nobody to pay.

import { EPC_MAX_AMOUNT_MINOR, EPC_MAX_NAME_LENGTH, EPC_MIN_AMOUNT_MINOR, epcQrPayload } from './epc-qr.ts'
import type { InvoiceDocumentView } from './invoice-document-view.ts'
import { LABELS } from './labels.ts'

/** The EPC QR payload for the view, or undefined when the document should carry none. */
export function paymentQrPayload(view: InvoiceDocumentView): string | undefined {
  const { payment } = view
  if (
    view.currency !== 'EUR' ||
    (view.kind !== 'invoice' && view.kind !== 'reminder') ||
    payment.iban === undefined
  )
    return undefined
  if (payment.dueAmountMinor < EPC_MIN_AMOUNT_MINOR || payment.dueAmountMinor > EPC_MAX_AMOUNT_MINOR) {
    return undefined
  }
  // The IBAN routes the money; the name is only shown to the payer, so a long legal name is
  // shortened to the standard's 70 characters rather than costing the invoice its code.
  const name = [...view.sender.name.trim()].slice(0, EPC_MAX_NAME_LENGTH).join('')
  const reference = payment.reference
  const remittance =
    reference?.kind === 'rf'
      ? { kind: 'rf' as const, reference: reference.value }
      : {
          kind: 'text' as const,
          text: reference?.value ?? `${LABELS[view.locale].invoiceTitle} ${view.number}`,
        }
  return epcQrPayload({
    name,
    iban: payment.iban,
    amountMinor: payment.dueAmountMinor,
    remittance,
    ...(payment.bic === undefined ? {} : { bic: payment.bic }),
  })
}
