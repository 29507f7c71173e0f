// A billing tab's periods: the customer's first tab anchors a series, and every billing day is an
// occurrence of that series counted from the anchor (the recurrence Billomat recurrings use), so a
// monthly series begun on 31 January bills on 28 February, 31 March, 30 April, ... and not on the
// 28th ever after. The invariant it protects: a period always ends after it starts, and where a
// period falls depends only on the anchor, the frequency and the day.

import { assert } from '../assert.ts'
import { daysBetween, isIsoDate } from '../calendar/dates.ts'
import { occurrenceOn, type Recurrence } from '../recurring/recurrence.ts'

export const BILLING_FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const
export type BillingFrequency = (typeof BILLING_FREQUENCIES)[number]

export function isBillingFrequency(value: unknown): value is BillingFrequency {
  return (BILLING_FREQUENCIES as readonly unknown[]).includes(value)
}

const RECURRENCES: Readonly<Record<BillingFrequency, Recurrence>> = {
  weekly: { cycle: 'weekly', cycleNumber: 1 },
  monthly: { cycle: 'monthly', cycleNumber: 1 },
  quarterly: { cycle: 'monthly', cycleNumber: 3 },
  yearly: { cycle: 'yearly', cycleNumber: 1 },
}

const DAYS_PER_STEP: Readonly<Record<BillingFrequency, number>> = {
  weekly: 7,
  monthly: 365.2425 / 12,
  quarterly: 365.2425 / 4,
  yearly: 365.2425,
}

/** The step of the anchor's series whose period holds `day` (occurrence(step) <= day < occurrence(step + 1)). */
function stepHolding(anchorOn: string, frequency: BillingFrequency, day: string): number {
  assert(isIsoDate(anchorOn) && isIsoDate(day), `billing periods count days, got ${anchorOn} and ${day}`)
  assert(day >= anchorOn, `a billing series is anchored on or before ${day}, got ${anchorOn}`)
  const recurrence = RECURRENCES[frequency]
  // An estimate from the mean step length, corrected by at most a step or two either way.
  let step = Math.max(0, Math.floor(daysBetween(anchorOn, day) / DAYS_PER_STEP[frequency]))
  while (step > 0 && occurrenceOn(anchorOn, recurrence, step) > day) step -= 1
  while (occurrenceOn(anchorOn, recurrence, step + 1) <= day) step += 1
  return step
}

/** The start of the period of the anchor's series that holds `day`. */
export function periodStartHolding(anchorOn: string, frequency: BillingFrequency, day: string): string {
  return occurrenceOn(anchorOn, RECURRENCES[frequency], stepHolding(anchorOn, frequency, day))
}

/** The day the period holding `day` ends and is billed: the series' first occurrence after `day`. */
export function billingDayAfter(anchorOn: string, frequency: BillingFrequency, day: string): string {
  return occurrenceOn(anchorOn, RECURRENCES[frequency], stepHolding(anchorOn, frequency, day) + 1)
}
