// Check-digit arithmetic shared by the Nordic payment references: Luhn (mod 10) and the weighted
// mod 11 of Norwegian KID. The invariant it protects: a check digit is computed over ASCII digits
// only, so a letter or a space can never be silently read as a number.

import { assert } from '../assert.ts'

const DIGITS = /^[0-9]+$/

export function isDigits(value: string): boolean {
  return DIGITS.test(value)
}

/**
 * Luhn: weights 2, 1, 2, ... starting at the rightmost payload digit, the digits of each product
 * summed. Counting from the right over the full number (check digit included) the weights read
 * 1, 2, 1, 2, which is how the Danish FI and Swedish Bankgirot specifications phrase the same rule.
 */
export function luhnCheckDigit(payload: string): number {
  assert(isDigits(payload), 'a Luhn payload is digits only')
  let sum = 0
  for (let offset = 0; offset < payload.length; offset += 1) {
    const digit = payload.charCodeAt(payload.length - 1 - offset) - 48
    const product = offset % 2 === 0 ? digit * 2 : digit
    sum += product > 9 ? product - 9 : product
  }
  return (10 - (sum % 10)) % 10
}

/**
 * Mod 11 with weights 2, 3, 4, 5, 6, 7 repeating from the rightmost payload digit. Returns 0..10;
 * 10 (a remainder of 1) has no single digit, and what to print for it is the caller's rule.
 */
export function mod11CheckValue(payload: string): number {
  assert(isDigits(payload), 'a mod 11 payload is digits only')
  let sum = 0
  for (let offset = 0; offset < payload.length; offset += 1) {
    const digit = payload.charCodeAt(payload.length - 1 - offset) - 48
    sum += digit * (2 + (offset % 6))
  }
  const remainder = sum % 11
  return remainder === 0 ? 0 : 11 - remainder
}

/** References arrive typed by people, in groups; whitespace carries no meaning in any of them. */
export function withoutWhitespace(value: string): string {
  return value.replace(/\s+/g, '')
}
