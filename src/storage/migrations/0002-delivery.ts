// What the outbox relay needs beyond the core outbox: a claim on each row (so two relays never
// run the same row) with a durable "attempt started" marker, and the delivery log, which keeps
// every attempt's outcome per case and invoice for as long as the invoice exists.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  // A claimed row's next_attempt_at is the end of its lease, so "due" also means "lease expired"
  // and the existing (state, next_attempt_at) index serves both. The token guards every write
  // after the claim: a relay whose lease was taken over changes nothing.
  await db.schema.alterTable('outbox').addColumn('claim_token', 'text').execute()
  // Which process holds the claim, for operators only (host and pid).
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute()
  // Committed before the transport is called and cleared with the outcome: a claimed row that
  // still has it was interrupted mid-attempt, and its outcome is unknown.
  await db.schema.alterTable('outbox').addColumn('attempt_started_at', 'timestamptz').execute()

  await db.schema
    .createTable('delivery_log')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    // The outbox row, which is also the delivery id every transport carries to the receiver.
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('invoice_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // Null only when the payload was too broken to name one.
    .addColumn('recipient', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('delivery_log_pk', ['organization_id', 'entry_id'])
    .execute()
  await db.schema
    .createIndex('delivery_log_invoice')
    .on('delivery_log')
    .columns(['organization_id', 'invoice_id'])
    .execute()
  await db.schema
    .createIndex('delivery_log_case')
    .on('delivery_log')
    .columns(['organization_id', 'case_id'])
    .execute()
  await db.schema
    .createIndex('delivery_log_outbox')
    .on('delivery_log')
    .columns(['organization_id', 'outbox_id'])
    .execute()
}
