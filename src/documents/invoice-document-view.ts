// The view model every invoice document is rendered from: pure data, already computed by the core.
// Renderers only format and place it; they never compute money, so a PDF, the recipient's HTML
// page and a printed letter of the same view cannot disagree. checkView() guards the sums a
// renderer relies on, because a document that does not add up must never leave the building.

import { assert } from '../domain/assert.ts'
import type { CurrencyCode } from '../domain/money/currency.ts'

/** The documents that claim money. */
export type InvoiceViewKind = 'invoice' | 'credit-note' | 'reminder'

/** Priced or written documents that claim nothing: no payment block, no QR code. */
export type SalesViewKind = 'offer' | 'confirmation' | 'delivery-note' | 'letter'

export type DocumentKind = InvoiceViewKind | SalesViewKind

export type DocumentLocale = 'sv' | 'da' | 'de' | 'en'

/** OCR (SE Bankgirot/Plusgirot), FIK (DK), KID (NO), RF (ISO 11649 creditor reference). */
export type PaymentReferenceKind = 'ocr' | 'fik' | 'kid' | 'rf'

export type DocumentSender = Readonly<{
  name: string
  addressLines: readonly string[]
  /** ISO 3166-1 alpha-2; the recipient's country is printed only when it differs from this. */
  countryCode: string
  orgNumber?: string
  vatNumber?: string
  email?: string
  phone?: string
  /** A PNG or JPEG, placed top left. */
  logo?: Buffer
}>

export type DocumentRecipient = Readonly<{
  name: string
  attention?: string
  addressLines: readonly string[]
  /** ISO 3166-1 alpha-2. */
  countryCode: string
}>

export type DocumentReferences = Readonly<{
  ourReference?: string
  yourReference?: string
  orderNumber?: string
}>

export type DocumentLine = Readonly<{
  description: string
  /** A plain decimal with '.' as separator, e.g. "1.5"; formatted per locale, never parsed to a float. */
  quantity: string
  unit?: string
  unitPriceMinor: bigint
  discountMinor?: bigint
  /** A plain decimal, e.g. "25" or "12.5". */
  vatRatePercent: string
  netMinor: bigint
  grossMinor: bigint
}>

export type TaxBreakdownRow = Readonly<{
  ratePercent: string
  netMinor: bigint
  vatMinor: bigint
}>

export type DocumentTotals = Readonly<{
  netMinor: bigint
  vatMinor: bigint
  /** Cash rounding (e.g. Swedish öresavrundning) added after VAT. */
  roundingMinor: bigint
  grossMinor: bigint
}>

export type PaymentReference = Readonly<{ kind: PaymentReferenceKind; value: string }>

export type DocumentPayment = Readonly<{
  iban?: string
  bic?: string
  bankgiro?: string
  plusgiro?: string
  /** Danish creditor number (8 digits): with a FIK reference it completes the +71/+75 code line. */
  fikCreditorNumber?: string
  reference?: PaymentReference
  dueAmountMinor: bigint
}>

export type ReminderDetails = Readonly<{
  level: number
  remindedOn: string
  payByOn: string
  outstandingMinor: bigint
  feeMinor: bigint
  interestMinor: bigint
}>

export type InvoiceDocumentView<K extends DocumentKind = DocumentKind> = Readonly<{
  kind: K
  locale: DocumentLocale
  sender: DocumentSender
  recipient: DocumentRecipient
  number: string
  /** Dates are ISO calendar dates, YYYY-MM-DD. */
  issuedOn: string
  dueOn: string
  deliveredOn?: string
  references: DocumentReferences
  currency: CurrencyCode
  lines: readonly DocumentLine[]
  documentDiscountMinor?: bigint
  taxBreakdown: readonly TaxBreakdownRow[]
  totals: DocumentTotals
  reverseCharge: boolean
  payment: DocumentPayment
  /** Required when kind is 'reminder'. */
  reminder?: ReminderDetails
  /** Required when kind is 'credit-note'. */
  creditedInvoiceNumber?: string
  /** A sales document's opening text (a letter's whole body), printed above the lines. */
  introText?: string
  /** An offer's validity date, YYYY-MM-DD. */
  validUntil?: string
  footerText?: string
}>

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** Asserts the invariants the renderers depend on; a failure is a bug in whoever built the view. */
export function checkView(view: InvoiceDocumentView): void {
  const { totals } = view
  assert(
    totals.netMinor + totals.vatMinor + totals.roundingMinor === totals.grossMinor,
    'totals: net + vat + rounding must equal gross',
  )
  const breakdownNet = view.taxBreakdown.reduce((acc, row) => acc + row.netMinor, 0n)
  const breakdownVat = view.taxBreakdown.reduce((acc, row) => acc + row.vatMinor, 0n)
  assert(breakdownNet === totals.netMinor, 'tax breakdown net must add up to totals.netMinor')
  assert(breakdownVat === totals.vatMinor, 'tax breakdown vat must add up to totals.vatMinor')
  for (const date of [view.issuedOn, view.dueOn, view.deliveredOn, view.validUntil]) {
    assert(date === undefined || ISO_DATE.test(date), `date must be YYYY-MM-DD, got ${date}`)
  }
  if (view.kind === 'credit-note') {
    assert(view.creditedInvoiceNumber !== undefined, 'a credit note names the invoice it credits')
  }
  if (view.kind === 'reminder') {
    const reminder = view.reminder
    assert(reminder !== undefined, 'a reminder carries its reminder details')
    assert(Number.isInteger(reminder.level) && reminder.level >= 1, 'reminder level starts at 1')
    assert(
      ISO_DATE.test(reminder.remindedOn) && ISO_DATE.test(reminder.payByOn),
      'reminder dates are YYYY-MM-DD',
    )
    assert(
      reminder.outstandingMinor + reminder.feeMinor + reminder.interestMinor === view.payment.dueAmountMinor,
      'reminder: outstanding + fee + interest must equal the amount due',
    )
  }
}

/** The instant written into the PDF's metadata: the document's own date, so rendering reads no clock. */
export function documentDateOf(view: InvoiceDocumentView): string {
  return view.kind === 'reminder' && view.reminder !== undefined ? view.reminder.remindedOn : view.issuedOn
}
