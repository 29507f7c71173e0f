// The day a customer's billing-tab series began, carried from tab to tab: every billing day is
// counted from it, so a series begun on a month end keeps the month end instead of drifting to a
// shorter month's day.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  // Null on tabs written before it: their period start is the anchor.
  await db.schema.alterTable('billing_tabs').addColumn('period_anchor_on', 'date').execute()
}
