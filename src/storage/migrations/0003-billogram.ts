// Tables for what only the Billogram dialect's resources need beyond the core tables. Kept in a
// migration of its own so the three dialects can grow their storage independently. Core use cases
// (src/core/callbacks, src/core/organizations, src/core/cases) reach these tables; the dialect
// never does. As everywhere, organization_id leads every key.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

async function callbacks(db: Db): Promise<void> {
  // One subscription per case, or one for the whole organization (case_id null). The sign key
  // stays here: outbox payloads carry the subscription id, and the relay asks for the signer.
  await db.schema
    .createTable('callback_subscriptions')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('sign_key', 'text')
    .addColumn('custom', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('callback_subscriptions_pk', ['organization_id', 'subscription_id'])
    .execute()
  await db.schema
    .createIndex('callback_subscriptions_case')
    .on('callback_subscriptions')
    .columns(['organization_id', 'case_id'])
    .execute()

  // The last event of a case already turned into callbacks. Moved in the transaction that
  // enqueues them, so each event is announced once, whoever announces it.
  await db.schema
    .createTable('callback_cursors')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('last_event_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('callback_cursors_pk', ['organization_id', 'case_id'])
    .execute()
}

async function files(db: Db): Promise<void> {
  await db.schema
    .createTable('organization_logos')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_logos_pk', ['organization_id'])
    .execute()

  // The one PDF a sender may attach to a case: printed with letters and downloadable online.
  await db.schema
    .createTable('case_attachments')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_attachments_pk', ['organization_id', 'case_id'])
    .execute()
}

async function billingTabs(db: Db): Promise<void> {
  // A customer's running tab: items collected over time and billed together later. A contact has
  // at most one open tab (emptied_at null); emptying closes it into a case.
  await db.schema
    .createTable('billing_tabs')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('billing_tab_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('case_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('emptied_at', 'timestamptz')
    .addPrimaryKeyConstraint('billing_tabs_pk', ['organization_id', 'billing_tab_id'])
    .execute()
  await db.schema
    .createIndex('billing_tabs_contact')
    .on('billing_tabs')
    .columns(['organization_id', 'contact_id'])
    .execute()
  // The deduplication id is unique per contact, so a retried POST adds its item once.
  await db.schema
    .createTable('billing_tab_items')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('billing_tab_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('deduplication_id', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('billing_tab_items_pk', ['organization_id', 'item_id'])
    .addUniqueConstraint('billing_tab_items_dedup', ['organization_id', 'contact_id', 'deduplication_id'])
    .execute()
  await db.schema
    .createIndex('billing_tab_items_tab')
    .on('billing_tab_items')
    .columns(['organization_id', 'billing_tab_id'])
    .execute()
}

// Billogram lists a customer's billograms (filter customer:customer_no), which reads cases by
// their contact; without this index that is a scan of every case of the organization.
async function indexes(db: Db): Promise<void> {
  await db.schema
    .createIndex('cases_contact')
    .on('cases')
    .columns(['organization_id', 'contact_id'])
    .execute()
}

export async function up(db: Db): Promise<void> {
  await callbacks(db)
  await files(db)
  await billingTabs(db)
  await indexes(db)
}
