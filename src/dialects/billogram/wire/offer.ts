// Offers on a billogram: a banner (a link) or a sale (items the recipient can add to the case on the
// invoice page). The fields are those of the vendor's offer object (offer_id, type, title, text,
// info_link, link_text, media); a sale's `items` are this server's, since the vendor's sale fields
// are not published. Timestamps are ISO 8601, as the vendor's offer object writes them.

import type { Offer, OfferItem } from '../../../core/cases/case-record.ts'
import type { OfferInput } from '../../../core/cases/offers.ts'
import { BillogramWireError, type FieldNames, type FieldPath } from '../errors.ts'
import { checkVat } from './item.ts'
import { readChoice, readDecimal, readList, readObject, readText, readWhole, requireValue } from './read.ts'
import { type Catalog, checkBody, type JsonObject } from './strict-body.ts'
import { decimalOut, type RawNumber } from './values.ts'

const OFFER_ITEM: Catalog = { title: 'w', price: 'w', vat: 'w', count: 'w' }

export const OFFER_CREATE: Catalog = {
  offer_id: 'w',
  type: 'w',
  title: 'w',
  text: 'w',
  info_link: 'w',
  link_text: 'w',
  media: { object: { picture: 'w', picture_type: 'w' } },
  items: { list: OFFER_ITEM },
  accepted_at: 'r',
  created_at: 'r',
  updated_at: 'r',
}

/** The core's names for what it refuses, as the wire names them. */
export const OFFER_FIELD_NAMES: FieldNames = [
  [/^offerId$/, 'offer_id'],
  [/^kind$/, 'type'],
  [/^url$/, 'info_link'],
  [/^items\.(\d+)\.description$/, 'items.$1.title'],
  [/^items\.(\d+)\.unitPrice$/, 'items.$1.price'],
  [/^items\.(\d+)\.quantity$/, 'items.$1.count'],
  [/^items\.(\d+)\.vatRatePercent$/, 'items.$1.vat'],
]

const PICTURE_TYPES = ['image/png', 'image/jpeg'] as const
const MAX_PICTURE_BYTES = 1024 * 1024

function invalid(path: FieldPath, message: string): BillogramWireError {
  return new BillogramWireError('INVALID_PARAMETER', message, path)
}

function mediaOf(body: JsonObject): JsonObject | undefined {
  const media = readObject(body, 'media')
  if (!media) return undefined
  const pictureType = requireValue(
    readChoice(media, 'picture_type', PICTURE_TYPES, ['media']),
    ['media', 'picture_type'],
    'picture_type',
  )
  const picture = requireValue(
    readText(media, 'picture', ['media'], 2 * MAX_PICTURE_BYTES),
    ['media', 'picture'],
    'picture',
  )
  const bytes = Buffer.from(picture, 'base64')
  if (
    bytes.length === 0 ||
    bytes.length > MAX_PICTURE_BYTES ||
    bytes.toString('base64') !== picture.replace(/\s/g, '')
  )
    throw invalid(['media', 'picture'], 'picture must be base64 of at most 1 MB')
  return { picture, picture_type: pictureType }
}

function saleItemOf(item: JsonObject, index: number): OfferItem {
  const at = ['items', index]
  const title = requireValue(readText(item, 'title', at, 100), [...at, 'title'], 'title')
  if (title.trim() === '') throw invalid([...at, 'title'], 'title must not be empty')
  const price = requireValue(readDecimal(item, 'price', at), [...at, 'price'], 'price')
  const vat = requireValue(readWhole(item, 'vat', at), [...at, 'vat'], 'vat')
  checkVat(vat, at)
  const count = readDecimal(item, 'count', at) ?? 1
  if (Number(count) <= 0) throw invalid([...at, 'count'], 'count must be more than 0')
  return {
    description: title,
    unitPrice: String(price),
    quantity: String(count),
    vatRatePercent: String(vat),
  }
}

function saleItemsOf(body: JsonObject, type: 'banner' | 'sale'): readonly OfferItem[] {
  const items = readList(body, 'items')
  if (type === 'banner') {
    if (items && items.length > 0) throw invalid(['items'], 'a banner has no items; use type sale')
    return []
  }
  if (!items || items.length === 0) throw invalid(['items'], 'a sale needs at least one item')
  return items.map(saleItemOf)
}

/** A POST body as the core's offer, every refusal naming the wire field. */
export function offerFromWire(body: JsonObject): OfferInput {
  checkBody(body, OFFER_CREATE)
  const offerId = requireValue(readText(body, 'offer_id', [], 30), ['offer_id'], 'offer_id')
  if (!/^[A-Za-z0-9]+$/.test(offerId)) throw invalid(['offer_id'], 'offer_id must be letters and digits')
  const type = requireValue(readChoice(body, 'type', ['banner', 'sale'] as const), ['type'], 'type')
  const title = requireValue(readText(body, 'title', [], 200), ['title'], 'title')
  if (title.trim() === '') throw invalid(['title'], 'title must not be empty')
  const text = requireValue(readText(body, 'text', [], 1000), ['text'], 'text')
  const url = requireValue(readText(body, 'info_link', [], 1000), ['info_link'], 'info_link')
  if (!/^https?:\/\/\S+$/.test(url))
    throw invalid(['info_link'], 'info_link must start with http:// or https://')
  const linkText = readText(body, 'link_text', [], 200)
  const media = mediaOf(body)
  return {
    offerId,
    kind: type,
    title,
    text,
    url,
    items: saleItemsOf(body, type),
    extra: { ...(linkText === undefined ? {} : { linkText }), ...(media ? { media } : {}) },
  }
}

function itemOut(item: OfferItem): Record<string, string | RawNumber> {
  return {
    title: item.description,
    price: decimalOut(item.unitPrice),
    vat: decimalOut(item.vatRatePercent),
    count: decimalOut(item.quantity),
  }
}

export function offerToWire(offer: Offer): Record<string, unknown> {
  const extra = offer.extra ?? {}
  return {
    offer_id: offer.offerId,
    type: offer.kind,
    title: offer.title,
    text: offer.text ?? null,
    info_link: offer.url,
    link_text: typeof extra.linkText === 'string' ? extra.linkText : null,
    media: extra.media ?? null,
    ...(offer.kind === 'sale' ? { items: offer.items.map(itemOut) } : {}),
    accepted_at: offer.acceptedAt,
    created_at: offer.createdAt ?? null,
    updated_at: offer.acceptedAt ?? offer.createdAt ?? null,
  }
}
