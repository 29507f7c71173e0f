// How Billomat webhooks are delivered (§5): as rows of their own outbox kind, through the relay's
// webhook handler, with Billomat's schedule: a failed request is tried again after 1 minute, then
// 1 hour, then 6 hours, whatever the receiver answered except 410 Gone; then the row is given up
// (dead-lettered, in the delivery log) and the webhook made inactive, as Billomat disables it, so
// it hears of nothing more until a client sets `active` again. A webhook with a username is sent with basic auth, read
// from its registration at each attempt, so the password never sits in the outbox. main.ts hands
// these to createWebhookHandler for BILLOMAT_WEBHOOK_KIND.

import type { CoreContext } from '../../../core/context.ts'
import { loadRecord } from '../../../core/records/dialect-record.ts'
import { updateRecord } from '../../../core/records/update-record.ts'
import { WEBHOOK_RESOURCE } from './webhook-spec.ts'

export const BILLOMAT_WEBHOOK_KIND = 'billomat.webhook'

const MINUTE_MS = 60_000

/** The waits after the first, second and third failed request. */
export const BILLOMAT_RETRY_DELAYS_MS = [MINUTE_MS, 60 * MINUTE_MS, 6 * 60 * MINUTE_MS] as const

export const BILLOMAT_RETRY = {
  maxAttempts: BILLOMAT_RETRY_DELAYS_MS.length + 1,
  backoff: (attempt: number): number =>
    BILLOMAT_RETRY_DELAYS_MS[Math.min(attempt, BILLOMAT_RETRY_DELAYS_MS.length) - 1] as number,
} as const

/** Every failure is tried again but 410 Gone (null: no answer, a timeout or a refused connection). */
export function billomatRetryable(status: number | null): boolean {
  return status !== 410
}

type Signer = (body: string, timestampSeconds: number) => Readonly<Record<string, string>>

/** For the relay: basic auth of the webhook registration named by the row, when it has a username. */
export function billomatWebhookAuthFor(core: CoreContext) {
  return async (organizationId: string, webhookNo: string | null): Promise<Signer | undefined> => {
    if (webhookNo === null || !/^\d+$/.test(webhookNo)) return undefined
    const webhook = await loadRecord(core.storage.db, organizationId, WEBHOOK_RESOURCE, BigInt(webhookNo))
    const data = (webhook?.data ?? {}) as Readonly<Record<string, string>>
    if (!data.username) return undefined
    const credentials = Buffer.from(`${data.username}:${data.password ?? ''}`).toString('base64')
    return () => ({ Authorization: `Basic ${credentials}` })
  }
}

/** For the relay: a given-up delivery makes its webhook inactive (a deleted one stays deleted). */
export function disableWebhookFor(core: CoreContext) {
  return async (organizationId: string, webhookNo: string | null): Promise<void> => {
    if (webhookNo === null || !/^\d+$/.test(webhookNo)) return
    const tenant = { organizationId }
    const webhook = await loadRecord(core.storage.db, organizationId, WEBHOOK_RESOURCE, BigInt(webhookNo))
    if (!webhook || webhook.data.active === '0') return
    await updateRecord(core, tenant, WEBHOOK_RESOURCE, webhook.recordNo, (current) => ({
      ...current.data,
      active: '0',
    }))
  }
}

export function billomatWebhookDelivery(core: CoreContext) {
  return {
    retry: BILLOMAT_RETRY,
    retryable: billomatRetryable,
    signerFor: billomatWebhookAuthFor(core),
    onGiveUp: disableWebhookFor(core),
  }
}
