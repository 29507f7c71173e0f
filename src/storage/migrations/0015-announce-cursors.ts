// A cursor per announcer and case: the last event of the case that announcer (Billogram's
// callbacks, Billomat's webhooks) has turned into deliveries, so each event is announced once
// whichever outbox row or command announces it. Billogram's cursors, kept in callback_cursors
// (0003) before, move here as the announcer `billogram.callbacks`.
// As everywhere, organization_id leads every key.

import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('announce_cursors')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('announcer', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('last_event_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announce_cursors_pk', ['organization_id', 'announcer', 'case_id'])
    .execute()
  await sql`insert into announce_cursors (organization_id, announcer, case_id, last_event_id)
    select organization_id, 'billogram.callbacks', case_id, last_event_id from callback_cursors`.execute(db)
  await db.schema.dropTable('callback_cursors').execute()
}
