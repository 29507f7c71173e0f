// Billomat's placeholders ([Invoice.invoice_number], [Invoice.due_date], [Client.name], ...) in
// document texts and emails. A completed document freezes them: its title, label, intro and note
// are stored with the values of the moment of completion (drafts show them raw, §4). Dates and
// amounts are written in the account's locale, as the NET fixture shows ("bis zum 18.09.2015").

import { formatDate, formatMoney } from '../../../documents/format.ts'
import type { DocumentLocale } from '../../../documents/invoice-document-view.ts'
import { documentLocaleOf } from '../../../documents/invoice-view-of.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { parseDecimal } from '../../../domain/money/decimal.ts'
import { percentOfMinor } from '../../../domain/money/percent.ts'
import { docExtraOf, type WireStrings } from './extra.ts'
import { shownDueDate } from './from-wire.ts'
import { asShown } from './shown.ts'

const PLACEHOLDER = /\[([A-Za-z]+\.[A-Za-z_]+)\]/g

export type PlaceholderSources = Readonly<{
  document: Invoice
  client: Contact | undefined
  companyName: string
  publicBaseUrl: string
  /** The invoice a credit note credits: its [Invoice.*] placeholders name that invoice. */
  credited?: Invoice
}>

export function placeholderValues(sources: PlaceholderSources): Readonly<Record<string, string>> {
  const { credited, ...own } = sources
  return { ...(credited ? documentValues({ ...own, document: credited }) : {}), ...documentValues(own) }
}

function documentValues(sources: PlaceholderSources): Readonly<Record<string, string>> {
  const { client } = sources
  const document = asShown(sources.document)
  const locale: DocumentLocale = documentLocaleOf(document.locale)
  const currency = document.currency as CurrencyCode
  const extra = docExtraOf(document)
  const day = (iso: string | null | undefined) => (iso ? formatDate(iso, locale) : '')
  const amount = (minor: bigint) => formatMoney(minor, currency, locale)
  const discountRate = extra.discount_rate && extra.discount_rate !== '0' ? extra.discount_rate : undefined
  const entity = document.kind === 'invoice' ? 'Invoice' : 'CreditNote'
  const number = document.number ?? ''
  return {
    [`${entity}.id`]: String(document.invoiceSeq),
    [`${entity}.${document.kind === 'invoice' ? 'invoice_number' : 'credit_note_number'}`]: number,
    [`${entity}.number`]: number,
    [`${entity}.date`]: day(document.invoiceDate),
    [`${entity}.due_date`]: day(shownDueDate(document)),
    [`${entity}.supply_date`]: extra.supply_date ?? day(document.deliveryDate),
    [`${entity}.label`]: extra.label ?? '',
    [`${entity}.title`]: extra.title ?? '',
    [`${entity}.total_net`]: amount(document.netMinor),
    [`${entity}.total_gross`]: amount(document.grossMinor),
    [`${entity}.open_amount`]: amount(document.balanceMinor > 0n ? document.balanceMinor : 0n),
    [`${entity}.discount_rate`]: discountRate ?? '',
    [`${entity}.discount_amount`]: discountRate
      ? amount(percentOfMinor(document.grossMinor, parseDecimal(discountRate, 'discount_rate'), 'half-up'))
      : '',
    [`${entity}.currency_code`]: document.currency,
    [`${entity}.customerportal_url`]: `${sources.publicBaseUrl}/i/${document.pageToken}`,
    ...partyValues(client, sources.companyName),
  }
}

/** The client's and the company's placeholders, the same in every kind of document. */
export function partyValues(
  client: Contact | undefined,
  companyName: string,
): Readonly<Record<string, string>> {
  const clientExtra = (client?.extra.billomat ?? {}) as WireStrings
  return {
    'Client.name': client?.name ?? '',
    'Client.client_number': clientExtra.client_number ?? String(client?.contactNo ?? ''),
    'Client.first_name': clientExtra.first_name ?? '',
    'Client.last_name': clientExtra.last_name ?? '',
    'Client.salutation': clientExtra.salutation ?? '',
    'Client.email': client?.email ?? '',
    'Company.name': companyName,
  }
}

/** The text with every known placeholder filled; unknown ones stay as written, visibly. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : placeholder,
  )
}

/** The texts a completed document keeps, placeholders resolved. */
export function frozenTexts(
  document: Pick<Invoice, 'extra' | 'notes'>,
  values: Readonly<Record<string, string>>,
): WireStrings {
  const extra = docExtraOf(document)
  const texts: Record<string, string> = {}
  for (const field of ['title', 'label', 'intro'] as const) {
    const text = extra[field]
    if (text) texts[field] = fillPlaceholders(text, values)
  }
  const note = extra.note ?? document.notes
  if (note) texts.note = fillPlaceholders(note, values)
  return texts
}
