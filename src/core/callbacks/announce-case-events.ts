// Turns a case's new events into one announcer's outbox rows (Billomat's webhooks), each event
// once, with a cursor per announcer and case (Billogram's callbacks keep theirs in the same table,
// enqueue-case-callbacks.ts). The announcer prepares its rows before the
// transaction (rendering a body reads the invoice as a GET would); the transaction then takes the
// cursor's lock, drops what another run announced meanwhile, numbers each row from the
// organization's request counter (receivers order by it) and moves the cursor.

import { type Executor, forUpdate, type Tx } from '../../storage/database.ts'
import { loadCaseEvents } from '../cases/case-events.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import type { CaseEvent } from '../events/list-events.ts'
import { enqueueOutbox } from '../events/record-event.ts'

export type AnnouncedRow = Readonly<{
  kind: string
  /** The row's payload given its request number, increasing per organization. */
  payload: (requestNo: bigint) => Readonly<Record<string, unknown>>
}>

export type CaseAnnouncement = Readonly<{ eventId: string; rows: readonly AnnouncedRow[] }>

export type CaseAnnouncer = Readonly<{
  /** The cursor's name, e.g. `billomat.webhooks`. */
  name: string
  prepare: (events: readonly CaseEvent[]) => Promise<readonly CaseAnnouncement[]>
}>

/** Bounds one call; a case with more new events is caught up by the next announcement. */
const MAX_EVENTS_PER_CALL = 500

async function readCursor(db: Executor, org: string, name: string, caseId: string) {
  const row = await db
    .selectFrom('announce_cursors')
    .select('last_event_id')
    .where('organization_id', '=', org)
    .where('announcer', '=', name)
    .where('case_id', '=', caseId)
    .executeTakeFirst()
  return row?.last_event_id ?? ''
}

/** Locks (creating it when new) an announcer's cursor of a case; returns the last event announced. */
export async function lockAnnounceCursor(
  context: CoreContext,
  tx: Tx,
  org: string,
  name: string,
  caseId: string,
): Promise<string> {
  await tx
    .insertInto('announce_cursors')
    .values({ organization_id: org, announcer: name, case_id: caseId, last_event_id: '' })
    .onConflict((conflict) => conflict.columns(['organization_id', 'announcer', 'case_id']).doNothing())
    .execute()
  const row = await forUpdate(
    context.storage,
    tx
      .selectFrom('announce_cursors')
      .select('last_event_id')
      .where('organization_id', '=', org)
      .where('announcer', '=', name)
      .where('case_id', '=', caseId),
  ).executeTakeFirstOrThrow()
  return row.last_event_id
}

export async function moveAnnounceCursor(
  tx: Tx,
  org: string,
  name: string,
  caseId: string,
  lastEventId: string,
): Promise<void> {
  await tx
    .updateTable('announce_cursors')
    .set({ last_event_id: lastEventId })
    .where('organization_id', '=', org)
    .where('announcer', '=', name)
    .where('case_id', '=', caseId)
    .execute()
}

/** Enqueues the rows of the case's events this announcer has not announced; returns how many. */
export async function announceCaseEvents(
  context: CoreContext,
  tenant: Tenant,
  caseId: string,
  announcer: CaseAnnouncer,
): Promise<number> {
  const org = tenant.organizationId
  const after = await readCursor(context.storage.db, org, announcer.name, caseId)
  const events = await loadCaseEvents(context.storage.db, org, caseId, {
    afterEventId: after,
    limit: MAX_EVENTS_PER_CALL,
  })
  const last = events.at(-1)
  if (!last) return 0
  const announcements = await announcer.prepare(events)
  return context.storage.db.transaction().execute(async (tx) => {
    const locked = await lockAnnounceCursor(context, tx, org, announcer.name, caseId)
    if (locked >= last.eventId) return 0
    const now = nowIso(context)
    let enqueued = 0
    for (const announcement of announcements) {
      if (announcement.eventId <= locked) continue
      for (const row of announcement.rows) {
        const requestNo = await takeCounter(context.storage, tx, org, 'webhook_request')
        await enqueueOutbox(tx, {
          organizationId: org,
          kind: row.kind,
          payload: row.payload(requestNo),
          createdAt: now,
        })
        enqueued += 1
      }
    }
    await moveAnnounceCursor(tx, org, announcer.name, caseId, last.eventId)
    return enqueued
  })
}
