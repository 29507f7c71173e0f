// Proves interest accrues actual/365 on the principal, exactly across rate changes, and is rounded
// half-up only when charged.
import { describe, expect, it } from 'vitest'
import {
  INTEREST_DENOMINATOR,
  interestMinorOf,
  interestNumerator,
  parseInterestNumerator,
} from './interest.ts'
import { ratePeriods } from './statutory-rules.ts'
import { STATUTORY_TABLE } from './statutory-table.ts'

describe('interest', () => {
  it('charges 10 % a year on 10,000.00 for 30 days as 82.19', () => {
    const numerator = interestNumerator(1_000_000n, [
      { fromOn: '2025-08-01', toOn: '2025-08-30', rateUnits: 100_000n },
    ])

    expect(interestMinorOf(numerator)).toBe(8219n)
  })

  it('sums the periods on each side of a rate change', () => {
    const periods = ratePeriods(STATUTORY_TABLE, 'SE', 'consumer', '2025-06-21', '2025-07-10')

    const numerator = interestNumerator(1_000_000n, periods)

    // 10 days at 11 % and 10 days at 10 % on 10,000.00: 30.1369... + 27.3972... = 57.5342...
    expect(numerator).toBe(1_000_000n * (110_000n * 10n + 100_000n * 10n))
    expect(interestMinorOf(numerator)).toBe(5753n)
  })

  it('rounds an exact half up', () => {
    expect(interestMinorOf(INTEREST_DENOMINATOR / 2n)).toBe(1n)
    expect(interestMinorOf(INTEREST_DENOMINATOR / 2n - 1n)).toBe(0n)
  })

  it('keeps charging in parts equal to charging once', () => {
    const whole = interestNumerator(123_457n, [
      { fromOn: '2025-08-01', toOn: '2025-08-31', rateUnits: 102_700n },
    ])
    const first = interestNumerator(123_457n, [
      { fromOn: '2025-08-01', toOn: '2025-08-11', rateUnits: 102_700n },
    ])
    const rest = interestNumerator(123_457n, [
      { fromOn: '2025-08-12', toOn: '2025-08-31', rateUnits: 102_700n },
    ])

    expect(interestMinorOf(first + rest)).toBe(interestMinorOf(whole))
  })

  it('refuses a negative principal and a stored numerator that is not a whole number', () => {
    expect(() => interestNumerator(-1n, [])).toThrow('zero or more')
    expect(() => parseInterestNumerator('1.5')).toThrow('whole number')
  })
})
