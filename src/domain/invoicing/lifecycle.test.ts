// Proves the lifecycle table: allowed transitions land where documented, every other one is refused.

import { describe, expect, test } from 'vitest'
import { DomainError } from '../errors.ts'
import {
  canTransition,
  INVOICE_ACTIONS,
  INVOICE_STATES,
  nextState,
  openBalanceMinor,
  settlementAction,
} from './lifecycle.ts'

describe('nextState', () => {
  test.each([
    ['draft', 'approve', 'open'],
    ['draft', 'delete', 'deleted'],
    ['open', 'payInFull', 'paid'],
    ['open', 'payPartly', 'open'],
    ['open', 'becomeOverdue', 'overdue'],
    ['overdue', 'grantRespite', 'open'],
    ['overdue', 'collect', 'collection'],
    ['open', 'creditInFull', 'credited'],
    ['paid', 'creditInFull', 'credited'],
    ['cancelled', 'uncancel', 'open'],
    ['paid', 'reversePayment', 'open'],
    ['overdue', 'reversePayment', 'overdue'],
    ['open', 'writeDown', 'open'],
    ['collection', 'revertWriteDown', 'collection'],
  ] as const)('%s + %s gives %s', (state, action, expected) => {
    expect(nextState(state, action)).toBe(expected)
  })

  test.each([
    ['draft', 'payInFull'],
    ['open', 'approve'],
    ['open', 'delete'],
    ['paid', 'cancel'],
    ['credited', 'creditPartly'],
    ['deleted', 'approve'],
    ['open', 'collect'],
    ['paid', 'writeDown'],
    ['written_off', 'revertWriteDown'],
  ] as const)('%s refuses %s with wrong_state', (state, action) => {
    expect(() => nextState(state, action)).toThrowError(DomainError)
    try {
      nextState(state, action)
    } catch (error) {
      expect((error as DomainError).code).toBe('wrong_state')
    }
  })

  test('credited and deleted invoices allow no action', () => {
    const allowed = INVOICE_ACTIONS.filter(
      (action) => canTransition('credited', action) || canTransition('deleted', action),
    )

    expect(allowed).toEqual([])
  })

  test('every state is a key of the table', () => {
    for (const state of INVOICE_STATES) expect(() => canTransition(state, 'approve')).not.toThrow()
  })
})

describe('settlement', () => {
  test('a payment leaving nothing open pays in full, otherwise partly', () => {
    expect(settlementAction('pay', 0n)).toBe('payInFull')
    expect(settlementAction('pay', 1n)).toBe('payPartly')
    expect(settlementAction('credit', -5n)).toBe('creditInFull')
  })

  test('the open balance is the total plus fees less payments, credits and write-offs', () => {
    const balance = openBalanceMinor({
      grossMinor: 12500n,
      feesMinor: 6000n,
      paidMinor: 5000n,
      creditedMinor: 2500n,
      writtenOffMinor: 0n,
    })

    expect(balance).toBe(11000n)
  })
})
