// Callbacks about something that is not a case's event (a billing tab that could not be billed):
// one `webhook.deliver` row per account-wide subscription, with the body the dialect writes. The
// rows' ids are derived from the notice's own id and the subscription's, so a notice handled twice
// (a crash before its row was marked done) still enqueues each callback once.

import type { CoreContext, Tenant } from '../context.ts'
import { nowIso } from '../context.ts'
import type { CallbackSubscription } from './callback-subscriptions.ts'
import { WEBHOOK_DELIVERY_KIND } from './enqueue-case-callbacks.ts'

export type NoticeRenderer = (
  input: Readonly<{ callbackId: string; callbackAt: string; subscription: CallbackSubscription }>,
) => Readonly<Record<string, unknown>>

export async function enqueueAccountNotice(
  context: CoreContext,
  tenant: Tenant,
  noticeId: string,
  render: NoticeRenderer,
): Promise<number> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const subscriptions = await tx
      .selectFrom('callback_subscriptions')
      .selectAll()
      .where('organization_id', '=', org)
      .where('case_id', 'is', null)
      .execute()
    const now = nowIso(context)
    let enqueued = 0
    for (const row of subscriptions) {
      const subscription: CallbackSubscription = {
        subscriptionId: row.subscription_id,
        caseId: null,
        url: row.url,
        signKey: row.sign_key,
        custom: row.custom,
        createdAt: row.created_at,
      }
      const outboxId = `${noticeId}.${row.subscription_id}`
      const body = render({ callbackId: outboxId, callbackAt: now, subscription })
      const inserted = await tx
        .insertInto('outbox')
        .values({
          organization_id: org,
          outbox_id: outboxId,
          kind: WEBHOOK_DELIVERY_KIND,
          payload: JSON.stringify({
            url: row.url,
            eventId: noticeId,
            subscriptionId: row.subscription_id,
            body: JSON.stringify(body),
          }),
          state: 'pending',
          attempts: 0,
          next_attempt_at: now,
          last_error: null,
          created_at: now,
          done_at: null,
        })
        .onConflict((conflict) => conflict.columns(['organization_id', 'outbox_id']).doNothing())
        .executeTakeFirst()
      enqueued += Number(inserted.numInsertedOrUpdatedRows ?? 0n)
    }
    return enqueued
  })
}
