// Per-invoice dunning terms a vendor sets on one invoice (Billogram's reminder_fee, interest_rate
// and automatic_collection.delay_days), and the billing period a billing tab runs for, so the
// scheduler can empty each tab on its billing frequency without drifting from period to period.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  // Null follows the organization's settings (or, for the rate, the statutory rate).
  await db.schema.alterTable('dunning_invoices').addColumn('reminder_fee_minor', 'bigint').execute()
  // A contractual yearly rate in percent, as a plain decimal; it replaces the statutory rate.
  await db.schema.alterTable('dunning_invoices').addColumn('interest_rate', 'text').execute()
  await db.schema.alterTable('dunning_invoices').addColumn('collection_after_days', 'integer').execute()
  // The organization's calendar day the tab's billing period began, and the day it is billed (null
  // without a billing frequency): the scheduler empties open tabs whose day has come.
  await db.schema.alterTable('billing_tabs').addColumn('period_start_on', 'date').execute()
  await db.schema.alterTable('billing_tabs').addColumn('bill_on', 'date').execute()
  // A scheduled emptying that failed: skipped for the rest of that day, tried again the next.
  await db.schema.alterTable('billing_tabs').addColumn('failed_on', 'date').execute()
  await db.schema
    .createIndex('billing_tabs_bill_on_idx')
    .on('billing_tabs')
    .columns(['organization_id', 'bill_on'])
    .execute()
}
