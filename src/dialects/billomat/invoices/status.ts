// Billomat's five statuses (DRAFT, OPEN, OVERDUE, PAID, CANCELED) named from the core's states.
// The core decides every transition; this only names them. A case with a collection partner is
// still unpaid and late, so Billomat sees OVERDUE. An invoice closed by credits or a write-off is
// PAID when money was received on it (the rest forgiven, as a cash discount is) and CANCELED when
// none was.

import type { Filter } from '../../../core/queries/list-spec.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { InvoiceState } from '../../../domain/invoicing/lifecycle.ts'

export const BILLOMAT_STATUSES = ['DRAFT', 'OPEN', 'OVERDUE', 'PAID', 'CANCELED'] as const

export type BillomatStatus = (typeof BILLOMAT_STATUSES)[number]

const CLOSED_WITHOUT_PAYMENT = ['credited', 'written_off'] as const

const STATUS_OF_STATE = {
  draft: 'DRAFT',
  open: 'OPEN',
  overdue: 'OVERDUE',
  collection: 'OVERDUE',
  paid: 'PAID',
  credited: 'CANCELED',
  written_off: 'CANCELED',
  cancelled: 'CANCELED',
  deleted: 'CANCELED',
} as const satisfies Record<InvoiceState, BillomatStatus>

export function statusOf(state: InvoiceState, paidMinor = 0n): BillomatStatus {
  if (paidMinor > 0n && (CLOSED_WITHOUT_PAYMENT as readonly string[]).includes(state)) return 'PAID'
  return STATUS_OF_STATE[state]
}

/** The filter groups, any of which selects a document in one of `statuses` (an OR list). */
export function statusFilters(statuses: readonly string[], field = 'status'): Filter[][] {
  return statuses.flatMap((status): Filter[][] => {
    const upper = status.toUpperCase()
    if (!(BILLOMAT_STATUSES as readonly string[]).includes(upper))
      throw invalidField(field, `${field} must be among ${BILLOMAT_STATUSES.join(', ')}, got ${status}`)
    const states = (Object.keys(STATUS_OF_STATE) as InvoiceState[]).filter(
      (state) =>
        STATUS_OF_STATE[state] === upper &&
        state !== 'deleted' &&
        !(CLOSED_WITHOUT_PAYMENT as readonly string[]).includes(state),
    )
    const closed: Filter[][] =
      upper === 'PAID' || upper === 'CANCELED'
        ? [
            [
              { field: 'state', op: 'in', value: [...CLOSED_WITHOUT_PAYMENT] },
              { field: 'paidMinor', op: upper === 'PAID' ? 'gt' : 'eq', value: 0n },
            ],
          ]
        : []
    return [
      ...(states.length > 0 ? [[{ field: 'state', op: 'in', value: states } as Filter]] : []),
      ...closed,
    ]
  })
}

/** Billomat's status key for a core state in grouped totals, where amounts are not at hand. */
export function groupStatusOf(state: InvoiceState): BillomatStatus {
  return STATUS_OF_STATE[state]
}
