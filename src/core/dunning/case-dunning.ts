// The dunning progress a case's full view shows: how many reminders its primary invoice has had,
// the late-payment interest it has earned through the last day the dunning clock counted (the
// scheduler counts every day, so that is today once the day's jobs have run) and how much of it
// has been charged. Read without a clock, so every dialect's read of a case can show it.

import { interestMinorOf, parseInterestNumerator } from '../../domain/dunning/interest.ts'
import type { Executor } from '../../storage/database.ts'

export type CaseDunning = Readonly<{
  level: number
  overdueDays: number
  countedThrough: string | null
  /** Interest earned through countedThrough, rounded half-up to the minor unit. */
  interestEarnedMinor: bigint
  /** The part of it charged so far (posted, and part of the invoice's fees). */
  interestChargedMinor: bigint
  /** The invoice's contractual rate, or null when the statutory rate applies. */
  interestRatePercent: string | null
  collectionStartedOn: string | null
}>

/** The dunning progress of those invoices that have any, by invoice id; one query. */
export async function loadCaseDunning(
  db: Executor,
  organizationId: string,
  invoiceIds: readonly string[],
): Promise<ReadonlyMap<string, CaseDunning>> {
  if (invoiceIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('dunning_invoices')
    .select(['invoice_id', 'level', 'overdue_days', 'counted_through', 'interest_numerator'])
    .select(['interest_charged_minor', 'interest_rate', 'collection_started_on'])
    .where('organization_id', '=', organizationId)
    .where('invoice_id', 'in', invoiceIds)
    .execute()
  return new Map(
    rows.map((row) => {
      const earnedMinor = interestMinorOf(parseInterestNumerator(row.interest_numerator))
      const dunning: CaseDunning = {
        level: row.level,
        overdueDays: row.overdue_days,
        countedThrough: row.counted_through,
        // A reminder counts before it charges, so what was charged is never more than what is counted.
        interestEarnedMinor:
          earnedMinor > row.interest_charged_minor ? earnedMinor : row.interest_charged_minor,
        interestChargedMinor: row.interest_charged_minor,
        interestRatePercent: row.interest_rate,
        collectionStartedOn: row.collection_started_on,
      }
      return [row.invoice_id, dunning]
    }),
  )
}
