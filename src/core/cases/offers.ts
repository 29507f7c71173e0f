// Offers attached to a case: a banner (a link shown on the recipient's page) or a sale (items the
// recipient can accept). Accepting a sale bills its items at once, as a new approved invoice in
// the same case, in the same transaction that marks the offer accepted: issued invoices are
// never edited, so an accepted sale cannot be added to one.

import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { parseDecimal } from '../../domain/money/decimal.ts'
import { forUpdate } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { approveWithin } from '../invoices/approve-invoice.ts'
import { createWithin } from '../invoices/create-invoice.ts'
import type { CaseExtra, Offer, OfferItem } from './case-record.ts'
import { getCaseByToken } from './get-case-by-token.ts'

export type OfferInput = Readonly<{
  /** The client's own id for the offer (letters and digits); one is made when absent. */
  offerId?: string
  kind: 'banner' | 'sale'
  title: string
  text?: string | null
  /** Where the offer links to: required for a banner, optional for a sale. */
  url?: string | null
  items?: readonly OfferItem[]
  extra?: Readonly<Record<string, unknown>>
}>

const MAX_OFFERS_PER_CASE = 10
const URL_PATTERN = /^https?:\/\/[^\s]+$/

function checkUrl(input: OfferInput): string | null {
  if (input.url === undefined || input.url === null) {
    if (input.kind === 'banner') throw invalidField('url', 'a banner needs an http or https url')
    return null
  }
  if (typeof input.url !== 'string' || input.url.length > 1000 || !URL_PATTERN.test(input.url))
    throw invalidField('url', 'url must be an http or https address of at most 1000 characters')
  return input.url
}

function checkItems(input: OfferInput): readonly OfferItem[] {
  if (input.kind === 'banner') return []
  const items = input.items ?? []
  if (items.length === 0) throw invalidField('items', 'a sale needs at least one item')
  items.forEach((item, index) => {
    if (typeof item.description !== 'string' || item.description.trim() === '')
      throw invalidField(`items.${index}.description`, 'description must not be empty')
    parseDecimal(item.unitPrice, `items.${index}.unitPrice`)
    parseDecimal(item.quantity, `items.${index}.quantity`)
    parseDecimal(item.vatRatePercent, `items.${index}.vatRatePercent`)
  })
  return items
}

function checkOffer(input: OfferInput, createdAt: string): Offer {
  if (input.kind !== 'banner' && input.kind !== 'sale')
    throw invalidField('kind', 'an offer is a banner or a sale')
  if (input.offerId !== undefined && !/^[A-Za-z0-9]{1,30}$/.test(input.offerId))
    throw invalidField('offerId', 'an offer id is 1 to 30 letters and digits')
  if (typeof input.title !== 'string' || input.title.trim() === '' || input.title.length > 200)
    throw invalidField('title', 'title must be 1 to 200 characters')
  const text = input.text ?? null
  if (text !== null && (typeof text !== 'string' || text.length > 1000))
    throw invalidField('text', 'text must be at most 1000 characters')
  return {
    offerId: input.offerId ?? newId(),
    kind: input.kind,
    title: input.title.trim(),
    text,
    url: checkUrl(input),
    items: checkItems(input),
    acceptedAt: null,
    createdAt,
    ...(input.extra ? { extra: input.extra } : {}),
  }
}

export async function attachOffer(
  context: CoreContext,
  tenant: Tenant,
  caseId: string,
  input: OfferInput,
): Promise<Offer> {
  const now = nowIso(context)
  const offer = checkOffer(input, now)
  await context.storage.db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      context.storage,
      tx
        .selectFrom('cases')
        .select('extra')
        .where('organization_id', '=', tenant.organizationId)
        .where('case_id', '=', caseId),
    ).executeTakeFirst()
    if (!row) throw notFound('case', caseId)
    const extra = JSON.parse(row.extra) as CaseExtra
    const offers = extra.offers ?? []
    if (offers.length >= MAX_OFFERS_PER_CASE)
      throw new DomainError('limit_exceeded', `a case has at most ${MAX_OFFERS_PER_CASE} offers`, {
        field: 'offers',
      })
    // Ids are case-insensitive, as the recipient's page and clients may write them either way.
    if (offers.some((existing) => existing.offerId.toLowerCase() === offer.offerId.toLowerCase()))
      throw new DomainError('conflict', `the case already has an offer ${offer.offerId}`, {
        field: 'offerId',
      })
    await tx
      .updateTable('cases')
      .set({ extra: JSON.stringify({ ...extra, offers: [...offers, offer] }), updated_at: now })
      .where('organization_id', '=', tenant.organizationId)
      .where('case_id', '=', caseId)
      .execute()
  })
  return offer
}

/** Called from the recipient's page; returns the new invoice's id. */
export async function acceptOffer(context: CoreContext, token: string, offerId: string): Promise<string> {
  const view = await getCaseByToken(context, token)
  const tenant = { organizationId: view.organizationId }
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      context.storage,
      tx
        .selectFrom('cases')
        .select('extra')
        .where('organization_id', '=', view.organizationId)
        .where('case_id', '=', view.caseId),
    ).executeTakeFirstOrThrow()
    const extra = JSON.parse(row.extra) as CaseExtra
    const offer = (extra.offers ?? []).find((candidate) => candidate.offerId === offerId)
    if (offer?.kind !== 'sale') throw notFound('offer', offerId)
    if (offer.acceptedAt)
      throw new DomainError('wrong_state', 'this offer was already accepted', { field: 'offerId' })
    const invoiceId = await createWithin(
      context,
      tx,
      tenant,
      { contactId: view.contactId, lines: offer.items.map((item) => ({ ...item })), notes: offer.title },
      { caseId: view.caseId },
    )
    await approveWithin(context, tx, tenant, invoiceId)
    const offers = (extra.offers ?? []).map((candidate) =>
      candidate.offerId === offerId ? { ...candidate, acceptedAt: now } : candidate,
    )
    await tx
      .updateTable('cases')
      .set({ extra: JSON.stringify({ ...extra, offers }), updated_at: now })
      .where('organization_id', '=', view.organizationId)
      .where('case_id', '=', view.caseId)
      .execute()
    await recordAndAnnounce(tx, {
      organizationId: view.organizationId,
      caseId: view.caseId,
      invoiceId,
      type: 'offer.accepted',
      data: { offerId, title: offer.title },
      visibleToRecipient: true,
      occurredAt: now,
    })
    return invoiceId
  })
}
