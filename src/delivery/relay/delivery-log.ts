// The delivery log: one entry per attempt outcome, written in the transaction that settles the
// outbox row, so the log and the outbox never disagree. Support reads it per invoice or case
// ("was the reminder sent, to which address, and what did the server answer?").

import type { Executor, Storage } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import type { DeliveryChannel, DeliveryDetail } from './outbox-handler.ts'

/**
 * `sent`: the transport accepted it. `failed`: it will be tried again. `dead`: it will not be.
 * `interrupted`: the relay stopped mid-attempt, so whether the receiver got it is unknown; the
 * row is tried again (see outbox-relay.ts for why that is the safe choice).
 */
export type DeliveryStatus = 'sent' | 'failed' | 'dead' | 'interrupted'

export type DeliveryLogInput = Readonly<{
  organizationId: string
  outboxId: string
  kind: string
  channel: DeliveryChannel
  recipient: string | null
  caseId: string | null
  invoiceId: string | null
  status: DeliveryStatus
  attempt: number
  detail: DeliveryDetail
  createdAt: string
}>

export type DeliveryLogEntry = Readonly<{
  entryId: string
  /** The outbox row's id: the delivery id the receiver saw in X-Faktura-Delivery-Id. */
  deliveryId: string
  organizationId: string
  kind: string
  channel: DeliveryChannel
  recipient: string | null
  caseId: string | null
  invoiceId: string | null
  status: DeliveryStatus
  attempt: number
  detail: DeliveryDetail
  createdAt: string
}>

export type DeliveryFilter = Readonly<{ invoiceId?: string; caseId?: string; limit?: number }>

const MAX_LIST_LIMIT = 1000

export async function writeDeliveryLog(executor: Executor, entry: DeliveryLogInput): Promise<void> {
  await executor
    .insertInto('delivery_log')
    .values({
      organization_id: entry.organizationId,
      entry_id: newId(),
      outbox_id: entry.outboxId,
      case_id: entry.caseId,
      invoice_id: entry.invoiceId,
      kind: entry.kind,
      channel: entry.channel,
      recipient: entry.recipient,
      status: entry.status,
      attempt: entry.attempt,
      detail: JSON.stringify(entry.detail),
      created_at: entry.createdAt,
    })
    .execute()
}

/** An organization's delivery outcomes, oldest first, narrowed to one invoice or case when asked. */
export async function listDeliveries(
  storage: Storage,
  organizationId: string,
  filter: DeliveryFilter = {},
): Promise<DeliveryLogEntry[]> {
  let query = storage.db.selectFrom('delivery_log').selectAll().where('organization_id', '=', organizationId)
  if (filter.invoiceId !== undefined) query = query.where('invoice_id', '=', filter.invoiceId)
  if (filter.caseId !== undefined) query = query.where('case_id', '=', filter.caseId)
  const rows = await query
    .orderBy('created_at')
    .orderBy('entry_id')
    .limit(Math.min(filter.limit ?? MAX_LIST_LIMIT, MAX_LIST_LIMIT))
    .execute()
  return rows.map((row) => ({
    entryId: row.entry_id,
    deliveryId: row.outbox_id,
    organizationId: row.organization_id,
    kind: row.kind,
    channel: row.channel as DeliveryChannel,
    recipient: row.recipient,
    caseId: row.case_id,
    invoiceId: row.invoice_id,
    status: row.status as DeliveryStatus,
    attempt: row.attempt,
    detail: JSON.parse(row.detail) as DeliveryDetail,
    createdAt: row.created_at,
  }))
}
