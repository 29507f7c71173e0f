// What one reminder costs the debtor: the level's fee and, for a business debtor, the fixed
// compensation once per claim. The invariant it protects: whatever the settings say, a charge never
// breaks the statutory limits in force on the day it is made (the table may have changed since the
// settings were saved): the cap per reminder, the number of reminders with a fee, the days between
// them, and no fee on top of the compensation where that covers the creditor's own costs.

import { daysBetween } from '../calendar/dates.ts'
import type { CurrencyCode } from '../money/currency.ts'
import { countOn, type Debtor, fixedAmountMinorOn } from './statutory-rules.ts'
import type { StatutoryRow } from './statutory-table.ts'

export type ChargeContext = Readonly<{
  table: readonly StatutoryRow[]
  country: string
  /** The organization's currency: fixed fees are set in it and charged only on invoices in it. */
  baseCurrency: CurrencyCode
  invoiceCurrency: CurrencyCode
  debtor: Debtor
  on: string
}>

export type ChargeHistory = Readonly<{
  feeRemindersSoFar: number
  lastFeeOn: string | null
  compensationChargedMinor: bigint
}>

export type ReminderCharges = Readonly<{ feeMinor: bigint; compensationMinor: bigint }>

export function reminderCharges(
  context: ChargeContext,
  settings: Readonly<{ feeMinor: bigint; chargeCompensation: boolean }>,
  history: ChargeHistory,
): ReminderCharges {
  if (context.invoiceCurrency !== context.baseCurrency) return { feeMinor: 0n, compensationMinor: 0n }
  const compensationMinor = compensationDue(context, settings.chargeCompensation, history)
  const covered =
    context.debtor === 'business' &&
    (compensationMinor > 0n || history.compensationChargedMinor > 0n) &&
    countOn(context.table, context.country, 'compensationCoversReminderFees', context.on) === 1
  return { feeMinor: covered ? 0n : feeWithinLimits(context, settings.feeMinor, history), compensationMinor }
}

function compensationDue(context: ChargeContext, wanted: boolean, history: ChargeHistory): bigint {
  if (!wanted || context.debtor !== 'business' || history.compensationChargedMinor > 0n) return 0n
  const { table, country, on, invoiceCurrency } = context
  return fixedAmountMinorOn(table, country, 'businessCompensation', on, invoiceCurrency) ?? 0n
}

function feeWithinLimits(context: ChargeContext, feeMinor: bigint, history: ChargeHistory): bigint {
  if (feeMinor <= 0n) return 0n
  const { table, country, on, invoiceCurrency } = context
  const maxCount = countOn(table, country, 'reminderFeeMaxCount', on)
  if (maxCount !== undefined && history.feeRemindersSoFar >= maxCount) return 0n
  const minDaysApart = countOn(table, country, 'reminderFeeMinDaysApart', on)
  if (
    minDaysApart !== undefined &&
    history.lastFeeOn !== null &&
    daysBetween(history.lastFeeOn, on) < minDaysApart
  )
    return 0n
  const cap = fixedAmountMinorOn(table, country, 'reminderFeeMax', on, invoiceCurrency)
  return cap !== undefined && feeMinor > cap ? cap : feeMinor
}
