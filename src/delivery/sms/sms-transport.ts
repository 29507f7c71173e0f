// The seam between Faktura and an SMS gateway, and the checks every gateway would make anyway:
// the number must be E.164 and the text must fit a bounded number of segments. Doing them here
// gives the sender one clear error instead of each gateway's own.

import { PermanentDeliveryError } from '../permanent-delivery-error.ts'

export type OutgoingSms = Readonly<{
  /** The outbox row's id: one message per delivery id, replaced (not duplicated) on a retry. */
  deliveryId: string
  /** E.164: "+", country code and subscriber number, e.g. "+46701234567". */
  to: string
  /** Sender: an E.164 number, or an alphanumeric id of up to 11 characters ("Acme AB"). */
  from?: string
  text: string
}>

export type SmsEncoding = 'gsm-7' | 'ucs-2'

export type SmsReceipt = Readonly<{
  deliveryId: string
  to: string
  encoding: SmsEncoding
  /** Parts the message travels in; gateways bill per part. */
  segmentCount: number
  /** Where the message went: the outbox file, or a gateway's message id. */
  location: string
}>

export interface SmsTransport {
  send(message: OutgoingSms): Promise<SmsReceipt>
}

/** Longer texts are refused rather than sent as a costly chain of parts. */
export const MAX_SMS_SEGMENT_COUNT = 10

const E164_PATTERN = /^\+[1-9]\d{1,14}$/
const ALPHANUMERIC_SENDER_PATTERN = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/

/** Returns the number when it is E.164; otherwise throws an error that says how to fix it. */
export function checkE164(number: string, field = 'to'): string {
  if (E164_PATTERN.test(number)) return number
  const quoted = JSON.stringify(number)
  throw new PermanentDeliveryError(
    `${field}: ${quoted} is not an E.164 phone number ("+", country code and number, at most 15 digits, ` +
      `e.g. +46701234567): ${e164Hint(number)}`,
    { field },
  )
}

function e164Hint(number: string): string {
  if (!/^\+?[\d\s().-]+$/.test(number)) return 'use digits only'
  if (!number.startsWith('+')) return 'start with "+" and the country code instead of a leading 0 or 00'
  if (/[\s().-]/.test(number)) return 'remove spaces, dashes and brackets'
  if (number.startsWith('+0')) return 'no country code starts with 0'
  const digitCount = number.length - 1
  return digitCount > 15 ? `it has ${digitCount} digits` : 'it is too short'
}

export function checkSms(message: OutgoingSms): Readonly<{ encoding: SmsEncoding; segmentCount: number }> {
  checkE164(message.to, 'to')
  if (message.from !== undefined && !ALPHANUMERIC_SENDER_PATTERN.test(message.from)) {
    checkE164(message.from, 'from')
  }
  if (message.text.trim() === '') throw new PermanentDeliveryError('the SMS text is empty', { field: 'text' })
  const segments = smsSegments(message.text)
  if (segments.segmentCount > MAX_SMS_SEGMENT_COUNT) {
    throw new PermanentDeliveryError(
      `the SMS text needs ${segments.segmentCount} segments (${segments.encoding}); at most ${MAX_SMS_SEGMENT_COUNT} are allowed`,
      { field: 'text' },
    )
  }
  return segments
}

// The GSM 03.38 default alphabet, and its extension table whose characters take two septets.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const GSM_EXTENSION = '\f^{}\\[~]|€'

/**
 * How a text travels: in the GSM 7-bit alphabet when every character is in it (160 septets in
 * one part, 153 per part when split), otherwise as UCS-2 (70 code units, 67 per part). A part
 * never ends between the two halves of an escaped character or of a surrogate pair.
 */
export function smsSegments(text: string): Readonly<{ encoding: SmsEncoding; segmentCount: number }> {
  const characters = Array.from(text)
  const gsm = characters.every(
    (character) => GSM_BASIC.includes(character) || GSM_EXTENSION.includes(character),
  )
  const sizes = gsm
    ? characters.map((character) => (GSM_EXTENSION.includes(character) ? 2 : 1))
    : characters.map((character) => character.length)
  const [single, multi] = gsm ? [160, 153] : [70, 67]
  const total = sizes.reduce((sum, size) => sum + size, 0)
  if (total <= single) return { encoding: gsm ? 'gsm-7' : 'ucs-2', segmentCount: 1 }
  let segmentCount = 1
  let used = 0
  for (const size of sizes) {
    if (used + size > multi) {
      segmentCount++
      used = 0
    }
    used += size
  }
  return { encoding: gsm ? 'gsm-7' : 'ucs-2', segmentCount }
}
