// Norwegian KID (kundeidentifikasjonsnummer) payment references. The invariant it protects: a KID
// we issue passes the check digit algorithm the payee agreed with its bank (Nets), mod 10 or mod 11.
// A KID has 2 to 25 digits, the last one a check digit. Mod 10 is Luhn. Mod 11 weights the digits
// 2, 3, 4, 5, 6, 7 repeating from the right; a remainder of 0 gives 0, and a remainder of 1 has no
// digit, so KID prints '-' in its place. Banks accept such a KID, but payers stumble over it,
// which is one reason Faktura issues mod 10 KIDs by default.

import { invalidField } from '../errors.ts'
import { isDigits, luhnCheckDigit, mod11CheckValue, withoutWhitespace } from './check-digits.ts'

export type KidAlgorithm = 'mod10' | 'mod11'

export const KID_MIN_LENGTH = 2
export const KID_MAX_LENGTH = 25

export function kidCheckCharacter(payload: string, algorithm: KidAlgorithm): string {
  if (algorithm === 'mod10') return String(luhnCheckDigit(payload))
  const value = mod11CheckValue(payload)
  return value === 10 ? '-' : String(value)
}

export function createKid(baseDigits: string, algorithm: KidAlgorithm, field = 'paymentReference'): string {
  const maxBaseLength = KID_MAX_LENGTH - 1
  if (!isDigits(baseDigits) || baseDigits.length > maxBaseLength) {
    throw invalidField(field, `${field} needs 1 to ${maxBaseLength} digits to build a KID from`)
  }
  return baseDigits + kidCheckCharacter(baseDigits, algorithm)
}

/** Why `kid` is not a valid KID under `algorithm`, or undefined when it is. */
export function kidProblem(kid: string, algorithm: KidAlgorithm): string | undefined {
  const payload = kid.slice(0, -1)
  if (kid.length < KID_MIN_LENGTH || kid.length > KID_MAX_LENGTH) {
    return `a KID has ${KID_MIN_LENGTH} to ${KID_MAX_LENGTH} characters`
  }
  if (!isDigits(payload)) return 'a KID has digits only, but for a final - under mod 11'
  if (kidCheckCharacter(payload, algorithm) !== kid.at(-1)) {
    return `the ${algorithm} check digit of the KID is wrong`
  }
  return undefined
}

export function validateKid(kid: string, algorithm: KidAlgorithm): boolean {
  return kidProblem(kid, algorithm) === undefined
}

export function parseKid(input: string, algorithm: KidAlgorithm, field = 'paymentReference'): string {
  const kid = withoutWhitespace(input)
  const problem = kidProblem(kid, algorithm)
  if (problem !== undefined) throw invalidField(field, `${field} is not a valid KID: ${problem}`)
  return kid
}
