// Money as an integer count of a currency's minor unit. Arithmetic never mixes currencies and
// never rounds implicitly: the only rounding is divideRounded, which names its mode.

import { assert } from '../assert.ts'
import { DomainError } from '../errors.ts'
import type { CurrencyCode } from './currency.ts'

/** An integer count of the currency's minor unit. Never a float. */
export type Money = Readonly<{ amountMinor: bigint; currency: CurrencyCode }>

/** Half-up (away from zero on an exact half) is the commercial rounding of SE, DE and DK; name it at every call. */
export type Rounding = 'half-up' | 'half-even'

export function money(amountMinor: bigint, currency: CurrencyCode): Money {
  return { amountMinor, currency }
}

export function zero(currency: CurrencyCode): Money {
  return { amountMinor: 0n, currency }
}

export function abs(value: bigint): bigint {
  return value < 0n ? -value : value
}

export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  assert(denominator > 0n, 'denominator must be positive')
  const quotient = numerator / denominator // truncates toward zero
  const twiceRemainder = 2n * abs(numerator % denominator)
  if (twiceRemainder < denominator) return quotient
  const away = quotient + (numerator < 0n ? -1n : 1n)
  if (twiceRemainder > denominator || rounding === 'half-up') return away
  return quotient % 2n === 0n ? quotient : away
}

export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new DomainError('currency_mismatch', `cannot combine ${a.currency} with ${b.currency}`, {
      currencies: [a.currency, b.currency],
    })
  }
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency }
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency }
}

export function negate(a: Money): Money {
  return { amountMinor: -a.amountMinor, currency: a.currency }
}

export function sum(currency: CurrencyCode, amounts: readonly Money[]): Money {
  return amounts.reduce(add, zero(currency))
}
