// Delivers `letter.send` rows through a LetterTransport (the local print spool, or a postal
// provider's adapter). The PDF is inlined or, usually, loaded by document id during the attempt.
//
// Payload: { caseId?, invoiceId?, recipient: PostalAddress, returnAddress?: PostalAddress,
//   document: { contentBase64 | documentId }, colour? (false), duplex? (true),
//   paperWeightGsm?, addAddressPage? (true) }
// PostalAddress: { name, extraLines?: [string], streetLines: [string], postalCode, city, countryCode }

import { formatPostalAddress, type LetterTransport, type PostalAddress } from '../letters/letter-transport.ts'
import type { LoadDocument, OutboxHandler, PreparedDelivery } from './outbox-handler.ts'
import {
  readArray,
  readBoolean,
  readDocumentSource,
  readObject,
  readOptionalInteger,
  readString,
  readStringValue,
  readSubject,
} from './read-payload.ts'

export type LetterHandlerOptions = Readonly<{
  transport: LetterTransport
  loadDocument?: LoadDocument
}>

export function createLetterHandler(options: LetterHandlerOptions): OutboxHandler {
  return {
    channel: 'letter',
    prepare(value: unknown): PreparedDelivery {
      const payload = readObject(value, 'payload')
      const recipient = readPostalAddress(payload.recipient, 'recipient')
      const returnAddress =
        payload.returnAddress === undefined
          ? undefined
          : readPostalAddress(payload.returnAddress, 'returnAddress')
      const loadPdf = readDocumentSource(
        readObject(payload.document, 'document'),
        'document.',
        options.loadDocument,
      )
      const colour = readBoolean(payload, 'colour', '', false)
      const duplex = readBoolean(payload, 'duplex', '', true)
      const addAddressPage = readBoolean(payload, 'addAddressPage', '', true)
      const paperWeightGsm = readOptionalInteger(payload, 'paperWeightGsm', '')
      return {
        ...readSubject(payload),
        recipient: formatPostalAddress(recipient, returnAddress?.countryCode).join(', '),
        async send({ deliveryId, organizationId }) {
          const receipt = await options.transport.send({
            deliveryId,
            recipient,
            ...(returnAddress ? { returnAddress } : {}),
            pdf: await loadPdf(organizationId),
            colour,
            duplex,
            addAddressPage,
            ...(paperWeightGsm === undefined ? {} : { paperWeightGsm }),
          })
          return { location: receipt.location, pageCount: receipt.pageCount, sheetCount: receipt.sheetCount }
        },
      }
    },
  }
}

function readPostalAddress(value: unknown, path: string): PostalAddress {
  const object = readObject(value, path)
  const prefix = `${path}.`
  const lines = (key: string, required: boolean): string[] =>
    readArray(object, key, prefix, required).map((line, index) =>
      readStringValue(line, `${prefix}${key}[${index}]`),
    )
  return {
    name: readString(object, 'name', prefix),
    extraLines: lines('extraLines', false),
    streetLines: lines('streetLines', true),
    postalCode: readString(object, 'postalCode', prefix),
    city: readString(object, 'city', prefix),
    countryCode: readString(object, 'countryCode', prefix),
  }
}
