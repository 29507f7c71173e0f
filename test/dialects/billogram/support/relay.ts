// Runs the outbox relay the way main.ts does for the rows the Billogram tests care about:
// callbacks through the webhook handler with the dialect's signer, until none is left.

import type { CoreContext } from '../../../../src/core/context.ts'
import type { OutboxHandler } from '../../../../src/delivery/relay/outbox-handler.ts'
import { createOutboxRelay } from '../../../../src/delivery/relay/outbox-relay.ts'
import { createWebhookHandler } from '../../../../src/delivery/relay/webhook-handler.ts'
import { billogramSignerFor } from '../../../../src/dialects/billogram/callback-signer.ts'

export async function drainOutbox(
  core: CoreContext,
  extraHandlers: Record<string, OutboxHandler> = {},
): Promise<number> {
  const relay = createOutboxRelay({
    storage: core.storage,
    handlers: {
      'webhook.deliver': createWebhookHandler({
        signerFor: billogramSignerFor(core),
        network: { allowLoopback: true },
        timeoutMs: 5_000,
      }),
      ...extraHandlers,
    },
    batchSize: 50,
  })
  let delivered = 0
  for (let round = 0; round < 20; round++) {
    const run = await relay.runOnce()
    delivered += run.delivered
    if (run.claimed === 0) break
  }
  return delivered
}
