// Reads a case with everything its recipient may see: its invoices, the events marked visible to
// the recipient, its offers, and the organization that sent it.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { Executor } from '../../storage/database.ts'
import { loadInvoice } from '../invoices/invoice-record.ts'

export type OfferItem = Readonly<{
  description: string
  unitPrice: string
  quantity: string
  vatRatePercent: string
}>

export type Offer = Readonly<{
  offerId: string
  kind: 'banner' | 'sale'
  title: string
  /** The body text shown under the title; absent on offers made before it existed. */
  text?: string | null
  /** Where a banner links to. */
  url: string | null
  /** What accepting a sale adds to the case. */
  items: readonly OfferItem[]
  acceptedAt: string | null
  createdAt?: string
  /** What a dialect keeps for its clients and the core does not read. */
  extra?: Readonly<Record<string, unknown>>
}>

export type CaseExtra = Readonly<{ offers?: readonly Offer[]; [key: string]: unknown }>

export type VisibleEvent = Readonly<{
  eventId: string
  type: string
  data: Readonly<Record<string, unknown>>
  occurredAt: string
}>

export type CaseView = Readonly<{
  organizationId: string
  caseId: string
  caseNo: bigint
  contactId: string
  organization: Readonly<{
    name: string
    country: string
    locale: string
    settings: Readonly<Record<string, unknown>>
  }>
  invoices: readonly Invoice[]
  events: readonly VisibleEvent[]
  offers: readonly Offer[]
}>

export async function loadCaseView(
  db: Executor,
  organizationId: string,
  caseId: string,
): Promise<CaseView | undefined> {
  const caseRow = await db
    .selectFrom('cases')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('case_id', '=', caseId)
    .executeTakeFirst()
  if (!caseRow) return undefined
  const [organization, invoiceIds, events] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['name', 'country', 'locale', 'settings'])
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('invoices')
      .select('invoice_id')
      .where('organization_id', '=', organizationId)
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('events')
      .select(['event_id', 'type', 'data', 'created_at'])
      .where('organization_id', '=', organizationId)
      .where('case_id', '=', caseId)
      .where('visible_to_recipient', '=', true)
      .orderBy('created_at')
      .orderBy('event_id')
      .execute(),
  ])
  const invoices: Invoice[] = []
  for (const { invoice_id } of invoiceIds) {
    const invoice = await loadInvoice(db, organizationId, invoice_id)
    if (invoice) invoices.push(invoice)
  }
  const extra = JSON.parse(caseRow.extra) as CaseExtra
  return {
    organizationId,
    caseId,
    caseNo: caseRow.case_no,
    contactId: caseRow.contact_id,
    organization: { ...organization, settings: JSON.parse(organization.settings) as Record<string, unknown> },
    invoices,
    events: events.map((event) => ({
      eventId: event.event_id,
      type: event.type,
      data: JSON.parse(event.data) as Record<string, unknown>,
      occurredAt: event.created_at,
    })),
    offers: extra.offers ?? [],
  }
}
