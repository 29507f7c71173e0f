// ISO 7064 MOD 97-10 as IBAN (ISO 13616) and the RF creditor reference (ISO 11649) use it: the first
// four characters move to the end, letters become 10..35, and the number must leave remainder 1.
// A wrong digit in an IBAN printed on an invoice sends the customer's money nowhere, so the EPC QR
// code and the payment block refuse one before anything is drawn.

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/
const RF_SHAPE = /^RF\d{2}[A-Z0-9]{1,21}$/
const BIC_SHAPE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/

export function mod97(value: string): number {
  const rearranged = value.slice(4) + value.slice(0, 4)
  let remainder = 0
  for (const char of rearranged) {
    const code = char.charCodeAt(0)
    // Digits append one decimal digit, letters (A=10 .. Z=35) append two.
    if (code >= 48 && code <= 57) remainder = (remainder * 10 + (code - 48)) % 97
    else remainder = (remainder * 100 + (code - 55)) % 97
  }
  return remainder
}

/** The electronic form: no spaces, upper case. */
export function compactIdentifier(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

export function isValidIban(iban: string): boolean {
  const compact = compactIdentifier(iban)
  return IBAN_SHAPE.test(compact) && mod97(compact) === 1
}

export function isValidRfReference(reference: string): boolean {
  const compact = compactIdentifier(reference)
  return RF_SHAPE.test(compact) && mod97(compact) === 1
}

export function isValidBic(bic: string): boolean {
  return BIC_SHAPE.test(compactIdentifier(bic))
}
