// A sales document's body read into the core's sales draft. Offers, confirmations and delivery
// notes are read by the invoice body's reader (client, date, texts, reduction, currency, price
// basis, items inline) so the same body means the same thing on every document; an offer adds
// its validity (validity_days from the client's offer_validity_days when its type is ABSOLUTE or
// RELATIVE, else the settings; validity_date = date + validity_days). A letter
// is its texts and its addressee (client, contact or supplier).

import type { SalesDraftInput } from '../../../core/sales/resolve-sales-draft.ts'
import { addDays } from '../../../domain/calendar/dates.ts'
import type { SalesDocument } from '../../../domain/sales/sales-document.ts'
import { docExtraOf, mergeStrings, type WireStrings } from '../invoices/extra.ts'
import { clientDefault, documentDraftFromWire } from '../invoices/from-wire.ts'
import type { DocumentLookups } from '../invoices/lookups.ts'
import type { WireObject } from '../wire/body.ts'
import { readDate, readId, readSmallInteger, readText } from '../wire/read.ts'
import type { SalesKind } from './kinds.ts'

/** Invoice-only fields the shared reader fills with defaults, which a sales document does not keep. */
const INVOICE_ONLY = ['due_days', 'discount_rate', 'discount_days', 'discount_date', 'payment_types']

function validity(
  body: WireObject,
  lookups: DocumentLookups,
  current: SalesDocument | undefined,
  documentDate: string | null | undefined,
) {
  const stored = current ? docExtraOf(current).validity_days : undefined
  const days =
    readSmallInteger(body, 'validity_days', 0, 3650)?.toString() ??
    stored ??
    (current
      ? undefined
      : (clientDefault((lookups.client?.extra.billomat ?? {}) as WireStrings, 'offer_validity_days') ??
        lookups.settings.offer_validity_days))
  const given = readDate(body, 'validity_date')
  const date = documentDate ?? current?.documentDate ?? null
  const derived = days !== undefined && date ? addDays(date, Number(days)) : undefined
  return { days, validUntil: given ?? (given === null ? null : derived) }
}

export function pricedDraftFromWire(
  kind: SalesKind,
  body: WireObject,
  items: readonly WireObject[] | undefined,
  lookups: DocumentLookups,
  current?: SalesDocument,
): Partial<SalesDraftInput> {
  const { draft } = documentDraftFromWire(body, items, lookups, current, `${kind.element}-item`)
  const billomat = { ...((draft.extra?.billomat ?? {}) as Record<string, string>) }
  if (!current) for (const field of INVOICE_ONLY) if (body[field] === undefined) delete billomat[field]
  const offer = kind.kind === 'offer' ? validity(body, lookups, current, draft.invoiceDate) : undefined
  if (offer?.days !== undefined) billomat.validity_days = offer.days
  return {
    ...(draft.contactId ? { contactId: draft.contactId } : {}),
    currency: draft.currency ?? null,
    ...(draft.invoiceDate !== undefined ? { documentDate: draft.invoiceDate } : {}),
    ...(offer?.validUntil !== undefined ? { validUntil: offer.validUntil } : {}),
    ...(draft.priceBasis !== undefined ? { priceBasis: draft.priceBasis } : {}),
    roundingScope: 'document',
    ...(draft.documentDiscount !== undefined ? { documentDiscount: draft.documentDiscount } : {}),
    ...(draft.notes !== undefined ? { notes: draft.notes } : {}),
    ...(draft.lines !== undefined ? { lines: draft.lines } : {}),
    extra: { ...draft.extra, billomat },
  }
}

const LETTER_TEXTS = ['subject', 'label', 'intro', 'address', 'customfield'] as const
const LETTER_IDS = ['contact_id', 'supplier_id', 'free_text_id', 'template_id'] as const

export function letterDraftFromWire(
  body: WireObject,
  lookups: DocumentLookups,
  current?: SalesDocument,
): Partial<SalesDraftInput> {
  const freeText = current ? {} : (lookups.freeText ?? {})
  const texts = Object.fromEntries(
    LETTER_TEXTS.map((field) => [
      field,
      readText(body, field) ?? (field === 'subject' ? freeText.title : freeText[field]),
    ]),
  )
  const ids = Object.fromEntries(LETTER_IDS.map((field) => [field, readId(body, field)?.toString()]))
  const documentDate = readDate(body, 'date') ?? (current ? undefined : lookups.today)
  const billomat = mergeStrings(current ? docExtraOf(current) : {}, { ...texts, ...ids })
  return {
    ...(lookups.client ? { contactId: lookups.client.contactId } : current ? {} : { contactId: null }),
    ...(documentDate !== undefined ? { documentDate } : {}),
    lines: [],
    extra: { ...(current?.extra ?? {}), billomat },
  }
}
