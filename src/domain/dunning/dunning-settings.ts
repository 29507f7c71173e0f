// An organization's dunning settings: when reminders go out (counted in overdue days, which a
// respite pauses), what each costs, whether interest and the business compensation are charged,
// and when an unpaid case goes to collection. The invariant it protects: settings that break a
// statutory limit of the organization's country are refused when they are saved, with the field
// and the law named, so no job ever has to guess what was meant.

import { invalidField } from '../errors.ts'
import type { CurrencyCode } from '../money/currency.ts'
import { countOn, fixedAmountMinorOn } from './statutory-rules.ts'
import type { StatutoryRow } from './statutory-table.ts'

export const REMINDER_CHANNELS = ['auto', 'email', 'letter'] as const
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number]

export type DunningSettings = Readonly<{
  /** Off by default: a reminder is sent automatically only where the organization or the invoice asks. */
  automaticReminders: boolean
  /** Reminder n is due on overdue day reminderDays[n-1]; strictly increasing. */
  reminderDays: readonly number[]
  /** The fee of each reminder level, in the organization's currency; as long as reminderDays. */
  reminderFeesMinor: readonly bigint[]
  /** The days a reminder gives to pay; the next step waits until they have passed. */
  payByDays: number
  chargeInterest: boolean
  /** The fixed sum for business debtors (SE 450 SEK, DE 40 EUR, DK 310 DKK), charged with the first reminder. */
  chargeCompensation: boolean
  automaticCollection: boolean
  /** Overdue days after the last reminder's day before the case goes to collection. */
  collectionAfterDays: number
  collectionPartner: string
  /** auto: email where the invoice has an address, else a letter. */
  reminderChannel: ReminderChannel
}>

export const MAX_REMINDER_LEVELS = 10
const MAX_DAYS = 365

const DEFAULT_REMINDER_DAYS = [7, 21, 35] as const

/** The defaults of a new organization: each fee at the country's statutory maximum, where it has one. */
export function defaultDunningSettings(
  table: readonly StatutoryRow[],
  country: string,
  currency: CurrencyCode,
  on: string,
): DunningSettings {
  const feeMinor = fixedAmountMinorOn(table, country, 'reminderFeeMax', on, currency) ?? 0n
  const maxCount = countOn(table, country, 'reminderFeeMaxCount', on) ?? DEFAULT_REMINDER_DAYS.length
  return {
    automaticReminders: false,
    reminderDays: DEFAULT_REMINDER_DAYS,
    reminderFeesMinor: DEFAULT_REMINDER_DAYS.map((_day, index) => (index < maxCount ? feeMinor : 0n)),
    payByDays: 10,
    chargeInterest: true,
    chargeCompensation: false,
    automaticCollection: false,
    collectionAfterDays: 14,
    collectionPartner: 'operator',
    reminderChannel: 'auto',
  }
}

function checkDayCount(value: number, field: string, min: number): void {
  if (!Number.isInteger(value) || value < min || value > MAX_DAYS)
    throw invalidField(field, `${field} must be a whole number of days from ${min} to ${MAX_DAYS}`)
}

/** The reminder schedule alone: also what a per-invoice override is checked with. */
export function checkReminderDays(days: readonly number[], field = 'reminderDays'): void {
  if (days.length > MAX_REMINDER_LEVELS)
    throw invalidField(field, `at most ${MAX_REMINDER_LEVELS} reminder levels`)
  days.forEach((day, index) => {
    checkDayCount(day, `${field}.${index}`, 1)
    const previous = days[index - 1]
    if (previous !== undefined && day <= previous)
      throw invalidField(`${field}.${index}`, `reminder days must increase: ${day} comes after ${previous}`)
  })
}

/** Checks the settings against each other and against the statutory limits in force `on`. */
export function checkDunningSettings(
  settings: DunningSettings,
  limits: Readonly<{ table: readonly StatutoryRow[]; country: string; currency: CurrencyCode; on: string }>,
): DunningSettings {
  for (const flag of [
    'automaticReminders',
    'chargeInterest',
    'chargeCompensation',
    'automaticCollection',
  ] as const)
    if (typeof settings[flag] !== 'boolean') throw invalidField(flag, `${flag} must be true or false`)
  if (!Array.isArray(settings.reminderDays))
    throw invalidField('reminderDays', 'reminderDays must be a list of days')
  checkReminderDays(settings.reminderDays)
  if (
    !Array.isArray(settings.reminderFeesMinor) ||
    settings.reminderFeesMinor.some((fee) => typeof fee !== 'bigint')
  )
    throw invalidField('reminderFees', 'reminderFees must be a list of amounts in minor units')
  if (settings.reminderFeesMinor.length !== settings.reminderDays.length)
    throw invalidField('reminderFees', 'give one fee per reminder level (zero for none)')
  checkDayCount(settings.payByDays, 'payByDays', 1)
  checkDayCount(settings.collectionAfterDays, 'collectionAfterDays', 1)
  if (!(REMINDER_CHANNELS as readonly string[]).includes(settings.reminderChannel))
    throw invalidField('reminderChannel', `reminderChannel must be one of ${REMINDER_CHANNELS.join(', ')}`)
  checkFees(settings, limits)
  return settings
}

function checkFees(
  settings: DunningSettings,
  limits: Readonly<{ table: readonly StatutoryRow[]; country: string; currency: CurrencyCode; on: string }>,
): void {
  const { table, country, currency, on } = limits
  const cap = fixedAmountMinorOn(table, country, 'reminderFeeMax', on, currency)
  const maxCount = countOn(table, country, 'reminderFeeMaxCount', on)
  const minDaysApart = countOn(table, country, 'reminderFeeMinDaysApart', on)
  let charged = 0
  let lastChargedDay: number | undefined
  settings.reminderFeesMinor.forEach((feeMinor, index) => {
    const field = `reminderFees.${index}`
    if (feeMinor < 0n) throw invalidField(field, 'a reminder fee must not be negative')
    if (feeMinor === 0n) return
    if (cap !== undefined && feeMinor > cap)
      throw invalidField(field, `a reminder may cost at most ${cap} minor units of ${currency} in ${country}`)
    charged += 1
    if (maxCount !== undefined && charged > maxCount)
      throw invalidField(field, `at most ${maxCount} reminders may carry a fee in ${country}`)
    const day = settings.reminderDays[index] ?? 0
    if (minDaysApart !== undefined && lastChargedDay !== undefined && day - lastChargedDay < minDaysApart)
      throw invalidField(
        field,
        `reminders with a fee must be at least ${minDaysApart} days apart in ${country}`,
      )
    lastChargedDay = day
  })
}
