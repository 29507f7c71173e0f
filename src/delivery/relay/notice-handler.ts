// Handles notice rows (a scheduled billing tab that could not be billed): each dialect that keeps
// subscriptions is asked to enqueue the callbacks its subscribers are owed. The notifiers come
// from the composition root, so delivery never imports a dialect; each must be idempotent for one
// notice id, because a crash after notifying and before marking the row done runs it again.

import type { OutboxHandler } from './outbox-handler.ts'
import { readObject } from './read-payload.ts'

export type NoticeNotifier = (
  organizationId: string,
  noticeId: string,
  payload: Readonly<Record<string, unknown>>,
) => Promise<number>

export function createNoticeHandler(notifiers: readonly NoticeNotifier[]): OutboxHandler {
  return {
    channel: 'webhook',
    prepare(value: unknown) {
      const payload = readObject(value, 'payload')
      return {
        recipient: 'account-wide subscribers',
        caseId: null,
        invoiceId: null,
        async send({ organizationId, deliveryId }) {
          let enqueued = 0
          for (const notify of notifiers) enqueued += await notify(organizationId, deliveryId, payload)
          return { enqueued }
        },
      }
    },
  }
}
