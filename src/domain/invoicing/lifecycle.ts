// The one lifecycle of invoices and credit notes. Every state change in the code base goes
// through nextState(); a missing cell means the action is refused in that state. Dialects name
// these states in their vendor's words (Billogram Unattested/Unpaid/Overdue/..., Billomat
// DRAFT/OPEN/OVERDUE/PAID/CANCELED, Billy draft/approved/voided) but never decide a transition.

import { DomainError } from '../errors.ts'

export const INVOICE_STATES = [
  'draft',
  'open',
  'overdue',
  'collection',
  'paid',
  'credited',
  'written_off',
  'cancelled',
  'deleted',
] as const

export type InvoiceState = (typeof INVOICE_STATES)[number]

export const INVOICE_ACTIONS = [
  'approve',
  'delete',
  'payPartly',
  'payInFull',
  'becomeOverdue',
  'grantRespite',
  'remind',
  'addFee',
  'creditPartly',
  'creditInFull',
  'writeOff',
  'cancel',
  'uncancel',
  'collect',
  'sell',
  'returnFromPartner',
  'reversePayment',
  'writeDown',
  'revertWriteDown',
] as const

export type InvoiceAction = (typeof INVOICE_ACTIONS)[number]

type Lifecycle = Readonly<Record<InvoiceState, Readonly<Partial<Record<InvoiceAction, InvoiceState>>>>>

// Partial payments and partial credits keep the state: "partly paid" is derived from the amounts.
// A respite takes an overdue invoice back to open until its new due date. A voided payment
// (reversePayment) gives back what it paid: a paid invoice owes again and is open until the
// overdue check moves it on. A credited invoice refuses it: crediting already moved what it had
// been paid to the contact's balance. A factoring partner buys an invoice before it is due, so
// `sell` leaves open invoices too; a partner that gives a case back (factoring denied, collection
// called off) returns it open, and the overdue check moves it on when its due date has passed.
// A write-down (a provision for a claim feared lost) and its reversal leave the state: the claim
// is still owed, so only an invoice that is owed something may be written down.
const LIFECYCLE = {
  draft: { approve: 'open', delete: 'deleted' },
  open: {
    payPartly: 'open',
    payInFull: 'paid',
    becomeOverdue: 'overdue',
    grantRespite: 'open',
    addFee: 'open',
    creditPartly: 'open',
    creditInFull: 'credited',
    writeOff: 'written_off',
    cancel: 'cancelled',
    sell: 'collection',
    reversePayment: 'open',
    writeDown: 'open',
    revertWriteDown: 'open',
  },
  overdue: {
    payPartly: 'overdue',
    payInFull: 'paid',
    grantRespite: 'open',
    remind: 'overdue',
    addFee: 'overdue',
    creditPartly: 'overdue',
    creditInFull: 'credited',
    writeOff: 'written_off',
    cancel: 'cancelled',
    collect: 'collection',
    sell: 'collection',
    reversePayment: 'overdue',
    writeDown: 'overdue',
    revertWriteDown: 'overdue',
  },
  collection: {
    payPartly: 'collection',
    payInFull: 'paid',
    addFee: 'collection',
    creditPartly: 'collection',
    creditInFull: 'credited',
    writeOff: 'written_off',
    returnFromPartner: 'open',
    reversePayment: 'collection',
    writeDown: 'collection',
    revertWriteDown: 'collection',
  },
  // A paid invoice may still be credited (a refund): the credited amount goes to the contact's balance.
  paid: {
    payPartly: 'paid',
    payInFull: 'paid',
    creditPartly: 'paid',
    creditInFull: 'credited',
    reversePayment: 'open',
  },
  credited: {},
  written_off: { payPartly: 'written_off', payInFull: 'written_off', reversePayment: 'written_off' },
  cancelled: { uncancel: 'open' },
  deleted: {},
} as const satisfies Lifecycle

export function nextState(state: InvoiceState, action: InvoiceAction): InvoiceState {
  const next = (LIFECYCLE as Lifecycle)[state][action]
  if (next === undefined) {
    throw new DomainError('wrong_state', `cannot ${action} an invoice that is ${state.replace('_', ' ')}`, {
      state,
      action,
    })
  }
  return next
}

export function canTransition(state: InvoiceState, action: InvoiceAction): boolean {
  return (LIFECYCLE as Lifecycle)[state][action] !== undefined
}

export function isInvoiceState(value: string): value is InvoiceState {
  return (INVOICE_STATES as readonly string[]).includes(value)
}

/** The action a payment or credit takes, given whether it leaves anything open. */
export function settlementAction(kind: 'pay' | 'credit', remainingMinor: bigint): InvoiceAction {
  if (kind === 'pay') return remainingMinor <= 0n ? 'payInFull' : 'payPartly'
  return remainingMinor <= 0n ? 'creditInFull' : 'creditPartly'
}

/** What is still owed: the total plus fees, less payments, credits and write-offs. */
export function openBalanceMinor(amounts: {
  grossMinor: bigint
  feesMinor: bigint
  paidMinor: bigint
  creditedMinor: bigint
  writtenOffMinor: bigint
}): bigint {
  return (
    amounts.grossMinor +
    amounts.feesMinor -
    amounts.paidMinor -
    amounts.creditedMinor -
    amounts.writtenOffMinor
  )
}
