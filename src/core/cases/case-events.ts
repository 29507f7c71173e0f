// Reads a case's event log inside any executor (a transaction included), oldest first, optionally
// only the events after a given one. Event ids are time-ordered (UUIDv7), so "after" is "later".

import type { Executor } from '../../storage/database.ts'
import type { CaseEvent } from '../events/list-events.ts'

export async function loadCaseEvents(
  db: Executor,
  organizationId: string,
  caseId: string,
  options: Readonly<{ afterEventId?: string; limit?: number }> = {},
): Promise<CaseEvent[]> {
  let query = db
    .selectFrom('events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('case_id', '=', caseId)
  if (options.afterEventId !== undefined) query = query.where('event_id', '>', options.afterEventId)
  if (options.limit !== undefined) query = query.limit(options.limit)
  const rows = await query.orderBy('event_id').execute()
  return rows.map((row) => ({
    eventId: row.event_id,
    caseId: row.case_id,
    invoiceId: row.invoice_id,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    visibleToRecipient: row.visible_to_recipient,
    occurredAt: row.created_at,
  }))
}
