// Tables for what runs while nobody calls the API: the scheduler's claims on each day's job runs,
// and dunning (settings per organization, progress per invoice, one row per reminder sent). Core
// use cases in src/core/dunning and the scheduler in src/jobs reach them. As everywhere,
// organization_id leads every key.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

async function jobRuns(db: Db): Promise<void> {
  // One row per organization, job and the organization's calendar day. Inserting it is the claim:
  // the key lets one process in, and a running row whose lease ran out may be taken over.
  await db.schema
    .createTable('job_runs')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('run_on', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claim_token', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz', (c) => c.notNull())
    .addColumn('handled', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addPrimaryKeyConstraint('job_runs_pk', ['organization_id', 'job', 'run_on'])
    .execute()
}

async function dunningSettings(db: Db): Promise<void> {
  await db.schema
    .createTable('dunning_settings')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('automatic_reminders', 'boolean', (c) => c.notNull())
    // JSON arrays: overdue days per level, and each level's fee in minor units as a string.
    .addColumn('reminder_days', 'text', (c) => c.notNull())
    .addColumn('reminder_fees', 'text', (c) => c.notNull())
    .addColumn('pay_by_days', 'integer', (c) => c.notNull())
    .addColumn('charge_interest', 'boolean', (c) => c.notNull())
    .addColumn('charge_compensation', 'boolean', (c) => c.notNull())
    .addColumn('automatic_collection', 'boolean', (c) => c.notNull())
    .addColumn('collection_after_days', 'integer', (c) => c.notNull())
    .addColumn('collection_partner', 'text', (c) => c.notNull())
    .addColumn('reminder_channel', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('dunning_settings_pk', ['organization_id'])
    .execute()
}

async function dunningInvoices(db: Db): Promise<void> {
  // Created when an invoice is first counted overdue or given an override. Null overrides follow
  // the organization's settings.
  await db.schema
    .createTable('dunning_invoices')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('automatic_reminders', 'boolean')
    .addColumn('automatic_collection', 'boolean')
    .addColumn('reminder_days', 'text')
    .addColumn('reminder_text', 'text')
    // The dunning clock: overdue days counted so far and the last day counted.
    .addColumn('overdue_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('counted_through', 'date')
    // Exact interest (numerator over 365 × 100 × 10^4), text because it can outgrow 64 bits.
    .addColumn('interest_numerator', 'text', (c) => c.notNull().defaultTo('0'))
    .addColumn('interest_charged_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('fees_charged_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('compensation_charged_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fee_reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_fee_on', 'date')
    .addColumn('last_reminded_on', 'date')
    .addColumn('last_pay_by_on', 'date')
    // An automatic step that failed (no address to send to, say): skipped for the rest of that day.
    .addColumn('failed_on', 'date')
    .addColumn('failure', 'text')
    .addColumn('collection_partner', 'text')
    .addColumn('collection_reference', 'text')
    .addColumn('collection_started_on', 'date')
    .addColumn('collection_outcome', 'text')
    .addColumn('collection_closed_on', 'date')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('dunning_invoices_pk', ['organization_id', 'invoice_id'])
    .execute()
}

async function dunningReminders(db: Db): Promise<void> {
  await db.schema
    .createTable('dunning_reminders')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('reminded_on', 'date', (c) => c.notNull())
    .addColumn('pay_by_on', 'date', (c) => c.notNull())
    .addColumn('fee_minor', 'bigint', (c) => c.notNull())
    .addColumn('compensation_minor', 'bigint', (c) => c.notNull())
    .addColumn('interest_minor', 'bigint', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('automatic', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('dunning_reminders_pk', ['organization_id', 'invoice_id', 'level'])
    // The database's own guard of "never twice on one day", whatever the code above it does.
    .addUniqueConstraint('dunning_reminders_day', ['organization_id', 'invoice_id', 'reminded_on'])
    .execute()
}

export async function up(db: Db): Promise<void> {
  // The dunning jobs walk an organization's overdue invoices in invoice_seq order, a keyset batch
  // at a time; this index serves each batch without sorting every overdue invoice again.
  await db.schema
    .createIndex('invoices_state_seq')
    .on('invoices')
    .columns(['organization_id', 'state', 'invoice_seq'])
    .execute()
  await jobRuns(db)
  await dunningSettings(db)
  await dunningInvoices(db)
  await dunningReminders(db)
}
