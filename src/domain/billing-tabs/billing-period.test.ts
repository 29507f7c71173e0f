// Proves billing periods: every billing day is counted from the series' anchor, so a week is seven
// days, months keep the anchor's day or clamp to a shorter month's end and come back to it, and a
// new period starts in the period that holds today.

import { describe, expect, it } from 'vitest'
import { billingDayAfter, isBillingFrequency, periodStartHolding } from './billing-period.ts'

describe('billing periods', () => {
  it.each([
    ['2026-01-05', 'weekly', '2026-01-12'],
    ['2026-01-05', 'monthly', '2026-02-05'],
    ['2026-01-31', 'monthly', '2026-02-28'],
    ['2028-01-31', 'monthly', '2028-02-29'],
    ['2026-11-30', 'quarterly', '2027-02-28'],
    ['2028-02-29', 'yearly', '2029-02-28'],
    ['2026-12-15', 'monthly', '2027-01-15'],
  ] as const)('a series anchored on %s billed %s is first billed on %s', (anchor, frequency, end) => {
    expect(billingDayAfter(anchor, frequency, anchor)).toBe(end)
  })

  it('a monthly series begun on 31 January comes back to the month end after February', () => {
    expect(billingDayAfter('2027-01-31', 'monthly', '2027-02-28')).toBe('2027-03-31')
    expect(billingDayAfter('2027-01-31', 'monthly', '2027-03-31')).toBe('2027-04-30')
    expect(periodStartHolding('2027-01-31', 'monthly', '2027-03-30')).toBe('2027-02-28')
  })

  it('a quarterly series begun on 30 November keeps the 30th after February', () => {
    expect(billingDayAfter('2026-11-30', 'quarterly', '2027-02-28')).toBe('2027-05-30')
    expect(periodStartHolding('2026-11-30', 'quarterly', '2027-05-29')).toBe('2027-02-28')
  })

  it('a new period starts in the period that holds today', () => {
    expect(periodStartHolding('2026-01-05', 'monthly', '2026-01-20')).toBe('2026-01-05')
    expect(periodStartHolding('2026-01-05', 'monthly', '2026-02-05')).toBe('2026-02-05')
    expect(periodStartHolding('2026-01-05', 'monthly', '2026-06-10')).toBe('2026-06-05')
    expect(periodStartHolding('2016-01-31', 'weekly', '2026-06-10')).toBe('2026-06-07')
    expect(billingDayAfter('2016-01-31', 'monthly', '2026-02-28')).toBe('2026-03-31')
  })

  it('knows the four frequencies only', () => {
    expect(['weekly', 'monthly', 'quarterly', 'yearly'].every(isBillingFrequency)).toBe(true)
    expect(isBillingFrequency('daily')).toBe(false)
  })
})
