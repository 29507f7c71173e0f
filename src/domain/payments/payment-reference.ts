// The payment reference an invoice carries, chosen by the organization's country. The invariant it
// protects: the same invoice sequence number always yields the same reference, of the kind the
// payee's banks check, so an incoming payment can be matched back to its invoice by reference alone.

import { assert } from '../assert.ts'
import { createCreditorReference } from './creditor-reference.ts'
import { createFikPaymentId } from './danish-fik.ts'
import { createKid } from './norwegian-kid.ts'
import { createSwedishOcr } from './swedish-ocr.ts'

export type PaymentReference =
  | Readonly<{ kind: 'se-ocr'; lengthDigit: true; value: string }>
  | Readonly<{ kind: 'dk-fik'; cardType: '71'; value: string }>
  | Readonly<{ kind: 'no-kid'; algorithm: 'mod10'; value: string }>
  | Readonly<{ kind: 'rf'; value: string }>

export type PaymentReferenceKind = PaymentReference['kind']

/**
 * SE: an OCR number with length digit, the form Billogram's own ocr_number has (324810046924 ends
 * in length digit 2 and check digit 4; ../shared/reference/billogram.md). DK: an FI type 71 id.
 * NO: a mod 10 KID. Anywhere else: an ISO 11649 RF reference, which SEPA banks all accept.
 */
export function paymentReferenceForInvoice(countryCode: string, sequenceNumber: number): PaymentReference {
  assert(/^[A-Z]{2}$/.test(countryCode), 'a country code is two upper-case letters')
  assert(
    Number.isSafeInteger(sequenceNumber) && sequenceNumber > 0,
    'a sequence number is a positive integer',
  )
  const baseDigits = String(sequenceNumber)
  switch (countryCode) {
    case 'SE':
      return { kind: 'se-ocr', lengthDigit: true, value: createSwedishOcr(baseDigits, { lengthDigit: true }) }
    case 'DK':
      return { kind: 'dk-fik', cardType: '71', value: createFikPaymentId('71', baseDigits) }
    case 'NO':
      return { kind: 'no-kid', algorithm: 'mod10', value: createKid(baseDigits, 'mod10') }
    default:
      return { kind: 'rf', value: createCreditorReference(baseDigits) }
  }
}
