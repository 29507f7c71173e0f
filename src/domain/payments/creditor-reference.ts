// ISO 11649 structured creditor references ("RF references"), the payment reference of SEPA
// credit transfers. The invariant it protects: every reference Faktura issues or accepts carries
// check digits that verify under ISO 7064 mod 97-10, the rule IBAN uses too.
// Layout: "RF", two check digits, then 1 to 21 letters or digits. To verify, move the first four
// characters to the end, replace each letter by two digits (A = 10 ... Z = 35) and the number
// modulo 97 must be 1. To create, compute that number for reference + "RF00" and subtract its
// remainder from 98. Electronic form has no spaces; printed form groups four characters at a time.

import { invalidField } from '../errors.ts'
import { withoutWhitespace } from './check-digits.ts'

export const CREDITOR_REFERENCE_MAX_BASE_LENGTH = 21

const BASE = /^[0-9A-Z]+$/
const ELECTRONIC = /^RF([0-9]{2})([0-9A-Z]+)$/

/** The remainder modulo 97 of `text` read as a number, letters expanded to 10..35. */
function mod97(text: string): number {
  let remainder = 0
  for (const character of text) {
    const value = Number.parseInt(character, 36)
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97
  }
  return remainder
}

/** Builds the electronic form from 1 to 21 letters and digits; lower case is taken as upper case. */
export function createCreditorReference(base: string, field = 'paymentReference'): string {
  const normalized = withoutWhitespace(base).toUpperCase()
  if (!BASE.test(normalized) || normalized.length > CREDITOR_REFERENCE_MAX_BASE_LENGTH) {
    throw invalidField(
      field,
      `${field} needs 1 to ${CREDITOR_REFERENCE_MAX_BASE_LENGTH} letters or digits to build an RF reference from`,
    )
  }
  const checkDigits = 98 - mod97(`${normalized}RF00`)
  return `RF${String(checkDigits).padStart(2, '0')}${normalized}`
}

/** Why `reference` (electronic form) is not a valid RF reference, or undefined when it is. */
export function creditorReferenceProblem(reference: string): string | undefined {
  const match = ELECTRONIC.exec(reference)
  if (match === null) return 'an RF reference is RF, two check digits, then letters and digits'
  const checkDigits = match[1]!
  const base = match[2]!
  if (base.length > CREDITOR_REFERENCE_MAX_BASE_LENGTH) {
    return `an RF reference has at most ${CREDITOR_REFERENCE_MAX_BASE_LENGTH} characters after its check digits`
  }
  // ISO 7064 allows 02..98 only: 00, 01 and 99 would alias valid values modulo 97.
  const checkValue = Number(checkDigits)
  if (checkValue < 2 || checkValue > 98 || mod97(`${base}RF${checkDigits}`) !== 1) {
    return 'the check digits of the RF reference are wrong'
  }
  return undefined
}

/** True for the electronic form only (upper case, no spaces); parse accepts the printed form. */
export function validateCreditorReference(reference: string): boolean {
  return creditorReferenceProblem(reference) === undefined
}

/** Accepts the printed or electronic form in any case and returns the electronic form. */
export function parseCreditorReference(input: string, field = 'paymentReference'): string {
  const reference = withoutWhitespace(input).toUpperCase()
  const problem = creditorReferenceProblem(reference)
  if (problem !== undefined) throw invalidField(field, `${field} is not a valid RF reference: ${problem}`)
  return reference
}

/** Printed form: groups of four from the left, the last group possibly shorter ("RF18 5390 0754 7034"). */
export function formatCreditorReferencePrinted(reference: string): string {
  const electronic = parseCreditorReference(reference)
  return electronic.replace(/(.{4})(?=.)/g, '$1 ')
}
