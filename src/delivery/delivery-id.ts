// Every effect Faktura delivers carries the id of the outbox row that caused it, so that a retry
// after a crash is recognised: by us (files keyed by the id are overwritten, never duplicated) and
// by receivers (the header below on mail and webhooks, and a Message-ID derived from the id).

import { assert } from '../domain/assert.ts'

export const DELIVERY_ID_HEADER = 'X-Faktura-Delivery-Id'

// Delivery ids name files and folders in the local outboxes, so they must be safe path segments:
// no separators, no leading dot (which would hide the file from the listings), bounded length.
const DELIVERY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

export function assertDeliveryId(deliveryId: string): void {
  assert(
    DELIVERY_ID_PATTERN.test(deliveryId),
    `delivery id ${JSON.stringify(deliveryId)} must be 1 to 128 letters, digits, ".", "_" or "-"`,
  )
}
