// The seam between Faktura and whatever prints and posts its letters. No postal service can run
// here, so the implementation in this repository is a local print spool that does the real work
// up to the printer (print-ready PDFs and a job description); a postal provider's adapter would
// implement the same interface and be chosen in main.ts.

export type PostalAddress = Readonly<{
  name: string
  /** Lines between the name and the street: c/o, department, attention. */
  extraLines?: readonly string[]
  streetLines: readonly string[]
  postalCode: string
  city: string
  /** ISO 3166-1 alpha-2, e.g. "SE". */
  countryCode: string
}>

export type OutgoingLetter = Readonly<{
  /** The outbox row's id: one print job per delivery id, replaced (not duplicated) on a retry. */
  deliveryId: string
  recipient: PostalAddress
  /**
   * The sender, printed in small type above the recipient when an address page is added. Its
   * country decides whether the recipient's country is printed: only for mail abroad, and always
   * when no return address is given.
   */
  returnAddress?: PostalAddress
  pdf: Buffer
  colour: boolean
  duplex: boolean
  paperWeightGsm?: number
  /** Put a page with the address in the envelope window before the document. */
  addAddressPage: boolean
}>

export type LetterReceipt = Readonly<{
  deliveryId: string
  /** Where the job went: the spool folder, or a postal provider's reference. */
  location: string
  /** Printed pages, the address page (and its blank back, when duplex) included. */
  pageCount: number
  sheetCount: number
}>

export interface LetterTransport {
  send(letter: OutgoingLetter): Promise<LetterReceipt>
}

/**
 * The address as it goes on the envelope: name, extra lines, street, "postcode city", and the
 * country in capitals (its English name, the language of international mail) for mail abroad.
 */
export function formatPostalAddress(address: PostalAddress, senderCountryCode?: string): string[] {
  const countryCode = address.countryCode.toUpperCase()
  const abroad = senderCountryCode === undefined || senderCountryCode.toUpperCase() !== countryCode
  const countryName = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(countryCode)
  return [
    address.name,
    ...(address.extraLines ?? []),
    ...address.streetLines,
    `${address.postalCode} ${address.city}`.trim(),
    ...(abroad ? [(countryName ?? countryCode).toUpperCase()] : []),
  ].filter((line) => line.trim() !== '')
}
