// Sales documents: offers, order confirmations, delivery notes and letters. They are priced like
// invoices (the same lines, totals and tax breakdown) but are no claim: nothing is posted to the
// ledger and nothing is owed. The invariant this file protects: every state change goes through
// nextSalesState(), which reads one lifecycle table and the actions each kind allows.

import { DomainError } from '../errors.ts'
import type { InvoiceLine, StoredDiscount, TaxBreakdownLine } from '../invoicing/invoice.ts'
import type { PriceBasis, RoundingScope } from '../tax/compute-vat.ts'

export const SALES_DOCUMENT_KINDS = ['offer', 'confirmation', 'delivery_note', 'letter'] as const

export type SalesDocumentKind = (typeof SALES_DOCUMENT_KINDS)[number]

/** open: issued and standing; cleared: invoiced (or otherwise settled outside the document). */
export type SalesDocumentState = 'draft' | 'open' | 'won' | 'lost' | 'cancelled' | 'cleared'

export type SalesAction = 'complete' | 'win' | 'lose' | 'cancel' | 'uncancel' | 'clear' | 'unclear'

/**
 * An invoice line that may be optional: offered with its price but outside the totals (see
 * sales-pricing.ts) and carried into an invoice only when the customer chose it.
 */
export type SalesLine = InvoiceLine & Readonly<{ optional: boolean; chosen: boolean }>

export type SalesDocument = Readonly<{
  documentId: string
  /** A whole number unique per organization and kind, for vendors whose ids are integers. */
  documentSeq: bigint
  kind: SalesDocumentKind
  state: SalesDocumentState
  priorState: SalesDocumentState | null
  /** A letter may be written to no customer (a supplier or anyone, by its address alone). */
  contactId: string | null
  currency: string
  seriesKey: string
  numberSeq: bigint | null
  number: string | null
  documentDate: string | null
  /** An offer's validity date. */
  validUntil: string | null
  priceBasis: PriceBasis
  roundingScope: RoundingScope
  documentDiscount: StoredDiscount | null
  locale: string
  notes: string | null
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
  unreducedNetMinor: bigint
  unreducedGrossMinor: bigint
  documentDiscountMinor: bigint
  breakdown: readonly TaxBreakdownLine[]
  lines: readonly SalesLine[]
  /** The recipient's page token (offers, confirmations and delivery notes); null for letters. */
  pageToken: string | null
  extra: Readonly<Record<string, unknown>>
  version: number
  completedAt: string | null
  createdAt: string
  updatedAt: string
}>

/** 'prior' is the state the document had before it was cancelled or cleared. */
type Target = SalesDocumentState | 'prior'

const LIFECYCLE: Readonly<Record<SalesDocumentState, Partial<Record<SalesAction, Target>>>> = {
  draft: { complete: 'open' },
  open: { win: 'won', lose: 'lost', cancel: 'cancelled', clear: 'cleared' },
  won: { lose: 'lost', cancel: 'cancelled', clear: 'cleared' },
  lost: { win: 'won', cancel: 'cancelled' },
  cancelled: { uncancel: 'prior' },
  cleared: { unclear: 'prior' },
}

/** An offer is won, lost and invoiced; a confirmation is invoiced; the others are only issued. */
const ACTIONS_OF_KIND: Readonly<Record<SalesDocumentKind, readonly SalesAction[]>> = {
  offer: ['complete', 'win', 'lose', 'cancel', 'uncancel', 'clear', 'unclear'],
  confirmation: ['complete', 'cancel', 'uncancel', 'clear', 'unclear'],
  delivery_note: ['complete'],
  letter: ['complete'],
}

export function nextSalesState(
  document: Pick<SalesDocument, 'kind' | 'state' | 'priorState'>,
  action: SalesAction,
): SalesDocumentState {
  if (!ACTIONS_OF_KIND[document.kind].includes(action))
    throw new DomainError('wrong_state', `a ${document.kind.replace('_', ' ')} cannot be told to ${action}`, {
      state: document.state,
    })
  const target = LIFECYCLE[document.state][action]
  if (target === undefined)
    throw new DomainError(
      'wrong_state',
      `a ${document.state} ${document.kind.replace('_', ' ')} cannot ${action}`,
      {
        state: document.state,
      },
    )
  return target === 'prior' ? (document.priorState ?? 'open') : target
}

/** The state to remember for uncancel and unclear: the one left by a cancel or a clear. */
export function priorStateAfter(
  document: Pick<SalesDocument, 'state' | 'priorState'>,
  action: SalesAction,
): SalesDocumentState | null {
  if (action === 'cancel' || action === 'clear') return document.state
  if (action === 'uncancel' || action === 'unclear') return null
  return document.priorState
}

/** Whether the lifecycle lets `action` happen now (without raising the refusal). */
export function allowsSalesAction(
  document: Pick<SalesDocument, 'kind' | 'state' | 'priorState'>,
  action: SalesAction,
): boolean {
  return ACTIONS_OF_KIND[document.kind].includes(action) && LIFECYCLE[document.state][action] !== undefined
}
