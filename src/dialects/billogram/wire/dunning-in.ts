// A billogram's and the account's dunning fields (../shared/reference/billogram.md §3, the Ruby
// fixture's settings.invoices.automatic_reminders) to the core's dunning terms, so that they drive
// the scheduler's reminders and collection. `automatic_reminders_settings` is a list of
// `{delay_days, message}`: reminder n goes out on overdue day delay_days of entry n (a list implies
// automatic reminders, `[]` turns them off, null follows the account). `automatic_collection` is
// `{delay_days, amount, use_default_settings}`: the case goes to collection delay_days after the
// last reminder's day; null or `use_default_settings` follow the account.

import type { InvoiceDunningOverrides } from '../../../core/dunning/set-invoice-dunning.ts'
import type { DunningSettingsPatch } from '../../../core/dunning/update-dunning-settings.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { parseDecimal, toMinorUnits } from '../../../domain/money/decimal.ts'
import { BillogramWireError, type FieldPath } from '../errors.ts'
import { readBoolean, readDecimal, readList, readObject, readText, readWhole } from './read.ts'
import type { JsonObject } from './strict-body.ts'

const MAX_DAYS = 365

function invalid(path: FieldPath, message: string): BillogramWireError {
  return new BillogramWireError('INVALID_PARAMETER', message, path)
}

export type ReminderSchedule = Readonly<{ days: readonly number[]; messages: readonly string[] }>

/** A `[{delay_days, message}]` list, checked: whole days from 1 to 365, increasing. */
export function reminderScheduleFromWire(list: readonly JsonObject[], path: FieldPath): ReminderSchedule {
  const days: number[] = []
  const messages: string[] = []
  list.forEach((entry, index) => {
    const at = [...path, index]
    const day = readWhole(entry, 'delay_days', at)
    if (day === undefined || day < 1 || day > MAX_DAYS)
      throw invalid([...at, 'delay_days'], `delay_days must be a whole number of days from 1 to ${MAX_DAYS}`)
    const previous = days.at(-1)
    if (previous !== undefined && day <= previous)
      throw invalid([...at, 'delay_days'], `delay_days must increase: ${day} comes after ${previous}`)
    days.push(day)
    messages.push(readText(entry, 'message', at, 2000) ?? '')
  })
  return { days, messages }
}

function collectionFromWire(body: JsonObject, key: string, path: FieldPath) {
  const collection = readObject(body, key, path)
  if (!collection || readBoolean(collection, 'use_default_settings', [...path, key]) === true) return null
  const days = readWhole(collection, 'delay_days', [...path, key])
  if (days !== undefined && (days < 1 || days > MAX_DAYS))
    throw invalid(
      [...path, key, 'delay_days'],
      `delay_days must be a whole number of days from 1 to ${MAX_DAYS}`,
    )
  return { automaticCollection: true, ...(days === undefined ? {} : { collectionAfterDays: days }) }
}

function feeMinorOf(value: string | number, currency: string, path: FieldPath): bigint {
  const fee = toMinorUnits(parseDecimal(value, path.join('.')), currency as CurrencyCode, 'half-up')
  if (fee < 0n) throw invalid(path, 'reminder_fee must not be negative')
  return fee
}

/** The invoice's own dunning terms from a billogram body; only what the body names. */
export function invoiceDunningFromWire(body: JsonObject, currency: string): InvoiceDunningOverrides {
  const settings = body.automatic_reminders_settings
  const schedule = Array.isArray(settings)
    ? reminderScheduleFromWire(readList(body, 'automatic_reminders_settings') ?? [], [
        'automatic_reminders_settings',
      ])
    : undefined
  const flag = readBoolean(body, 'automatic_reminders')
  const fee = readDecimal(body, 'reminder_fee')
  const rate = readDecimal(body, 'interest_rate')
  const collection =
    'automatic_collection' in body ? collectionFromWire(body, 'automatic_collection', []) : undefined
  return {
    ...(settings === null ? { automaticReminders: null, reminderDays: null, reminderText: null } : {}),
    ...(schedule
      ? {
          automaticReminders: schedule.days.length > 0,
          ...(schedule.days.length > 0 ? { reminderDays: schedule.days } : {}),
          reminderText: schedule.messages.find((message) => message !== '') ?? null,
        }
      : {}),
    ...(flag === undefined ? {} : { automaticReminders: flag }),
    ...(fee === undefined ? {} : { reminderFeeMinor: feeMinorOf(fee, currency, ['reminder_fee']) }),
    ...(rate === undefined ? {} : { interestRatePercent: String(rate) }),
    ...(collection === undefined
      ? {}
      : collection === null
        ? { automaticCollection: null, collectionAfterDays: null }
        : collection),
  }
}

/** The account's dunning settings from `/settings` `invoices`; only what it names. */
export function accountDunningFromWire(
  invoices: JsonObject,
  current: Readonly<{ reminderDays: readonly number[] }>,
  currency: string,
): DunningSettingsPatch {
  const path = ['invoices']
  const list = readList(invoices, 'automatic_reminders', path)
  const schedule = list ? reminderScheduleFromWire(list, [...path, 'automatic_reminders']) : undefined
  const fee = readDecimal(invoices, 'default_reminder_fee', path)
  const days = schedule && schedule.days.length > 0 ? schedule.days : current.reminderDays
  const collection =
    'automatic_collection' in invoices
      ? collectionFromWire(invoices, 'automatic_collection', path)
      : undefined
  return {
    ...(schedule ? { automaticReminders: schedule.days.length > 0, reminderDays: days } : {}),
    ...(fee === undefined
      ? {}
      : {
          reminderFeesMinor: days.map(() => feeMinorOf(fee, currency, [...path, 'default_reminder_fee'])),
        }),
    ...(collection === undefined ? {} : collection === null ? { automaticCollection: false } : collection),
  }
}
