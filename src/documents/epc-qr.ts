// EPC QR code ("GiroCode", EPC069-12 version 002): the SEPA credit transfer a banking app reads
// off an invoice. The payload is a fixed sequence of lines; one wrong field and the app refuses
// the code or, worse, pays the wrong account, so every field is checked here against the limits
// in ../shared/reference/field.md §5.4 before a code is drawn.

import { create } from 'qrcode'
import { assert } from '../domain/assert.ts'
import { invalidField } from '../domain/errors.ts'
import { minorToDecimalString } from '../domain/money/decimal.ts'
import { encodeGreyPng } from './grey-png.ts'
import { compactIdentifier, isValidBic, isValidIban, isValidRfReference } from './iso7064.ts'

/** A structured ISO 11649 creditor reference, or free text: EPC069-12 allows one, never both. */
export type EpcRemittance =
  | Readonly<{ kind: 'rf'; reference: string }>
  | Readonly<{ kind: 'text'; text: string }>

export type EpcQrInput = Readonly<{
  /** Optional in version 002 inside the EEA. */
  bic?: string
  /** The beneficiary, at most 70 characters. */
  name: string
  iban: string
  /** Euro cents, 1 .. 99 999 999 999 (EUR 0.01 .. 999 999 999.99). */
  amountMinor: bigint
  remittance: EpcRemittance
  /** "Beneficiary to originator information", at most 70 characters. */
  note?: string
}>

export const EPC_MIN_AMOUNT_MINOR = 1n
export const EPC_MAX_AMOUNT_MINOR = 99_999_999_999n
export const EPC_MAX_NAME_LENGTH = 70
const MAX_TEXT_LENGTH = 140
const MAX_NOTE_LENGTH = 70
/** The whole payload's limit in bytes; at error correction M it keeps the symbol at version 13 or below. */
export const EPC_MAX_PAYLOAD_BYTES = 331

function checkedText(value: string, field: string, maxLength: number): string {
  const text = value.trim()
  // A line break inside a field would shift every later field by one line.
  if (/[\r\n]/.test(text)) throw invalidField(field, `${field} must not contain line breaks`)
  if ([...text].length > maxLength)
    throw invalidField(field, `${field} is longer than ${maxLength} characters`)
  return text
}

/** "EUR" + the amount with a decimal point and two decimals, e.g. 1234n -> "EUR12.34". */
export function epcAmount(amountMinor: bigint): string {
  if (amountMinor < EPC_MIN_AMOUNT_MINOR || amountMinor > EPC_MAX_AMOUNT_MINOR) {
    throw invalidField('amountMinor', 'an EPC QR amount must be between EUR 0.01 and EUR 999999999.99')
  }
  return `EUR${minorToDecimalString(amountMinor, 'EUR')}`
}

/**
 * Builds the EPC069-12 v002 payload: BCD, 002, 1 (UTF-8), SCT, BIC, name, IBAN, amount, purpose
 * (empty), structured reference, unstructured text, note; joined by LF, trailing empty lines
 * omitted as the standard asks.
 */
export function epcQrPayload(input: EpcQrInput): string {
  const name = checkedText(input.name, 'name', EPC_MAX_NAME_LENGTH)
  if (name === '') throw invalidField('name', 'the beneficiary name is required')
  const iban = compactIdentifier(input.iban)
  if (!isValidIban(iban)) throw invalidField('iban', `${input.iban} is not a valid IBAN`)
  const bic = input.bic === undefined ? '' : compactIdentifier(input.bic)
  if (bic !== '' && !isValidBic(bic)) throw invalidField('bic', `${input.bic} is not a valid BIC`)
  let reference = ''
  let text = ''
  if (input.remittance.kind === 'rf') {
    reference = compactIdentifier(input.remittance.reference)
    if (!isValidRfReference(reference)) {
      throw invalidField('remittance.reference', `${input.remittance.reference} is not a valid RF reference`)
    }
  } else {
    text = checkedText(input.remittance.text, 'remittance.text', MAX_TEXT_LENGTH)
  }
  const note = input.note === undefined ? '' : checkedText(input.note, 'note', MAX_NOTE_LENGTH)
  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    bic,
    name,
    iban,
    epcAmount(input.amountMinor),
    '',
    reference,
    text,
    note,
  ]
  while (lines.at(-1) === '') lines.pop()
  const payload = lines.join('\n')
  if (Buffer.byteLength(payload, 'utf8') > EPC_MAX_PAYLOAD_BYTES) {
    throw invalidField('remittance', `the EPC QR payload exceeds ${EPC_MAX_PAYLOAD_BYTES} bytes`)
  }
  return payload
}

export const QR_MARGIN_MODULES = 4

// One invoice's code is drawn several times (the emailed PDF, each visit to the recipient's page,
// the printed letter), and choosing the symbol's mask is most of the cost, so recent codes are
// kept. Bounded, and least recently used first out.
const CACHED_CODES = 256
const recentCodes = new Map<string, Buffer>()

/**
 * The symbol comes from qrcode at error correction level M, as EPC069-12 requires, from one
 * byte-mode segment: the standard sizes its 331-byte limit to byte mode at version 13, and it
 * spares qrcode's search for the shortest mix of modes. The PNG has one grey pixel per module and
 * a four-module quiet zone: pdfkit embeds it without decoding it, and PDF viewers scale it up
 * without smoothing. It is written here (grey-png.ts) rather than by qrcode's renderer, which
 * converts every pixel from RGBA and compresses on a worker thread, twice the time of the symbol.
 */
export async function renderQrPng(payload: string): Promise<Buffer> {
  assert(payload.length > 0, 'a QR payload must not be empty')
  const cached = recentCodes.get(payload)
  if (cached !== undefined) {
    recentCodes.delete(payload)
    recentCodes.set(payload, cached)
    return Buffer.from(cached)
  }
  const { modules } = create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  })
  const width = modules.size + 2 * QR_MARGIN_MODULES
  const pixels = new Uint8Array(width * width).fill(255)
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) pixels[(row + QR_MARGIN_MODULES) * width + column + QR_MARGIN_MODULES] = 0
    }
  }
  const png = encodeGreyPng(width, width, pixels)
  recentCodes.set(payload, png)
  if (recentCodes.size > CACHED_CODES) recentCodes.delete(recentCodes.keys().next().value as string)
  return Buffer.from(png)
}
