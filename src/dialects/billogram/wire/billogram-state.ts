// Billogram's state names (../shared/reference/billogram.md §4, the Java enum's spellings) for the
// core lifecycle of a case's primary invoice and its reminder level, and back for the `state` list
// filter. The core decides every transition; this only names them. An overdue billogram is
// `Overdue` until its first reminder, then `Reminder_1`, `Reminder_2`, `Reminder_3` and
// `Reminder_Many` from the fourth. The `Overdue` filter matches every overdue billogram, reminded
// or not, so a client that looks for late payers by `Overdue` finds them all. The partner states
// (Collection, Factoring, Sold, CollectorEnded, FactoringDenied) are read from the hand-over the
// invoice keeps, by the list filter too. States the core never reaches (Sending, Collecting) match
// nothing.

import { handoverOf } from '../../../core/dunning/collection-partner.ts'
import {
  COLLECTION_OUTCOMES,
  type CollectionOutcome,
} from '../../../core/dunning/record-collection-outcome.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { BillogramWireError } from '../errors.ts'
import type { Condition } from './list-query.ts'

export const BILLOGRAM_STATES = [
  'Unattested',
  'Sending',
  'Unpaid',
  'PartlyPaid',
  'Overdue',
  'Reminder_1',
  'Reminder_2',
  'Reminder_3',
  'Reminder_Many',
  'Collection',
  'Collecting',
  'CollectorEnded',
  'Factoring',
  'Sold',
  'FactoringDenied',
  'Paid',
  'Credited',
  'Ended',
  'Deleted',
] as const

export type BillogramState = (typeof BILLOGRAM_STATES)[number]

/** A stand-alone credit is open until it is all allocated or paid out, then Paid. */
function creditStateOf(credit: Invoice): BillogramState {
  if (credit.state === 'draft') return 'Unattested'
  if (credit.state === 'deleted') return 'Deleted'
  if (credit.state !== 'open') return 'Paid'
  return credit.paidMinor === 0n ? 'Unpaid' : 'PartlyPaid'
}

const REMINDER_STATES = ['Overdue', 'Reminder_1', 'Reminder_2', 'Reminder_3'] as const

/** The states of a case handed to a partner, which the invoice keeps with its hand-over. */
function partnerStateOf(primary: Invoice): BillogramState | undefined {
  const handover = handoverOf(primary)
  if (!handover) return undefined
  if (primary.state === 'collection') return handover.kind === 'factoring' ? 'Factoring' : 'Collection'
  if (handover.outcome === 'sold' && primary.state === 'paid') return 'Sold'
  if (handover.outcome === 'written_off' && primary.state === 'written_off') return 'CollectorEnded'
  if (handover.outcome === 'denied' && (primary.state === 'open' || primary.state === 'overdue'))
    return 'FactoringDenied'
  return undefined
}

/** `reminderLevel` is the number of reminders the primary invoice has had. */
export function billogramStateOf(primary: Invoice, reminderLevel = 0): BillogramState {
  if (primary.kind === 'credit_note') return creditStateOf(primary)
  const partner = partnerStateOf(primary)
  if (partner) return partner
  switch (primary.state) {
    case 'draft':
      return 'Unattested'
    case 'open':
      // An approved invoice that owes nothing (a zero total) is settled at once: Ended.
      if (primary.balanceMinor <= 0n) return 'Ended'
      return primary.paidMinor > 0n ? 'PartlyPaid' : 'Unpaid'
    case 'overdue':
      return REMINDER_STATES[reminderLevel] ?? 'Reminder_Many'
    case 'collection':
      return 'Collection'
    case 'paid':
      return 'Paid'
    case 'credited':
      return 'Credited'
    case 'written_off':
    case 'cancelled':
      return 'Ended'
    case 'deleted':
      return 'Deleted'
  }
}

type Groups = readonly (readonly Filter[])[]

const NOTHING: Groups = [[{ field: 'state', op: 'in', value: [] }]]

// The hand-over the invoice keeps (its extra), as the list filter reads it: the kind of partner
// and the outcome it recorded, each null when there is none.
const KIND = 'extra.handover.kind'
const OUTCOME = 'extra.handover.outcome'

const inState = (state: string): Filter => ({ field: 'state', op: 'eq', value: state })
const noOutcome: Filter = { field: OUTCOME, op: 'isNull' }
const owing: Filter = { field: 'balanceMinor', op: 'gt', value: 0n }

/** `state` with no outcome, or with any outcome but `shownAs`, which gives it a partner state. */
function withoutOutcome(state: Filter, extra: readonly Filter[], shownAs: CollectionOutcome): Groups {
  const others = COLLECTION_OUTCOMES.filter((outcome) => outcome !== shownAs)
  return [
    [state, ...extra, noOutcome],
    [state, ...extra, { field: OUTCOME, op: 'in', value: others }],
  ]
}

/** An open or overdue invoice is FactoringDenied after a factor refused it, as billogramStateOf. */
const notDenied = (state: Filter, extra: readonly Filter[] = []): Groups =>
  withoutOutcome(state, extra, 'denied')

function reminded(op: 'eq' | 'gte', level: bigint): Groups {
  return notDenied(inState('overdue'), [{ field: 'reminderLevel', op, value: level }])
}

const CORE_FILTERS: Readonly<Record<BillogramState, Groups>> = {
  Unattested: [[inState('draft')]],
  Unpaid: notDenied(inState('open'), [owing, { field: 'paidMinor', op: 'eq', value: 0n }]),
  PartlyPaid: notDenied(inState('open'), [owing, { field: 'paidMinor', op: 'gt', value: 0n }]),
  Overdue: notDenied(inState('overdue')),
  Reminder_1: reminded('eq', 1n),
  Reminder_2: reminded('eq', 2n),
  Reminder_3: reminded('eq', 3n),
  Reminder_Many: reminded('gte', 4n),
  // A case in collection without a factoring hand-over is shown as Collection.
  Collection: [
    [inState('collection'), { field: KIND, op: 'isNull' }],
    [inState('collection'), { field: KIND, op: 'eq', value: 'collection' }],
  ],
  Factoring: [[inState('collection'), { field: KIND, op: 'eq', value: 'factoring' }]],
  Sold: [[inState('paid'), { field: OUTCOME, op: 'eq', value: 'sold' }]],
  CollectorEnded: [[inState('written_off'), { field: OUTCOME, op: 'eq', value: 'written_off' }]],
  FactoringDenied: [
    [
      { field: 'state', op: 'in', value: ['open', 'overdue'] },
      { field: OUTCOME, op: 'eq', value: 'denied' },
    ],
  ],
  Paid: withoutOutcome(inState('paid'), [], 'sold'),
  Credited: [[inState('credited')]],
  // An open invoice that owes nothing (a zero total) is Ended, as billogramStateOf shows it.
  Ended: [
    [inState('cancelled')],
    [inState('open'), { field: 'balanceMinor', op: 'lte', value: 0n }],
    ...withoutOutcome(inState('written_off'), [], 'written_off'),
  ],
  Deleted: [[inState('deleted')]],
  Sending: NOTHING,
  Collecting: NOTHING,
}

/** `Paid,Credited` (Python's filter_state_any) is any of the named states. */
export function stateCondition(value: string): Condition {
  const groups = value.split(',').map((name) => {
    const state = BILLOGRAM_STATES.find((candidate) => candidate === name.trim())
    if (!state)
      throw new BillogramWireError('INVALID_QUERY_PARAMETER', `unknown state ${name.trim()}`, [
        'filter_value',
      ])
    return CORE_FILTERS[state]
  })
  return { anyOf: groups.flat() }
}
