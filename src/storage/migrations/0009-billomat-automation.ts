// Tables for Billomat's automation: recurring invoices (a template draft and its schedule, issued
// by the scheduler's `recurring` job).
// As everywhere, organization_id leads every key.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

async function recurrings(db: Db): Promise<void> {
  await db.schema
    .createTable('recurrings')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('recurring_id', 'text', (c) => c.notNull())
    // The whole number dialects show as the recurring's id.
    .addColumn('recurring_no', 'bigint', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    // The draft every issued invoice is made from (JSON: the core's draft input without dates).
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('cycle', 'text', (c) => c.notNull())
    .addColumn('cycle_number', 'integer', (c) => c.notNull())
    .addColumn('start_on', 'date', (c) => c.notNull())
    .addColumn('end_on', 'date')
    // Occurrences are counted from the anchor, so a series begun on the 31st keeps its month end.
    .addColumn('anchor_on', 'date', (c) => c.notNull())
    .addColumn('anchor_steps', 'integer', (c) => c.notNull())
    .addColumn('next_creation_on', 'date')
    .addColumn('iterations', 'integer')
    .addColumn('created_count', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // JSON: the email (to, cc, bcc, subject, text, filename) and letter options of issued invoices.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('letter', 'text', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull())
    .addColumn('last_invoice_id', 'text')
    .addColumn('last_created_on', 'date')
    .addColumn('failed_on', 'date')
    .addColumn('failure', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('recurrings_pk', ['organization_id', 'recurring_id'])
    .addUniqueConstraint('recurrings_no', ['organization_id', 'recurring_no'])
    .execute()
  // The job's scan: the recurrings due on or before an organization's today.
  await db.schema
    .createIndex('recurrings_due')
    .on('recurrings')
    .columns(['organization_id', 'next_creation_on'])
    .execute()
}

export async function up(db: Db): Promise<void> {
  await recurrings(db)
}
