// Handles `event.announce` rows, written with every announced event: each dialect that keeps
// subscriptions (Billogram callbacks, Billomat webhooks) is asked to enqueue the deliveries its
// subscribers have not had yet. The announcers are supplied by the composition root, so delivery
// never imports a dialect; each one must be idempotent (a cursor per case), because a crash after
// announcing and before marking the row done runs it again.

import type { OutboxHandler } from './outbox-handler.ts'
import { readObject, readOptionalString } from './read-payload.ts'

/** Enqueues the webhook deliveries a case's new events owe; returns how many it enqueued. */
export type CaseAnnouncer = (organizationId: string, caseId: string) => Promise<number>

export const ANNOUNCE_KIND = 'event.announce'

export function createAnnounceHandler(announcers: readonly CaseAnnouncer[]): OutboxHandler {
  return {
    channel: 'webhook',
    prepare(value: unknown) {
      const payload = readObject(value, 'payload')
      const caseId = readOptionalString(payload, 'caseId', '') ?? null
      const invoiceId = readOptionalString(payload, 'invoiceId', '') ?? null
      return {
        recipient: 'subscribers of the case',
        caseId,
        invoiceId,
        async send({ organizationId }) {
          if (caseId === null) return { enqueued: 0 }
          let enqueued = 0
          for (const announce of announcers) enqueued += await announce(organizationId, caseId)
          return { enqueued }
        },
      }
    },
  }
}
