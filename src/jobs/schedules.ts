// Every schedule of the server, in one table: what runs, how often, and in which order. Each job
// runs once per organization per calendar day of that organization (so the sandbox clock moves
// it), in the order listed: a day's overdue invoices are marked before their days are counted,
// and counted before the dunning steps read them. A job only enqueues work, in bounded batches;
// its effects (reminder mail and letters, callbacks) leave through the outbox.

import { billDueTabs, TAB_BATCH_SIZE } from '../core/billing-tabs/bill-due-tabs.ts'
import type { CoreContext, Tenant } from '../core/context.ts'
import { COUNT_BATCH_SIZE, countOverdueDays } from '../core/dunning/count-overdue-days.ts'
import { STEP_BATCH_SIZE, takeDunningSteps } from '../core/dunning/take-dunning-steps.ts'
import { markOverdueInvoices, OVERDUE_BATCH_SIZE } from '../core/invoices/mark-overdue.ts'
import { issueDueRecurrings, RECURRING_BATCH_SIZE } from '../core/recurring/issue-due-recurrings.ts'

export type JobBatch = Readonly<{
  /** Invoices this batch looked at. */
  handled: number
  /** Where the next batch starts; undefined for jobs whose work leaves the set they scan. */
  cursor: bigint | undefined
  done: boolean
}>

export type Schedule = Readonly<{
  job: string
  cadence: 'daily'
  summary: string
  runBatch: (context: CoreContext, tenant: Tenant, cursor: bigint | undefined) => Promise<JobBatch>
}>

export const SCHEDULES: readonly Schedule[] = [
  {
    job: 'overdue',
    cadence: 'daily',
    summary:
      'open invoices whose due date (or respite) has passed become overdue, with an invoice.overdue event',
    async runBatch(context, tenant) {
      const handled = await markOverdueInvoices(context, tenant)
      return { handled, cursor: undefined, done: handled < OVERDUE_BATCH_SIZE }
    },
  },
  {
    job: 'dunning-clock',
    cadence: 'daily',
    summary: 'each overdue invoice counts its overdue days and the exact late-payment interest they earn',
    async runBatch(context, tenant, cursor) {
      const batch = await countOverdueDays(context, tenant, cursor)
      return { ...batch, done: batch.handled < COUNT_BATCH_SIZE }
    },
  },
  {
    job: 'dunning',
    cadence: 'daily',
    summary: 'due reminders go out with their fees and interest; after the last one, cases go to collection',
    async runBatch(context, tenant, cursor) {
      const batch = await takeDunningSteps(context, tenant, cursor)
      return { handled: batch.handled, cursor: batch.cursor, done: batch.handled < STEP_BATCH_SIZE }
    },
  },
  {
    job: 'recurring',
    cadence: 'daily',
    summary:
      'each recurring whose next creation day has come issues its invoice (draft, approved, emailed or posted) and moves to its next occurrence',
    async runBatch(context, tenant) {
      const batch = await issueDueRecurrings(context, tenant)
      return { handled: batch.handled, cursor: undefined, done: batch.handled < RECURRING_BATCH_SIZE }
    },
  },
  {
    job: 'billing-tabs',
    cadence: 'daily',
    summary:
      "each open billing tab whose billing day has come becomes one billogram sent by the tab's delivery method",
    async runBatch(context, tenant) {
      const handled = await billDueTabs(context, tenant)
      return { handled, cursor: undefined, done: handled < TAB_BATCH_SIZE }
    },
  },
]
