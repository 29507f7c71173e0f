// Payment terms as vendors write them: a number of days net, days after the end of the entry's
// month, or a fixed date. The invariant it protects: a due date computed from terms is never
// before the entry date, so an invoice can never be born overdue by its own terms.

import { invalidField } from '../errors.ts'
import { addDays, parseIsoDate } from './dates.ts'

export const PAYMENT_TERMS_MODES = ['net', 'netEndOfMonth', 'date'] as const

export type PaymentTermsMode = (typeof PAYMENT_TERMS_MODES)[number]

export function isPaymentTermsMode(value: unknown): value is PaymentTermsMode {
  return typeof value === 'string' && (PAYMENT_TERMS_MODES as readonly string[]).includes(value)
}

function endOfMonth(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 7)}-01T00:00:00Z`)
  date.setUTCMonth(date.getUTCMonth() + 1)
  date.setUTCDate(0)
  return date.toISOString().slice(0, 10)
}

/**
 * The due date of terms given at `entryDate`: `net` adds the days, `netEndOfMonth` adds them to
 * the last day of the entry's month, `date` takes `fixedDueDate` as written.
 */
export function dueDateFor(
  mode: PaymentTermsMode,
  days: number,
  entryDate: string,
  fixedDueDate?: string | null,
): string {
  if (!Number.isInteger(days) || days < 0 || days > 3650)
    throw invalidField('paymentTermsDays', 'payment terms must be a whole number of days between 0 and 3650')
  const due =
    mode === 'date'
      ? parseIsoDate(fixedDueDate, 'dueDate')
      : addDays(mode === 'net' ? entryDate : endOfMonth(entryDate), days)
  if (due < entryDate) throw invalidField('dueDate', 'the due date must not be before the entry date')
  return due
}
