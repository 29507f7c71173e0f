// Builds the document view of an invoice or credit note from what the core returns: the invoice
// with its computed lines and breakdown, and its sender's settings. Pure: no database, no clock,
// so the page, the PDF and the letter of one invoice are built from the same view.

import type { Invoice, Recipient } from '../domain/invoicing/invoice.ts'
import type { CurrencyCode } from '../domain/money/currency.ts'
import { parseDecimal, toMinorUnits } from '../domain/money/decimal.ts'
import type { PaymentReferenceKind as CoreReferenceKind } from '../domain/payments/payment-reference.ts'
import type {
  DocumentLocale,
  DocumentRecipient,
  DocumentSender,
  InvoiceDocumentView,
  InvoiceViewKind,
  PaymentReferenceKind,
} from './invoice-document-view.ts'

export type SenderOrganization = Readonly<{
  name: string
  country: string
  settings: Readonly<{
    orgNo?: string
    vatNo?: string
    email?: string
    phone?: string
    address?: Readonly<{ street?: string; zip?: string; city?: string }>
    bank?: Readonly<{
      iban?: string
      bic?: string
      bankgiro?: string
      plusgiro?: string
      fikCreditorNumber?: string
    }>
  }>
  logo?: Buffer
}>

const REFERENCE_KINDS: Readonly<Record<CoreReferenceKind, PaymentReferenceKind>> = {
  'se-ocr': 'ocr',
  'dk-fik': 'fik',
  'no-kid': 'kid',
  rf: 'rf',
}

export function documentLocaleOf(locale: string): DocumentLocale {
  const language = locale.slice(0, 2).toLowerCase()
  return language === 'sv' || language === 'da' || language === 'de' ? language : 'en'
}

function cityLine(zip: string | null | undefined, city: string | null | undefined): string {
  return [zip, city].filter((part) => part && part.trim() !== '').join(' ')
}

const nonEmpty = (lines: readonly (string | null | undefined)[]): string[] =>
  lines.filter((line): line is string => !!line && line.trim() !== '')

/** What a sender's settings print: name, address, registration numbers and contact. */
export function senderViewOf(sender: SenderOrganization): DocumentSender {
  const { settings } = sender
  return {
    name: sender.name,
    addressLines: nonEmpty([
      settings.address?.street,
      cityLine(settings.address?.zip, settings.address?.city),
    ]),
    countryCode: sender.country,
    ...(settings.orgNo ? { orgNumber: settings.orgNo } : {}),
    ...(settings.vatNo ? { vatNumber: settings.vatNo } : {}),
    ...(settings.email ? { email: settings.email } : {}),
    ...(settings.phone ? { phone: settings.phone } : {}),
    ...(sender.logo ? { logo: sender.logo } : {}),
  }
}

export function recipientViewOf(recipient: Recipient, senderCountry: string): DocumentRecipient {
  return {
    name: recipient.name ?? '',
    ...(recipient.attention ? { attention: recipient.attention } : {}),
    addressLines: nonEmpty([recipient.street, recipient.street2, cityLine(recipient.zip, recipient.city)]),
    countryCode: recipient.country ?? senderCountry,
  }
}

/** The lines, tax breakdown and totals of any priced document (an invoice, an offer, ...). */
export function pricedViewOf(
  document: Pick<
    Invoice,
    'currency' | 'lines' | 'breakdown' | 'netMinor' | 'vatMinor' | 'grossMinor' | 'documentDiscountMinor'
  >,
) {
  const currency = document.currency as CurrencyCode
  return {
    currency,
    lines: document.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      ...(line.unit ? { unit: line.unit } : {}),
      // A unit price may carry more decimals than the currency; the document shows it to the minor unit.
      unitPriceMinor: toMinorUnits(parseDecimal(line.unitPrice, 'unitPrice'), currency, 'half-up'),
      ...(line.discountMinor !== 0n ? { discountMinor: line.discountMinor } : {}),
      vatRatePercent: line.taxTreatment === 'standard' ? line.vatRatePercent : '0',
      netMinor: line.netMinor,
      grossMinor: line.grossMinor,
    })),
    ...(document.documentDiscountMinor !== 0n
      ? { documentDiscountMinor: document.documentDiscountMinor }
      : {}),
    taxBreakdown: document.breakdown.map((group) => ({
      ratePercent: group.vatRatePercent,
      netMinor: group.netMinor,
      vatMinor: group.vatMinor,
    })),
    totals: {
      netMinor: document.netMinor,
      vatMinor: document.vatMinor,
      roundingMinor: 0n,
      grossMinor: document.grossMinor,
    },
    reverseCharge: document.lines.some((line) => line.taxTreatment === 'reverse-charge'),
  }
}

export function invoiceViewOf(
  invoice: Invoice,
  sender: SenderOrganization,
  creditedInvoiceNumber?: string,
): InvoiceDocumentView<InvoiceViewKind> {
  const { settings } = sender
  const recipient = invoice.recipient
  const reference =
    invoice.paymentReference && invoice.paymentReferenceKind
      ? { kind: REFERENCE_KINDS[invoice.paymentReferenceKind], value: invoice.paymentReference }
      : undefined
  const isCreditNote = invoice.kind === 'credit_note'
  return {
    kind: isCreditNote ? 'credit-note' : 'invoice',
    locale: documentLocaleOf(invoice.locale),
    sender: senderViewOf(sender),
    recipient: recipientViewOf(recipient, sender.country),
    number: invoice.number ?? '',
    issuedOn: invoice.invoiceDate ?? invoice.createdAt.slice(0, 10),
    dueOn: invoice.dueDate ?? invoice.invoiceDate ?? invoice.createdAt.slice(0, 10),
    ...(invoice.deliveryDate ? { deliveredOn: invoice.deliveryDate } : {}),
    references: {
      ...(invoice.ourReference ? { ourReference: invoice.ourReference } : {}),
      ...(invoice.yourReference ? { yourReference: invoice.yourReference } : {}),
    },
    ...pricedViewOf(invoice),
    payment: {
      ...(settings.bank?.iban ? { iban: settings.bank.iban } : {}),
      ...(settings.bank?.bic ? { bic: settings.bank.bic } : {}),
      ...(settings.bank?.bankgiro ? { bankgiro: settings.bank.bankgiro } : {}),
      ...(settings.bank?.plusgiro ? { plusgiro: settings.bank.plusgiro } : {}),
      ...(settings.bank?.fikCreditorNumber ? { fikCreditorNumber: settings.bank.fikCreditorNumber } : {}),
      ...(reference ? { reference } : {}),
      dueAmountMinor: isCreditNote ? 0n : invoice.balanceMinor,
    },
    ...(isCreditNote ? { creditedInvoiceNumber: creditedInvoiceNumber ?? '' } : {}),
  }
}
