// Proves billing periods: a week is seven days, months keep their day or clamp to a shorter
// month's end, and a new period starts in the period that holds today.

import { describe, expect, it } from 'vitest'
import { billingPeriodEnd, currentPeriodStart, isBillingFrequency } from './billing-period.ts'

describe('billing periods', () => {
  it.each([
    ['2026-01-05', 'weekly', '2026-01-12'],
    ['2026-01-05', 'monthly', '2026-02-05'],
    ['2026-01-31', 'monthly', '2026-02-28'],
    ['2028-01-31', 'monthly', '2028-02-29'],
    ['2026-11-30', 'quarterly', '2027-02-28'],
    ['2028-02-29', 'yearly', '2029-02-28'],
    ['2026-12-15', 'monthly', '2027-01-15'],
  ] as const)('a period from %s billed %s ends on %s', (start, frequency, end) => {
    expect(billingPeriodEnd(start, frequency)).toBe(end)
  })

  it('a new period starts in the period that holds today', () => {
    expect(currentPeriodStart('2026-01-05', 'monthly', '2026-01-20')).toBe('2026-01-05')
    expect(currentPeriodStart('2026-01-05', 'monthly', '2026-02-05')).toBe('2026-02-05')
    expect(currentPeriodStart('2026-01-05', 'monthly', '2026-06-10')).toBe('2026-06-05')
  })

  it('knows the four frequencies only', () => {
    expect(['weekly', 'monthly', 'quarterly', 'yearly'].every(isBillingFrequency)).toBe(true)
    expect(isBillingFrequency('daily')).toBe(false)
  })
})
