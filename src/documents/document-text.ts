// Turns a view into the localized strings a document shows, independent of where they are drawn:
// the PDF and the HTML page both render this, so they show the same words and the same numbers.

import { documentTitle, recipientLines, senderLines } from './document-parties.ts'
import {
  formatAmount,
  formatDate,
  formatDecimal,
  formatIbanForPrint,
  formatMoney,
  formatPercent,
  groupInFours,
} from './format.ts'
import type { InvoiceDocumentView, PaymentReference, SalesViewKind } from './invoice-document-view.ts'
import { LABELS } from './labels.ts'

export type TextRow = Readonly<{ label: string; value: string; emphasized?: boolean }>

export type LineText = Readonly<{
  description: string
  quantity: string
  unitPrice: string
  discount: string
  vatRate: string
  amount: string
}>

export type DocumentText = Readonly<{
  title: string
  /** Sender name and details, top right. */
  senderName: string
  senderLines: readonly string[]
  /** One small line above the recipient, for the window envelope (DIN 5008 return address). */
  returnAddress: string
  recipientLines: readonly string[]
  metaRows: readonly TextRow[]
  intro?: string
  columns: LineText
  showDiscountColumn: boolean
  lineRows: readonly LineText[]
  totalRows: readonly TextRow[]
  taxHeading: string
  taxColumns: readonly [string, string, string]
  taxRows: readonly (readonly [string, string, string])[]
  paymentHeading: string
  paymentRows: readonly TextRow[]
  notices: readonly string[]
  qrCaption: string
  footer?: string
  page: (page: number, pageCount: number) => string
  continuedTitle: string
}>

export function buildDocumentText(view: InvoiceDocumentView): DocumentText {
  const labels = LABELS[view.locale]
  const amount = (minor: bigint) => formatAmount(minor, view.currency, view.locale)
  const title = documentTitle(view)
  const sender = senderLines(view)
  const reminder = view.reminder
  return {
    title,
    senderName: view.sender.name,
    senderLines: sender,
    returnAddress: [view.sender.name, ...view.sender.addressLines].join(' · '),
    recipientLines: recipientLines(view),
    metaRows: metaRows(view),
    ...(view.introText !== undefined ? { intro: view.introText } : {}),
    ...(reminder === undefined
      ? {}
      : {
          intro: labels.reminderText({
            number: view.number,
            dueOn: formatDate(view.dueOn, view.locale),
            amount: formatMoney(view.payment.dueAmountMinor, view.currency, view.locale),
            payByOn: formatDate(reminder.payByOn, view.locale),
          }),
        }),
    columns: {
      description: labels.description,
      quantity: labels.quantity,
      unitPrice: labels.unitPrice,
      discount: labels.discount,
      vatRate: labels.vatRate,
      amount: labels.amount,
    },
    showDiscountColumn: view.lines.some((line) => (line.discountMinor ?? 0n) !== 0n),
    lineRows: view.lines.map((line) => ({
      description: line.description,
      quantity: formatDecimal(line.quantity, view.locale) + (line.unit === undefined ? '' : ` ${line.unit}`),
      unitPrice: amount(line.unitPriceMinor),
      discount:
        line.discountMinor === undefined || line.discountMinor === 0n ? '' : amount(line.discountMinor),
      vatRate: formatPercent(line.vatRatePercent, view.locale),
      amount: amount(line.netMinor),
    })),
    totalRows: totalRows(view),
    taxHeading: labels.taxBreakdown,
    taxColumns: [labels.vatRate, labels.taxableAmount, labels.taxAmount],
    taxRows: view.taxBreakdown.map(
      (row) =>
        [formatPercent(row.ratePercent, view.locale), amount(row.netMinor), amount(row.vatMinor)] as const,
    ),
    paymentHeading: labels.payment,
    paymentRows: paymentRows(view),
    notices: view.reverseCharge ? [labels.reverseCharge] : [],
    qrCaption: labels.qrCaption,
    ...(view.footerText === undefined ? {} : { footer: view.footerText }),
    page: labels.page,
    continuedTitle: `${title} ${view.number} ${labels.continued}`,
  }
}

function metaRows(view: InvoiceDocumentView): TextRow[] {
  const labels = LABELS[view.locale]
  const date = (isoDate: string) => formatDate(isoDate, view.locale)
  const rows: TextRow[] = []
  if (isSalesView(view)) {
    if (view.number !== '') rows.push({ label: labels.salesNumbers[view.kind], value: view.number })
    rows.push({ label: labels.documentDate, value: date(view.issuedOn) })
    if (view.validUntil !== undefined) rows.push({ label: labels.validUntil, value: date(view.validUntil) })
  } else if (view.kind === 'reminder' && view.reminder !== undefined) {
    rows.push({ label: labels.remindedOn, value: date(view.reminder.remindedOn) })
    rows.push({ label: labels.invoiceNumber, value: view.number })
    rows.push({ label: labels.issuedOn, value: date(view.issuedOn) })
    rows.push({ label: labels.dueOn, value: date(view.dueOn) })
    rows.push({ label: labels.payByOn, value: date(view.reminder.payByOn) })
  } else if (view.kind === 'credit-note') {
    rows.push({ label: labels.creditNoteNumber, value: view.number })
    rows.push({ label: labels.remindedOn, value: date(view.issuedOn) })
    rows.push({ label: labels.creditedInvoice, value: view.creditedInvoiceNumber ?? '' })
  } else {
    rows.push({ label: labels.invoiceNumber, value: view.number })
    rows.push({ label: labels.issuedOn, value: date(view.issuedOn) })
    rows.push({ label: labels.dueOn, value: date(view.dueOn) })
  }
  if (view.deliveredOn !== undefined) rows.push({ label: labels.deliveredOn, value: date(view.deliveredOn) })
  const { ourReference, yourReference, orderNumber } = view.references
  if (ourReference !== undefined) rows.push({ label: labels.ourReference, value: ourReference })
  if (yourReference !== undefined) rows.push({ label: labels.yourReference, value: yourReference })
  if (orderNumber !== undefined) rows.push({ label: labels.orderNumber, value: orderNumber })
  return rows
}

function totalRows(view: InvoiceDocumentView): TextRow[] {
  const labels = LABELS[view.locale]
  const money = (minor: bigint) => formatMoney(minor, view.currency, view.locale)
  const { totals } = view
  const rows: TextRow[] = []
  const discountMinor = view.documentDiscountMinor ?? 0n
  if (discountMinor !== 0n) rows.push({ label: labels.documentDiscount, value: money(-discountMinor) })
  rows.push({ label: labels.totalNet, value: money(totals.netMinor) })
  rows.push({ label: labels.totalVat, value: money(totals.vatMinor) })
  if (totals.roundingMinor !== 0n) rows.push({ label: labels.rounding, value: money(totals.roundingMinor) })
  const reminder = view.reminder
  if (view.kind !== 'reminder' || reminder === undefined) {
    rows.push({ label: labels.totalGross, value: money(totals.grossMinor), emphasized: true })
    return rows
  }
  rows.push({ label: labels.totalGross, value: money(totals.grossMinor) })
  rows.push({ label: labels.outstanding, value: money(reminder.outstandingMinor) })
  if (reminder.feeMinor !== 0n) rows.push({ label: labels.reminderFee, value: money(reminder.feeMinor) })
  if (reminder.interestMinor !== 0n)
    rows.push({ label: labels.interest, value: money(reminder.interestMinor) })
  rows.push({ label: labels.amountDue, value: money(view.payment.dueAmountMinor), emphasized: true })
  return rows
}

function paymentRows(view: InvoiceDocumentView): TextRow[] {
  const labels = LABELS[view.locale]
  const { payment } = view
  const money = formatMoney(payment.dueAmountMinor, view.currency, view.locale)
  if (isSalesView(view)) return []
  if (view.kind === 'credit-note') return [{ label: labels.creditedAmount, value: money, emphasized: true }]
  const rows: TextRow[] = [{ label: labels.amountDue, value: money, emphasized: true }]
  const payByOn = view.reminder?.payByOn
  rows.push(
    payByOn === undefined
      ? { label: labels.dueOn, value: formatDate(view.dueOn, view.locale) }
      : { label: labels.payByOn, value: formatDate(payByOn, view.locale) },
  )
  if (payment.bankgiro !== undefined) rows.push({ label: labels.bankgiro, value: payment.bankgiro })
  if (payment.plusgiro !== undefined) rows.push({ label: labels.plusgiro, value: payment.plusgiro })
  if (payment.iban !== undefined) rows.push({ label: 'IBAN', value: formatIbanForPrint(payment.iban) })
  if (payment.bic !== undefined) rows.push({ label: 'BIC', value: payment.bic })
  if (payment.reference !== undefined) {
    rows.push({
      label: labels.references[payment.reference.kind],
      value: formatReference(payment.reference, payment.fikCreditorNumber),
    })
  }
  return rows
}

/**
 * RF references print in groups of four (ISO 11649's paper form); a FIK payment id with a creditor
 * number prints as the code line a Danish bank app or payment form expects: +71 for a 15-digit id,
 * +75 for a 16-digit one (../shared/reference/field.md §5.2).
 */
export function formatReference(reference: PaymentReference, fikCreditorNumber?: string): string {
  const value = reference.value.replace(/\s+/g, '')
  if (reference.kind === 'rf') return groupInFours(value.toUpperCase())
  if (reference.kind === 'fik' && fikCreditorNumber !== undefined && /^\d{15,16}$/.test(value)) {
    const cardType = value.length === 15 ? '71' : '75'
    return `+${cardType}<${value}+${fikCreditorNumber}<`
  }
  return value
}

/** Offers, confirmations, delivery notes and letters claim nothing: no amount due, no payment block. */
export function isSalesView(view: InvoiceDocumentView): view is InvoiceDocumentView<SalesViewKind> {
  return view.kind !== 'invoice' && view.kind !== 'credit-note' && view.kind !== 'reminder'
}
