// Signs Billogram callbacks the vendor's current way (../shared/reference/billogram.md §5):
// `Billogram-Signature` = lowercase hex HMAC-SHA256, keyed with the subscription's sign_key, over
// `{timestamp}:{raw body}`, with the timestamp in `Billogram-Request-Timestamp`. A Node receiver
// of the vendor's reads the headers with an `X-` prefix, so both spellings are sent. main.ts hands
// billogramSignerFor(core) to the outbox relay's webhook handler as its signerFor.

import { createHmac } from 'node:crypto'
import { callbackSigningKey } from '../../core/callbacks/callback-subscriptions.ts'
import type { CoreContext } from '../../core/context.ts'

/** The relay's signer shape: headers to add for a body sent at a timestamp (seconds since 1970). */
export type CallbackSigner = (body: string, timestampSeconds: number) => Readonly<Record<string, string>>

export function billogramSignature(signKey: string, timestamp: string, body: string): string {
  return createHmac('sha256', signKey).update(`${timestamp}:${body}`).digest('hex')
}

export function billogramSigner(signKey: string): CallbackSigner {
  return (body, timestampSeconds) => {
    const timestamp = String(timestampSeconds)
    const signature = billogramSignature(signKey, timestamp, body)
    return {
      'Billogram-Request-Timestamp': timestamp,
      'Billogram-Signature': signature,
      'X-Billogram-Request-Timestamp': timestamp,
      'X-Billogram-Signature': signature,
    }
  }
}

/** For the relay: the signer of a Billogram callback subscription, or undefined for any other. */
export function billogramSignerFor(core: CoreContext) {
  return async (
    organizationId: string,
    subscriptionId: string | null,
  ): Promise<CallbackSigner | undefined> => {
    if (subscriptionId === null) return undefined
    const signKey = await callbackSigningKey(core, organizationId, subscriptionId)
    return signKey ? billogramSigner(signKey) : undefined
  }
}
