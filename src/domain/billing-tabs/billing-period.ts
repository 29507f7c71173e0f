// A billing tab's periods: a tab opened on a day is billed when its period ends, one week, month,
// quarter or year later, and the next tab's period starts where that one ended, so a monthly tab
// is billed on the same day of every month. The invariant it protects: a period always ends after
// it starts, and a month-end start ends on the month end of a shorter month (31 January plus one
// month is 28 or 29 February), never in the month after.

import { assert } from '../assert.ts'
import { addDays, isIsoDate } from '../calendar/dates.ts'

export const BILLING_FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const
export type BillingFrequency = (typeof BILLING_FREQUENCIES)[number]

export function isBillingFrequency(value: unknown): value is BillingFrequency {
  return (BILLING_FREQUENCIES as readonly unknown[]).includes(value)
}

const MONTHS: Readonly<Record<Exclude<BillingFrequency, 'weekly'>, number>> = {
  monthly: 1,
  quarterly: 3,
  yearly: 12,
}

/** The day `months` calendar months after `isoDate`, clamped to the end of a shorter month. */
function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}

/** The day the period that starts on `startOn` ends and is billed. */
export function billingPeriodEnd(startOn: string, frequency: BillingFrequency): string {
  assert(isIsoDate(startOn), `a billing period starts on a day, got ${startOn}`)
  return frequency === 'weekly' ? addDays(startOn, 7) : addMonths(startOn, MONTHS[frequency])
}

/** Bounds the catch-up over periods nobody billed in (ten years of weeks). */
const MAX_SKIPPED_PERIODS = 600

/**
 * The start of the period that holds `today`, counted on from the start of an earlier one: a
 * customer whose last tab was billed months ago starts a new period today's period, not a past one.
 */
export function currentPeriodStart(
  earlierStartOn: string,
  frequency: BillingFrequency,
  today: string,
): string {
  let start = earlierStartOn
  for (let step = 0; step < MAX_SKIPPED_PERIODS; step += 1) {
    const end = billingPeriodEnd(start, frequency)
    if (end > today) return start
    start = end
  }
  return today
}
