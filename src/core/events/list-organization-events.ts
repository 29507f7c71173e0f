// A page of an organization's event log, newest first, with the whole-number id and kind of the
// invoice each event is about: what an activity feed shows.

import { sql } from 'kysely'
import type { CoreContext, Tenant } from '../context.ts'
import { checkPage, type Page } from '../queries/list-spec.ts'

export type OrganizationEvent = Readonly<{
  eventId: string
  type: string
  occurredAt: string
  data: Readonly<Record<string, unknown>>
  invoiceId: string | null
  invoiceSeq: bigint | null
  invoiceKind: string | null
  invoiceNumber: string | null
}>

export async function listOrganizationEvents(
  context: CoreContext,
  tenant: Tenant,
  page: Readonly<{ limit: number; offset: number }>,
): Promise<Page<OrganizationEvent>> {
  checkPage(page)
  const org = tenant.organizationId
  const base = context.storage.db.selectFrom('events').where('events.organization_id', '=', org)
  const [countRow, rows] = await Promise.all([
    base.select(sql<bigint>`count(*)`.as('count')).executeTakeFirstOrThrow(),
    base
      .leftJoin('invoices', (join) =>
        join
          .onRef('invoices.organization_id', '=', 'events.organization_id')
          .onRef('invoices.invoice_id', '=', 'events.invoice_id'),
      )
      .select([
        'events.event_id',
        'events.type',
        'events.created_at',
        'events.data',
        'events.invoice_id',
        'invoices.invoice_seq',
        'invoices.kind',
        'invoices.number',
      ])
      .orderBy('events.created_at', 'desc')
      .orderBy('events.event_id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ])
  return {
    totalCount: Number(countRow.count),
    items: rows.map((row) => ({
      eventId: row.event_id,
      type: row.type,
      occurredAt: row.created_at,
      data: JSON.parse(row.data) as Record<string, unknown>,
      invoiceId: row.invoice_id,
      invoiceSeq: row.invoice_seq,
      invoiceKind: row.kind,
      invoiceNumber: row.number,
    })),
  }
}
