// Appends to the event log and, in the same transaction, the outbox rows that deliver its
// effects (webhooks, email, letters). Callers pass their transaction: an event is never
// recorded without the change it describes, nor an effect queued without its event.

import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'

export type EventInput = Readonly<{
  organizationId: string
  type: string
  caseId?: string | null
  invoiceId?: string | null
  data?: Readonly<Record<string, unknown>>
  visibleToRecipient?: boolean
  occurredAt: string
}>

export type OutboxInput = Readonly<{
  organizationId: string
  kind: string
  payload: Readonly<Record<string, unknown>>
  createdAt: string
  /** Delays the first attempt, e.g. a scheduled send. */
  notBefore?: string
}>

function json(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'bigint' ? inner.toString() : inner,
  )
}

export async function recordEvent(tx: Tx, event: EventInput): Promise<string> {
  const eventId = newId()
  await tx
    .insertInto('events')
    .values({
      organization_id: event.organizationId,
      event_id: eventId,
      case_id: event.caseId ?? null,
      invoice_id: event.invoiceId ?? null,
      type: event.type,
      data: json(event.data ?? {}),
      visible_to_recipient: event.visibleToRecipient ?? false,
      created_at: event.occurredAt,
    })
    .execute()
  return eventId
}

export async function enqueueOutbox(tx: Tx, item: OutboxInput): Promise<string> {
  const outboxId = newId()
  await tx
    .insertInto('outbox')
    .values({
      organization_id: item.organizationId,
      outbox_id: outboxId,
      kind: item.kind,
      payload: json(item.payload),
      state: 'pending',
      attempts: 0,
      next_attempt_at: item.notBefore ?? item.createdAt,
      last_error: null,
      created_at: item.createdAt,
      done_at: null,
    })
    .execute()
  return outboxId
}

/** The common case: one event, announced to the organization's webhook subscribers through the outbox. */
export async function recordAndAnnounce(tx: Tx, event: EventInput): Promise<string> {
  const [eventId] = await recordAndAnnounceAll(tx, [event])
  return eventId as string
}

/** Many events and their announcements in two statements, for jobs that change a batch of invoices. */
export async function recordAndAnnounceAll(tx: Tx, events: readonly EventInput[]): Promise<string[]> {
  if (events.length === 0) return []
  const eventIds = events.map(() => newId())
  await tx
    .insertInto('events')
    .values(
      events.map((event, index) => ({
        organization_id: event.organizationId,
        event_id: eventIds[index] as string,
        case_id: event.caseId ?? null,
        invoice_id: event.invoiceId ?? null,
        type: event.type,
        data: json(event.data ?? {}),
        visible_to_recipient: event.visibleToRecipient ?? false,
        created_at: event.occurredAt,
      })),
    )
    .execute()
  await enqueueOutboxAll(
    tx,
    events.map((event, index) => ({
      organizationId: event.organizationId,
      kind: 'event.announce',
      payload: {
        eventId: eventIds[index],
        type: event.type,
        caseId: event.caseId ?? null,
        invoiceId: event.invoiceId ?? null,
      },
      createdAt: event.occurredAt,
    })),
  )
  return eventIds
}

/** Many outbox rows in one statement; ids in input order. */
export async function enqueueOutboxAll(tx: Tx, items: readonly OutboxInput[]): Promise<string[]> {
  if (items.length === 0) return []
  const outboxIds = items.map(() => newId())
  await tx
    .insertInto('outbox')
    .values(
      items.map((item, index) => ({
        organization_id: item.organizationId,
        outbox_id: outboxIds[index] as string,
        kind: item.kind,
        payload: json(item.payload),
        state: 'pending',
        attempts: 0,
        next_attempt_at: item.notBefore ?? item.createdAt,
        last_error: null,
        created_at: item.createdAt,
        done_at: null,
      })),
    )
    .execute()
  return outboxIds
}
