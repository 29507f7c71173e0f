// An invoice or credit note as Billomat answers it (§2.4: the real field order), from the core's
// invoice: totals, the `taxes` array per rate, paid and open amounts, the cash discount, and the
// Billomat-only fields kept in `extra`. Items are not embedded, as with Billomat.

import { addDays } from '../../../domain/calendar/dates.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import {
  decimal,
  formatDecimal,
  multiplyDecimal,
  parseDecimal,
  rescaleDecimal,
} from '../../../domain/money/decimal.ts'
import { percentOfMinor } from '../../../domain/money/percent.ts'
import {
  date,
  datetime,
  float,
  int,
  list,
  money,
  nested,
  record,
  str,
  type WireField,
  type WireRecord,
} from '../wire/tree.ts'
import { docExtraOf, lineExtraOf, type WireStrings } from './extra.ts'
import { shownDueDate } from './from-wire.ts'
import { statusOf } from './status.ts'

export type DocumentWireContext = Readonly<{
  client: Contact | undefined
  /** Where the recipient's page lives: `${publicBaseUrl}/i/<token>` is Billomat's customer portal. */
  publicBaseUrl: string
  /** Billomat ids of the documents a credit note or correction refers to, by core id. */
  invoiceSeqOf?: (invoiceId: string) => bigint | undefined
}>

/** The fields every priced Billomat document (invoice, credit note, offer, ...) renders from. */
export type PricedDocument = Pick<
  Invoice,
  | 'currency'
  | 'priceBasis'
  | 'breakdown'
  | 'lines'
  | 'extra'
  | 'number'
  | 'numberSeq'
  | 'netMinor'
  | 'grossMinor'
  | 'documentDiscountMinor'
  | 'unreducedNetMinor'
  | 'unreducedGrossMinor'
>

/** The client's address as Billomat composes it: name, street, zip and city, country. */
export function clientAddress(client: Contact | undefined): string {
  if (!client) return ''
  const { street, zip, city, country } = client.address
  return [client.name, street, [zip, city].filter(Boolean).join(' '), country]
    .filter((line) => line && line.trim() !== '')
    .join('\n')
}

export function composedAddress(invoice: Invoice, client: Contact | undefined): string {
  const stored = docExtraOf(invoice).address
  if (stored) return stored
  const source = invoice.state === 'draft' || !invoice.recipient.name ? client : undefined
  const name = source ? source.name : invoice.recipient.name
  const street = source ? source.address.street : invoice.recipient.street
  const zip = source ? source.address.zip : invoice.recipient.zip
  const city = source ? source.address.city : invoice.recipient.city
  const country = source ? source.address.country : invoice.recipient.country
  return [name, street, [zip, city].filter(Boolean).join(' '), country]
    .filter((line) => line && line.trim() !== '')
    .join('\n')
}

/** The invoice number a draft shows: only when its number was chosen explicitly (§4, J4J). */
export function numberParts(invoice: Pick<Invoice, 'number' | 'numberSeq'>, extra: WireStrings) {
  if (invoice.number !== null) {
    // Kept by completion when chosen; otherwise read back off the number: prefix, zeros, sequence.
    const parts = invoice.numberSeq === null ? null : /^(.*?)(0*)(\d+)$/.exec(invoice.number)
    const derived = parts && parts[3] === String(invoice.numberSeq) ? parts : null
    return {
      full: invoice.number,
      number: invoice.numberSeq,
      pre: extra.number_pre ?? derived?.[1] ?? '',
      length: extra.number_length ?? (derived?.[2] ? String(derived[2].length + derived[3]!.length) : '0'),
    }
  }
  const pre = extra.number_pre ?? ''
  const length = Number(extra.number_length ?? '0')
  const full = extra.number ? pre + extra.number.padStart(length, '0') : ''
  return { full, number: extra.number ?? null, pre, length: extra.number_length ?? '' }
}

function taxesOf(invoice: PricedDocument): WireRecord[] {
  const currency = invoice.currency as CurrencyCode
  return invoice.breakdown.map((group) => {
    const name =
      invoice.lines
        .filter((line) => line.vatRatePercent === group.vatRatePercent)
        .map((line) => lineExtraOf(line).tax_name)
        .find((taxName) => taxName) ?? ''
    const rate = parseDecimal(group.vatRatePercent, 'rate')
    const basisMinor = invoice.priceBasis === 'net' ? group.netMinor : group.grossMinor
    // The exact tax before its one rounding: rate/100 of a net sum, rate/(100+rate) of a gross one.
    const plainUnits =
      invoice.priceBasis === 'net'
        ? multiplyDecimal(decimal(basisMinor, 2), decimal(rate.units, rate.scale + 2))
        : rescaleDecimal(
            decimal(
              (basisMinor * rate.units * 10n ** 8n) / (100n * 10n ** BigInt(rate.scale) + rate.units),
              10,
            ),
            6,
            'half-up',
          )
    const plain = formatDecimal(plainUnits)
    return record('tax', [
      str('name', name),
      float('rate', group.vatRatePercent),
      money('amount', group.vatMinor, currency),
      float('amount_plain', plain),
      money('amount_rounded', group.vatMinor, currency),
      money('amount_net', group.netMinor, currency),
      money('amount_net_plain', group.netMinor, currency),
      money('amount_net_rounded', group.netMinor, currency),
      money('amount_gross', group.grossMinor, currency),
      money('amount_gross_plain', group.grossMinor, currency),
      money('amount_gross_rounded', group.grossMinor, currency),
    ])
  })
}

function openAmountMinor(invoice: Invoice): bigint {
  if (invoice.state === 'draft') return invoice.grossMinor
  if (invoice.state === 'open' || invoice.state === 'overdue' || invoice.state === 'collection')
    return invoice.balanceMinor > 0n ? invoice.balanceMinor : 0n
  return 0n
}

function cashDiscount(invoice: Invoice, extra: WireStrings): WireField[] {
  const currency = invoice.currency as CurrencyCode
  const rate = extra.discount_rate && extra.discount_rate !== '0' ? extra.discount_rate : undefined
  const days = extra.discount_days
  const discountDate =
    extra.discount_date ??
    (days && invoice.invoiceDate ? addDays(invoice.invoiceDate, Number(days)) : undefined)
  const amountMinor = rate
    ? percentOfMinor(invoice.grossMinor, parseDecimal(rate, 'discount_rate'), 'half-up')
    : null
  return [
    float('discount_rate', extra.discount_rate),
    date('discount_date', rate ? discountDate : undefined),
    int('discount_days', days),
    money('discount_amount', amountMinor, currency),
  ]
}

/** The recurring an invoice was issued by, as the core's recurring job marks it. */
function recurringNoOf(invoice: Invoice): string | undefined {
  const recurring = invoice.extra.recurring as { recurringNo?: string } | undefined
  return recurring?.recurringNo
}

export function documentToWire(invoice: Invoice, context: DocumentWireContext): WireRecord {
  const isInvoice = invoice.kind === 'invoice'
  const extra = docExtraOf(invoice)
  const currency = invoice.currency as CurrencyCode
  const parts = numberParts(invoice, extra)
  const creditedSeq = invoice.creditedInvoiceId
    ? context.invoiceSeqOf?.(invoice.creditedInvoiceId)
    : undefined
  const invoiceTail: WireField[] = isInvoice
    ? [
        ...cashDiscount(invoice, extra),
        money('paid_amount', invoice.paidMinor, currency),
        money('open_amount', openAmountMinor(invoice), currency),
        str('payment_types', extra.payment_types),
        str('customerportal_url', `${context.publicBaseUrl}/i/${invoice.pageToken}`),
      ]
    : [
        money('paid_amount', invoice.paidMinor, currency),
        money('open_amount', openAmountMinor(invoice), currency),
      ]
  const references: WireField[] = isInvoice
    ? [
        int('invoice_id', extra.invoice_id),
        int('offer_id', extra.offer_id),
        int('confirmation_id', extra.confirmation_id),
        int('recurring_id', extra.recurring_id ?? recurringNoOf(invoice)),
        str('dig_proceeded', '0'),
      ]
    : [int('invoice_id', creditedSeq ?? extra.invoice_id), int('free_text_id', extra.free_text_id)]
  return record(isInvoice ? 'invoice' : 'credit-note', [
    int('id', invoice.invoiceSeq),
    datetime('created', invoice.createdAt),
    datetime('updated', invoice.updatedAt),
    int('client_id', context.client?.contactNo),
    int('contact_id', extra.contact_id),
    str(isInvoice ? 'invoice_number' : 'credit_note_number', parts.full),
    int('number', parts.number),
    str('number_pre', parts.pre),
    int('number_length', parts.length),
    str('title', extra.title),
    date('date', invoice.invoiceDate),
    ...(isInvoice
      ? [
          str('supply_date', extra.supply_date ?? invoice.deliveryDate),
          str('supply_date_type', extra.supply_date_type),
          date('due_date', shownDueDate(invoice)),
          int('due_days', extra.due_days ?? invoice.paymentTermsDays),
        ]
      : []),
    str('address', composedAddress(invoice, context.client)),
    str('status', statusOf(invoice.state, invoice.paidMinor)),
    str('label', extra.label),
    str('intro', extra.intro),
    str('note', extra.note ?? invoice.notes),
    ...totalsToWire(invoice),
    ...invoiceTail,
    taxesToWire(invoice),
    ...references,
    int('template_id', extra.template_id),
    str('customfield', extra.customfield),
  ])
}

/** Totals, reduction, currency and price basis, in Billomat's order (§2.4). */
export function totalsToWire(document: PricedDocument): WireField[] {
  const currency = document.currency as CurrencyCode
  const extra = docExtraOf(document)
  return [
    money('total_net', document.netMinor, currency),
    money('total_gross', document.grossMinor, currency),
    str('reduction', extra.reduction),
    money('total_reduction', document.documentDiscountMinor, currency),
    money('total_net_unreduced', document.unreducedNetMinor, currency),
    money('total_gross_unreduced', document.unreducedGrossMinor, currency),
    str('currency_code', document.currency),
    float('quote', extra.quote ?? '1'),
    str('net_gross', document.priceBasis === 'gross' ? 'GROSS' : 'NET'),
  ]
}

export function taxesToWire(document: PricedDocument): WireField {
  return nested(list('taxes', 'tax', taxesOf(document)))
}
