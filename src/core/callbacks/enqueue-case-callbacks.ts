// Turns a case's new events into callback deliveries: one `webhook.deliver` outbox row per event
// and subscription, with the body the caller's renderer writes (each dialect has its own shape).
// Runs inside the transaction that recorded the events, so an event and its callbacks commit
// together. A cursor per case, locked and moved in that transaction, makes every event announced
// exactly once, whichever command or catch-up announces it.

import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import type { CaseRecord } from '../cases/case-details.ts'
import { loadCase } from '../cases/case-details.ts'
import { loadCaseEvents } from '../cases/case-events.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import type { CaseEvent } from '../events/list-events.ts'
import { enqueueOutbox } from '../events/record-event.ts'
import { lockAnnounceCursor, moveAnnounceCursor } from './announce-case-events.ts'
import { subscriptionsFor } from './callback-subscriptions.ts'

export const WEBHOOK_DELIVERY_KIND = 'webhook.deliver'

export type CallbackRenderInput = Readonly<{
  /** The delivery's own id, distinct per subscription, for receivers that deduplicate. */
  callbackId: string
  callbackAt: string
  event: CaseEvent
  caseRecord: CaseRecord
  custom: string | null
}>

/** Writes a callback body, or undefined for an event its vendor does not announce. */
export type CallbackRenderer = (input: CallbackRenderInput) => Readonly<Record<string, unknown>> | undefined

/** Bounds one call; a case with more new events is caught up by the next call. */
const MAX_EVENTS_PER_CALL = 500

/** The callbacks' cursor per case, among the announcers' (announce-case-events.ts). */
const CURSOR = 'billogram.callbacks'

/** Enqueues the callbacks of the case's events not announced yet; returns how many rows it wrote. */
export async function enqueueCaseCallbacks(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  caseId: string,
  render: CallbackRenderer,
): Promise<number> {
  const org = tenant.organizationId
  // Without a subscription there is no one to tell, and a subscription made later hears only of
  // what happens after it: the cursor need not move.
  const subscriptions = await subscriptionsFor(tx, org, caseId)
  if (subscriptions.length === 0) return 0
  const after = await lockAnnounceCursor(context, tx, org, CURSOR, caseId)
  const events = await loadCaseEvents(tx, org, caseId, { afterEventId: after, limit: MAX_EVENTS_PER_CALL })
  const last = events.at(-1)
  if (!last) return 0
  const caseRecord = await loadCase(tx, org, caseId)
  const now = nowIso(context)
  let enqueued = 0
  for (const event of events) {
    for (const subscription of subscriptions) {
      // A subscription hears only of what happened after it was made.
      if (!caseRecord || event.occurredAt < subscription.createdAt) continue
      const callbackId = newId()
      const body = render({ callbackId, callbackAt: now, event, caseRecord, custom: subscription.custom })
      if (!body) continue
      await enqueueOutbox(tx, {
        organizationId: org,
        kind: WEBHOOK_DELIVERY_KIND,
        payload: {
          url: subscription.url,
          eventId: event.eventId,
          subscriptionId: subscription.subscriptionId,
          caseId,
          ...(event.invoiceId ? { invoiceId: event.invoiceId } : {}),
          // Serialized here, so the bytes signed and sent are exactly the ones the renderer wrote.
          body: JSON.stringify(body),
        },
        createdAt: now,
      })
      enqueued += 1
    }
  }
  await moveAnnounceCursor(tx, org, CURSOR, caseId, last.eventId)
  return enqueued
}

/** Announces what happened to a case outside a command (a recipient's message, a job), in its own transaction. */
export async function announceCaseCallbacks(
  context: CoreContext,
  tenant: Tenant,
  caseId: string,
  render: CallbackRenderer,
): Promise<number> {
  return context.storage.db
    .transaction()
    .execute((tx) => enqueueCaseCallbacks(context, tx, tenant, caseId, render))
}
