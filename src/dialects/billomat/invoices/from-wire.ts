// An invoice or credit-note body (§2.4, seed 002 "Create an invoice") read into the core's draft:
// the client, dates, price basis, reduction, currency and items become the draft's fields, the
// rest (title, label, intro, cash discount, references, ...) rides along in `extra` as written.
// Defaults follow the seed and the digest: date today, cash discount and due days from the client
// or the settings, price basis from the client or the settings.

import type { DraftInvoiceInput, DraftLineInput } from '../../../core/invoices/resolve-draft.ts'
import { addDays } from '../../../domain/calendar/dates.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { type CurrencyCode, parseCurrencyCode } from '../../../domain/money/currency.ts'
import { parsePercent } from '../../../domain/money/percent.ts'
import type { WireObject } from '../wire/body.ts'
import {
  readClearableText,
  readDate,
  readDecimal,
  readEnum,
  readId,
  readInteger,
  readSmallInteger,
  readText,
} from '../wire/read.ts'
import { docExtraOf, mergeStrings, type WireStrings } from './extra.ts'
import { lineFromWire, reductionOf, withFieldPrefix } from './items-wire.ts'
import type { DocumentLookups } from './lookups.ts'

/** Fields kept verbatim: free texts, and ids of documents the core does not relate. */
const TEXT_FIELDS = ['title', 'label', 'intro', 'address', 'payment_types', 'customfield'] as const
const ID_FIELDS = [
  'contact_id',
  'invoice_id',
  'offer_id',
  'confirmation_id',
  'recurring_id',
  'free_text_id',
  'template_id',
] as const
const SUPPLY_DATE_TYPES = ['SUPPLY_DATE', 'DELIVERY_DATE', 'SUPPLY_TEXT', 'DELIVERY_TEXT'] as const

export type DocumentDraft = Readonly<{
  /** The fields to create with, or the changes to apply to a draft. */
  draft: Omit<DraftInvoiceInput, 'lines' | 'contactId'> & { contactId?: string; lines?: DraftLineInput[] }
  currency: CurrencyCode
}>

function idText(value: bigint | undefined): string | undefined {
  return value === undefined ? undefined : String(value)
}

export function clientDefault(client: WireStrings, field: string): string | undefined {
  // A client's *_type ABSOLUTE or RELATIVE overrides the settings with its own value (§2.2).
  const type = client[`${field}_type`]
  return type === 'ABSOLUTE' || type === 'RELATIVE' ? client[field] : undefined
}

function readCashDiscount(body: WireObject) {
  const rate = readDecimal(body, 'discount_rate')
  if (rate !== undefined) parsePercent(rate, 'discount_rate')
  return {
    rate,
    days: readSmallInteger(body, 'discount_days', 0, 3650),
    date: readDate(body, 'discount_date'),
  }
}

function readNumbering(body: WireObject) {
  const numberPre = readClearableText(body, 'number_pre', 30)
  const number = readInteger(body, 'number')
  if (number !== undefined && number < 1n) throw invalidField('number', 'number must be 1 or more')
  const numberLength = readSmallInteger(body, 'number_length', 0, 20)
  return { number_pre: numberPre, number: idText(number), number_length: numberLength?.toString() }
}

/** The supply date is a date for the *_DATE types and free text for the *_TEXT types. */
function readSupply(body: WireObject, currentType: string | undefined) {
  const type = readEnum(body, 'supply_date_type', SUPPLY_DATE_TYPES) ?? currentType
  const raw = readText(body, 'supply_date', 200)
  if (raw === undefined) return { type, text: undefined, date: undefined }
  if (type === 'SUPPLY_TEXT' || type === 'DELIVERY_TEXT') return { type, text: raw, date: null }
  return { type: type ?? 'SUPPLY_DATE', text: null, date: readDate(body, 'supply_date') }
}

export function documentDraftFromWire(
  body: WireObject,
  items: readonly WireObject[] | undefined,
  lookups: DocumentLookups,
  current?: Pick<Invoice, 'extra' | 'currency'>,
  itemName = 'invoice-item',
): DocumentDraft {
  const client = (lookups.client?.extra.billomat ?? {}) as WireStrings
  const stored = current ? docExtraOf(current) : {}
  const settings = lookups.settings
  const currency = parseCurrencyCode(
    readText(body, 'currency_code') ??
      current?.currency ??
      lookups.client?.currency ??
      settings.currency_code ??
      lookups.organization.baseCurrency,
    'currency_code',
  )
  const netGross =
    readEnum(body, 'net_gross', ['NET', 'GROSS']) ?? (current ? undefined : clientNetGross(client, settings))
  const date = readDate(body, 'date') ?? (current ? undefined : lookups.today)
  const dueDays =
    readSmallInteger(body, 'due_days', 0, 3650) ??
    (current ? undefined : numberOrUndefined(clientDefault(client, 'due_days') ?? settings.due_days))
  const cash = readCashDiscount(body)
  const supply = readSupply(body, stored.supply_date_type)
  const reduction = readText(body, 'reduction', 40) ?? (current ? undefined : clientReduction(client))
  const freeText = lookups.freeText ?? {}
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, readText(body, field) ?? (current ? undefined : freeText[field])]),
  )
  const extra = mergeStrings(stored, {
    ...texts,
    ...Object.fromEntries(ID_FIELDS.map((field) => [field, idText(readId(body, field))])),
    ...readNumbering(body),
    supply_date_type: supply.type,
    supply_date: supply.text,
    due_days: dueDays?.toString(),
    discount_rate:
      cash.rate ?? (current ? undefined : (clientDefault(client, 'discount_rate') ?? settings.discount_rate)),
    discount_days:
      cash.days?.toString() ??
      (current ? undefined : (clientDefault(client, 'discount_days') ?? settings.discount_days)),
    discount_date: cash.date,
    quote: readDecimal(body, 'quote'),
    reduction,
  })
  const dueDate = readDate(body, 'due_date')
  const note = readText(body, 'note') ?? (current ? undefined : freeText.note)
  const lines = items?.map((item, index) =>
    withFieldPrefix(`${itemName}[${index}].`, () => {
      const articleId = readId(item, 'article_id')
      const article = articleId === undefined ? undefined : lookups.articles.get(articleId)
      return lineFromWire(
        item,
        { currency, defaultTax: lookups.defaultTax, ...(article ? { article } : {}) },
        index + 1,
      )
    }),
  )
  const draft: DocumentDraft['draft'] = {
    ...(lookups.client ? { contactId: lookups.client.contactId } : {}),
    currency,
    ...(date !== undefined ? { invoiceDate: date } : {}),
    ...(dueDate !== undefined ? { dueDate } : {}),
    ...(supply.date !== undefined ? { deliveryDate: supply.date } : {}),
    ...(dueDays !== undefined ? { paymentTermsDays: dueDays } : {}),
    ...(netGross !== undefined ? { priceBasis: netGross === 'GROSS' ? 'gross' : 'net' } : {}),
    roundingScope: 'document',
    ...(reduction !== undefined ? { documentDiscount: reductionOf(reduction, currency, 'reduction') } : {}),
    ...(note !== undefined ? { notes: note } : {}),
    ...(lines !== undefined ? { lines } : {}),
    extra: { ...(current?.extra ?? {}), billomat: extra },
  }
  return { draft, currency }
}

function numberOrUndefined(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined
  const value = Number(text)
  return Number.isInteger(value) && value >= 0 ? value : undefined
}

function clientNetGross(client: WireStrings, settings: Readonly<Record<string, string>>): string {
  return client.net_gross === 'NET' || client.net_gross === 'GROSS'
    ? client.net_gross
    : (settings.net_gross ?? 'NET')
}

/** A client's reduction is a percentage every new document of theirs starts with (§2.2). */
function clientReduction(client: WireStrings): string | undefined {
  const reduction = client.reduction
  return reduction && reduction !== '0' ? `${reduction}%` : undefined
}

/** The due date Billomat shows for a draft: explicit, or date plus due days. */
export function shownDueDate(invoice: Invoice): string | null {
  if (invoice.dueDate) return invoice.dueDate
  if (!invoice.invoiceDate || invoice.paymentTermsDays === null) return null
  return addDays(invoice.invoiceDate, invoice.paymentTermsDays)
}
