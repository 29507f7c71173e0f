// Delivers `invoice.letter` rows: renders the invoice PDF and hands it to the LetterTransport,
// addressed to the recipient snapshot on the invoice, with the organization as return address.
// An invoice without a postable address is refused permanently: no retry will write one.
//
// Payload (written by core/invoices/send-invoice.ts): { invoiceId, caseId, colour? (false),
//   duplex? (false), addAddressPage? (false), paperWeightGsm?, reminder? (see reminder-document.ts) }

import type { SenderOrganization } from '../../documents/invoice-view-of.ts'
import { renderInvoicePdf } from '../../documents/render-invoice-pdf.ts'
import type { Recipient } from '../../domain/invoicing/invoice.ts'
import { formatPostalAddress, type LetterTransport, type PostalAddress } from '../letters/letter-transport.ts'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import type { OutboxHandler, PreparedDelivery } from '../relay/outbox-handler.ts'
import { readBoolean, readObject, readOptionalInteger } from '../relay/read-payload.ts'
import { loadDeliverableInvoice, readInvoiceSubject } from './deliverable-invoice.ts'
import type { LoadInvoiceDocument } from './load-invoice-document.ts'
import { readReminderNotice } from './reminder-document.ts'

export type InvoiceLetterHandlerOptions = Readonly<{
  letters: LetterTransport
  loadInvoiceDocument: LoadInvoiceDocument
}>

export function createInvoiceLetterHandler(options: InvoiceLetterHandlerOptions): OutboxHandler {
  return {
    channel: 'letter',
    prepare(value: unknown): PreparedDelivery {
      const payload = readObject(value, 'payload')
      const target = readInvoiceSubject(payload)
      // The defaults are send-invoice.ts's, so a row written by an older core prints the same way.
      const colour = readBoolean(payload, 'colour', '', false)
      const duplex = readBoolean(payload, 'duplex', '', false)
      const addAddressPage = readBoolean(payload, 'addAddressPage', '', false)
      const paperWeightGsm = readOptionalInteger(payload, 'paperWeightGsm', '')
      const reminder = readReminderNotice(payload)
      return {
        ...target,
        // The address is read at send time; the log's detail then shows the one printed.
        recipient: `postal address on invoice ${target.invoiceId}`,
        async send({ deliveryId, organizationId }) {
          const { invoice, view, sender } = await loadDeliverableInvoice(
            options.loadInvoiceDocument,
            organizationId,
            target.invoiceId,
            reminder,
          )
          const recipient = postalAddressOf(invoice.recipient, view.recipient.countryCode)
          const returnAddress = returnAddressOf(sender)
          const receipt = await options.letters.send({
            deliveryId,
            recipient,
            returnAddress,
            pdf: await renderInvoicePdf(view),
            colour,
            duplex,
            addAddressPage,
            ...(paperWeightGsm === undefined ? {} : { paperWeightGsm }),
          })
          return {
            location: receipt.location,
            pageCount: receipt.pageCount,
            sheetCount: receipt.sheetCount,
            address: formatPostalAddress(recipient, returnAddress.countryCode).join(', '),
          }
        },
      }
    },
  }
}

const present = (text: string | null | undefined): text is string => !!text && text.trim() !== ''

/** The invoice's recipient snapshot as an envelope address; the name, a street, postcode and city are required. */
export function postalAddressOf(recipient: Recipient, countryCode: string): PostalAddress {
  const streetLines = [recipient.street, recipient.street2].filter(present)
  const missing = [
    ['name', recipient.name],
    ['street', streetLines[0]],
    ['zip', recipient.zip],
    ['city', recipient.city],
  ].find(([, text]) => !present(text))
  if (missing) {
    throw new PermanentDeliveryError(`the invoice's recipient has no ${missing[0]} to post a letter to`, {
      field: `recipient.${missing[0]}`,
    })
  }
  return {
    name: recipient.name as string,
    extraLines: present(recipient.attention) ? [recipient.attention] : [],
    streetLines,
    postalCode: recipient.zip as string,
    city: recipient.city as string,
    countryCode,
  }
}

/** Whatever the organization has of an address: its country alone still decides whether mail goes abroad. */
function returnAddressOf(sender: SenderOrganization): PostalAddress {
  const address = sender.settings.address
  return {
    name: sender.name,
    streetLines: [address?.street].filter(present),
    postalCode: address?.zip ?? '',
    city: address?.city ?? '',
    countryCode: sender.country,
  }
}
