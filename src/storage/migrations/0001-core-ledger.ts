// The ledger, the event log and the side-effect tables: outbox and idempotency keys.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

async function ledger(db: Db): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('vat_rate_percent', 'text')
    .addColumn('is_archived', 'boolean', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('accounts_pk', ['organization_id', 'account_id'])
    .addUniqueConstraint('accounts_number_unique', ['organization_id', 'account_number'])
    .execute()

  await db.schema
    .createTable('journal_entries')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'date', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('reverses_entry_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('journal_entries_pk', ['organization_id', 'entry_id'])
    .execute()
  await db.schema
    .createIndex('journal_entries_source')
    .on('journal_entries')
    .columns(['organization_id', 'source_type', 'source_id'])
    .execute()

  await db.schema
    .createTable('journal_lines')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('debit_minor', 'bigint', (c) => c.notNull())
    .addColumn('credit_minor', 'bigint', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('invoice_id', 'text')
    .addColumn('vat_rate_percent', 'text')
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('journal_lines_pk', ['organization_id', 'entry_id', 'line_no'])
    .addForeignKeyConstraint('journal_lines_entry_fk', ['organization_id', 'entry_id'], 'journal_entries', [
      'organization_id',
      'entry_id',
    ])
    .addForeignKeyConstraint('journal_lines_account_fk', ['organization_id', 'account_number'], 'accounts', [
      'organization_id',
      'account_number',
    ])
    .execute()
  await db.schema
    .createIndex('journal_lines_account')
    .on('journal_lines')
    .columns(['organization_id', 'account_number'])
    .execute()
}

async function effects(db: Db): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('invoice_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('visible_to_recipient', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pk', ['organization_id', 'event_id'])
    .execute()
  await db.schema.createIndex('events_case').on('events').columns(['organization_id', 'case_id']).execute()

  await db.schema
    .createTable('outbox')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addPrimaryKeyConstraint('outbox_pk', ['organization_id', 'outbox_id'])
    .execute()
  // The relay scans pending rows across all organizations by due time.
  await db.schema.createIndex('outbox_due').on('outbox').columns(['state', 'next_attempt_at']).execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_headers', 'text')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['organization_id', 'scope', 'idempotency_key'])
    .execute()
}

export async function ledgerAndEffects(db: Db): Promise<void> {
  await ledger(db)
  await effects(db)
}
