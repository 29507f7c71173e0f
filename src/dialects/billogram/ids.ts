// Billogram ids. A billogram's id is a short case-sensitive alphanumeric string (gQjEEZL in the
// vendor's fixtures, ../shared/reference/billogram.md §2); here it is derived from the case
// number by a fixed bijection on eight base-62 digits, so every case has exactly one id, ids
// stay stable without a lookup table, and consecutive cases do not get look-alike ids.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const LENGTH = 8
const MODULUS = 62n ** BigInt(LENGTH)
// An odd multiplier not divisible by 31 is invertible modulo 62^8 = 2^8 * 31^8.
const MULTIPLIER = 20018936533021n
const INVERSE = 39089697471541n
const OFFSET = 91578432791234n

export const BILLOGRAM_ID_PATTERN = /^[0-9A-Za-z]{8}$/

export function billogramIdOf(caseNo: bigint): string {
  let value = (caseNo * MULTIPLIER + OFFSET) % MODULUS
  let id = ''
  for (let digit = 0; digit < LENGTH; digit++) {
    id = ALPHABET[Number(value % 62n)] + id
    value /= 62n
  }
  return id
}

/** The case number behind an id, or undefined for anything that is not one of ours. */
export function caseNoOf(billogramId: string): bigint | undefined {
  if (!BILLOGRAM_ID_PATTERN.test(billogramId)) return undefined
  let value = 0n
  for (const char of billogramId) value = value * 62n + BigInt(ALPHABET.indexOf(char))
  const caseNo = (((((value - OFFSET) % MODULUS) + MODULUS) % MODULUS) * INVERSE) % MODULUS
  return caseNo > 0n && caseNo < 2n ** 53n ? caseNo : undefined
}
