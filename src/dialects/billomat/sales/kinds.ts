// Billomat's sales documents (appendix: angebote, auftragsbestaetigungen, lieferscheine, briefe)
// described once each: path and element names, the number and id fields, the settings keys their
// numbers and file names come from, the statuses they show, and the actions they take.

import type {
  SalesAction,
  SalesDocumentKind,
  SalesDocumentState,
} from '../../../domain/sales/sales-document.ts'

export type SalesKind = Readonly<{
  kind: SalesDocumentKind
  path: string
  element: string
  /** The id field children and other documents name it by, e.g. offer_id. */
  idField: string
  /** The number field (offer_number); letters have none. */
  numberField?: string
  /** The settings prefix of `*_number_pre`, `*_number_length` and `*_filename`. */
  settingsKey: string
  /** The placeholder entity, as in [Offer.offer_number]. */
  entity: string
  /** The email template type (§2.11 email-templates) whose default fills an email. */
  emailTemplateType?: string
  /** Billomat's status for each core state this kind can be in. */
  statuses: Readonly<Partial<Record<SalesDocumentState, string>>>
  /** State actions beyond complete, as PUT /{path}/{id}/{action}. */
  actions: readonly Exclude<SalesAction, 'complete'>[]
  /** Whether it carries items and totals (letters carry text only). */
  priced: boolean
  /** Whether its wire form shows totals and taxes (a delivery note lists goods, not prices). */
  showsTotals: boolean
}>

export const OFFERS: SalesKind = {
  kind: 'offer',
  path: 'offers',
  element: 'offer',
  idField: 'offer_id',
  numberField: 'offer_number',
  settingsKey: 'offer',
  entity: 'Offer',
  emailTemplateType: 'OFFERS',
  statuses: {
    draft: 'DRAFT',
    open: 'OPEN',
    won: 'WON',
    lost: 'LOST',
    cancelled: 'CANCELED',
    cleared: 'CLEARED',
  },
  actions: ['win', 'lose', 'cancel', 'uncancel', 'clear', 'unclear'],
  priced: true,
  showsTotals: true,
}

export const CONFIRMATIONS: SalesKind = {
  kind: 'confirmation',
  path: 'confirmations',
  element: 'confirmation',
  idField: 'confirmation_id',
  numberField: 'confirmation_number',
  settingsKey: 'confirmation',
  entity: 'Confirmation',
  emailTemplateType: 'CONFIRMATIONS',
  statuses: { draft: 'DRAFT', open: 'OPEN', cancelled: 'CANCELED', cleared: 'CLEARED' },
  actions: ['cancel', 'uncancel', 'clear', 'unclear'],
  priced: true,
  showsTotals: true,
}

export const DELIVERY_NOTES: SalesKind = {
  kind: 'delivery_note',
  path: 'delivery-notes',
  element: 'delivery-note',
  idField: 'delivery_note_id',
  numberField: 'delivery_note_number',
  settingsKey: 'delivery_note',
  entity: 'DeliveryNote',
  emailTemplateType: 'DELIVERY_NOTES',
  statuses: { draft: 'DRAFT', open: 'CREATED' },
  actions: [],
  priced: true,
  showsTotals: false,
}

export const LETTERS: SalesKind = {
  kind: 'letter',
  path: 'letters',
  element: 'letter',
  idField: 'letter_id',
  settingsKey: 'letter',
  entity: 'Letter',
  statuses: { draft: 'DRAFT', open: 'CREATED' },
  actions: [],
  priced: false,
  showsTotals: false,
}

export const SALES_KINDS: readonly SalesKind[] = [OFFERS, CONFIRMATIONS, DELIVERY_NOTES, LETTERS]

export function statusOfSales(kind: SalesKind, state: SalesDocumentState): string {
  return kind.statuses[state] ?? state.toUpperCase()
}
