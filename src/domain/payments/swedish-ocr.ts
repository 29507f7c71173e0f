// Swedish OCR reference numbers for Bankgirot (and Plusgirot). The invariant it protects: every
// number Faktura issues passes the check the payer's internet bank runs, so payments match invoices.
// Rules from Bankgirot's "OCR-referenskontroll": 2 to 25 digits, the last a Luhn check digit over
// all the digits before it. With the optional length digit ("hård kontroll" with length), the
// digit before the check digit is the total length, length and check digit included, modulo 10.

import { invalidField } from '../errors.ts'
import { isDigits, luhnCheckDigit, withoutWhitespace } from './check-digits.ts'

export const SWEDISH_OCR_MIN_LENGTH = 2
export const SWEDISH_OCR_MAX_LENGTH = 25

export type SwedishOcrOptions = Readonly<{ lengthDigit: boolean }>

export function createSwedishOcr(
  baseDigits: string,
  options: SwedishOcrOptions,
  field = 'paymentReference',
): string {
  const addedDigits = options.lengthDigit ? 2 : 1
  const maxBaseLength = SWEDISH_OCR_MAX_LENGTH - addedDigits
  if (!isDigits(baseDigits) || baseDigits.length > maxBaseLength) {
    throw invalidField(field, `${field} needs 1 to ${maxBaseLength} digits to build an OCR number from`)
  }
  const totalLength = baseDigits.length + addedDigits
  const payload = options.lengthDigit ? baseDigits + String(totalLength % 10) : baseDigits
  return payload + String(luhnCheckDigit(payload))
}

/** Why `reference` is not a valid OCR number under `options`, or undefined when it is. */
export function swedishOcrProblem(reference: string, options: SwedishOcrOptions): string | undefined {
  const minLength = options.lengthDigit ? SWEDISH_OCR_MIN_LENGTH + 1 : SWEDISH_OCR_MIN_LENGTH
  if (!isDigits(reference)) return 'an OCR number has digits only'
  if (reference.length < minLength || reference.length > SWEDISH_OCR_MAX_LENGTH) {
    return `an OCR number has ${minLength} to ${SWEDISH_OCR_MAX_LENGTH} digits`
  }
  if (options.lengthDigit && reference.at(-2) !== String(reference.length % 10)) {
    return `the length digit of a ${reference.length}-digit OCR number is ${reference.length % 10}`
  }
  if (luhnCheckDigit(reference.slice(0, -1)) !== Number(reference.at(-1))) {
    return 'the check digit of the OCR number is wrong'
  }
  return undefined
}

export function validateSwedishOcr(reference: string, options: SwedishOcrOptions): boolean {
  return swedishOcrProblem(reference, options) === undefined
}

/** Accepts what a person types (spaces between groups) and returns the bare digits. */
export function parseSwedishOcr(
  input: string,
  options: SwedishOcrOptions,
  field = 'paymentReference',
): string {
  const reference = withoutWhitespace(input)
  const problem = swedishOcrProblem(reference, options)
  if (problem !== undefined) throw invalidField(field, `${field} is not a valid OCR number: ${problem}`)
  return reference
}
