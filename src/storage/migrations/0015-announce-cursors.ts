// A cursor per announcer and case: the last event of the case that announcer (Billomat's webhooks)
// has turned into deliveries, so each event is announced once whichever outbox row or catch-up
// announces it. Billogram's callbacks keep theirs in callback_cursors (0003).
// As everywhere, organization_id leads every key.

import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('announce_cursors')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('announcer', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('last_event_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announce_cursors_pk', ['organization_id', 'announcer', 'case_id'])
    .execute()
}
