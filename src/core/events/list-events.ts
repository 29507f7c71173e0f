// Reads a case's event log in the order it happened, for the dialects' activity views.

import type { CoreContext, Tenant } from '../context.ts'

export type CaseEvent = Readonly<{
  eventId: string
  caseId: string | null
  invoiceId: string | null
  type: string
  data: Readonly<Record<string, unknown>>
  visibleToRecipient: boolean
  occurredAt: string
}>

export async function listCaseEvents(
  context: CoreContext,
  tenant: Tenant,
  caseId: string,
): Promise<CaseEvent[]> {
  const rows = await context.storage.db
    .selectFrom('events')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('event_id')
    .execute()
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
