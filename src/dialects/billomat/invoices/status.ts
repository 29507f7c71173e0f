// Billomat's five statuses (DRAFT, OPEN, OVERDUE, PAID, CANCELED) named from the core's states.
// The core decides every transition; this only names them. A case with a collection partner is
// still unpaid and late, so Billomat sees OVERDUE; a fully credited or written-off invoice no
// longer claims anything, which Billomat calls CANCELED.

import { invalidField } from '../../../domain/errors.ts'
import type { InvoiceState } from '../../../domain/invoicing/lifecycle.ts'

export const BILLOMAT_STATUSES = ['DRAFT', 'OPEN', 'OVERDUE', 'PAID', 'CANCELED'] as const

export type BillomatStatus = (typeof BILLOMAT_STATUSES)[number]

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

export function statusOf(state: InvoiceState): BillomatStatus {
  return STATUS_OF_STATE[state]
}

/** The core states behind each status a client filters by. */
export function statesOf(statuses: readonly string[], field = 'status'): InvoiceState[] {
  return statuses.flatMap((status) => {
    const upper = status.toUpperCase()
    if (!(BILLOMAT_STATUSES as readonly string[]).includes(upper))
      throw invalidField(field, `${field} must be among ${BILLOMAT_STATUSES.join(', ')}, got ${status}`)
    return (Object.keys(STATUS_OF_STATE) as InvoiceState[]).filter(
      (state) => STATUS_OF_STATE[state] === upper && state !== 'deleted',
    )
  })
}
