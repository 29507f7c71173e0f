// Swedish personal identity numbers (personnummer, and samordningsnummer with 60 added to the
// day) and organisation numbers, as Billogram's customer org_no holds them for domestic
// customers. The invariant it protects: a number accepted here has a valid Luhn check digit over
// its ten digits, a personal number names a real calendar day, and an organisation number has
// the 20 or more in its third and fourth digits that sets it apart from a birth date.

import { luhnCheckDigit } from '../payments/check-digits.ts'

export type SwedishIdentityKind = 'personal' | 'organisation'

export type SwedishIdentityNumber = Readonly<{ kind: SwedishIdentityKind; digits: string }>

/** Digits as written: 10 (YYMMDDNNNC), or 12 with the century (or 16 before an organisation number). */
function tenDigits(text: string): string | undefined {
  const compact = text.replace(/[\s-+]/g, '')
  if (/^\d{10}$/.test(compact)) return compact
  if (/^(18|19|20|16)\d{10}$/.test(compact)) return compact.slice(2)
  return undefined
}

function hasValidCheckDigit(digits: string): boolean {
  return luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9])
}

function isBirthDate(digits: string, century: string | undefined): boolean {
  const month = Number(digits.slice(2, 4))
  const rawDay = Number(digits.slice(4, 6))
  const day = rawDay > 60 ? rawDay - 60 : rawDay
  if (month < 1 || month > 12 || day < 1) return false
  // Without the century, 29 February is accepted when either century makes it a leap day.
  const years = century
    ? [Number(century + digits.slice(0, 2))]
    : [1900, 2000].map((base) => base + Number(digits.slice(0, 2)))
  return years.some((year) => day <= new Date(Date.UTC(year, month, 0)).getUTCDate())
}

/** Reads a number, or undefined when it is neither a valid personal nor organisation number. */
export function parseSwedishIdentityNumber(text: string): SwedishIdentityNumber | undefined {
  const digits = tenDigits(text)
  if (!digits || !hasValidCheckDigit(digits)) return undefined
  const compact = text.replace(/[\s-+]/g, '')
  const century = compact.length === 12 ? compact.slice(0, 2) : undefined
  if (Number(digits.slice(2, 4)) >= 20 && century !== '19' && century !== '20')
    return { kind: 'organisation', digits }
  return isBirthDate(digits, century === '16' ? undefined : century)
    ? { kind: 'personal', digits }
    : undefined
}
