// When a recurring invoice falls due: its occurrences are counted from an anchor day, never from
// the previous occurrence, so a monthly series begun on 31 January falls on 28 (or 29) February,
// 31 March, 30 April, ... and not on the 28th ever after. The invariant it protects: the n-th
// occurrence depends only on the anchor, the cycle and n.

import { assert } from '../assert.ts'
import { addDays } from '../calendar/dates.ts'
import { invalidField } from '../errors.ts'

export const CYCLES = ['daily', 'weekly', 'monthly', 'yearly'] as const
export type Cycle = (typeof CYCLES)[number]

export type Recurrence = Readonly<{
  cycle: Cycle
  /** Every how many cycles an invoice is made (every 3 months: monthly, 3). */
  cycleNumber: number
}>

/** The longest step a schedule may take, in cycles: ten years of months. */
export const MAX_CYCLE_NUMBER = 120

export function checkRecurrence(recurrence: Recurrence, field = 'cycleNumber'): Recurrence {
  const { cycleNumber } = recurrence
  if (!Number.isInteger(cycleNumber) || cycleNumber < 1 || cycleNumber > MAX_CYCLE_NUMBER)
    throw invalidField(field, `${field} must be a whole number from 1 to ${MAX_CYCLE_NUMBER}`)
  if (!CYCLES.includes(recurrence.cycle))
    throw invalidField('cycle', `cycle must be one of ${CYCLES.join(', ')}`)
  return recurrence
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()
}

/** `months` months after `isoDate`, on the same day of the month or the month's last day when shorter. */
export function addMonthsClamped(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth))
  const pad = (value: number, width: number) => String(value).padStart(width, '0')
  return `${pad(targetYear, 4)}-${pad(targetMonth + 1, 2)}-${pad(targetDay, 2)}`
}

/** The occurrence `step` cycles after the anchor (step 0 is the anchor itself). */
export function occurrenceOn(anchorOn: string, recurrence: Recurrence, step: number): string {
  assert(Number.isInteger(step) && step >= 0, 'an occurrence step is a whole number from 0')
  const cycles = step * recurrence.cycleNumber
  switch (recurrence.cycle) {
    case 'daily':
      return addDays(anchorOn, cycles)
    case 'weekly':
      return addDays(anchorOn, 7 * cycles)
    case 'monthly':
      return addMonthsClamped(anchorOn, cycles)
    case 'yearly':
      return addMonthsClamped(anchorOn, 12 * cycles)
  }
}

export type SeriesLimits = Readonly<{
  endOn: string | null
  /** How many invoices the series makes in all; null for no limit. */
  iterations: number | null
}>

/** The next creation day after one more invoice, or null when the series is over. */
export function nextCreationOn(
  anchorOn: string,
  recurrence: Recurrence,
  stepsDone: number,
  createdCount: number,
  limits: SeriesLimits,
): string | null {
  if (limits.iterations !== null && createdCount >= limits.iterations) return null
  const next = occurrenceOn(anchorOn, recurrence, stepsDone)
  return limits.endOn !== null && next > limits.endOn ? null : next
}
