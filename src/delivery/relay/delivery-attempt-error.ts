// A failed attempt that the handler understood: it carries what the delivery log should keep
// (an HTTP status, the receiver's answer) and, when the receiver said so, when to come back.
// Any other error a handler throws is logged by its message alone.

import type { DeliveryDetail } from './outbox-handler.ts'

export type DeliveryAttemptErrorOptions = Readonly<{
  detail?: DeliveryDetail
  /** The same attempt would fail the same way again: dead-letter the row now. */
  permanent?: boolean
  /** The receiver's own Retry-After; the relay waits at least this long, within its maximum. */
  retryAfterMs?: number
}>

export class DeliveryAttemptError extends Error {
  override name = 'DeliveryAttemptError'
  readonly detail: DeliveryDetail
  readonly retryAfterMs: number | undefined
  readonly permanent: boolean

  constructor(message: string, options: DeliveryAttemptErrorOptions = {}) {
    super(message)
    this.detail = options.detail ?? {}
    this.retryAfterMs = options.retryAfterMs
    this.permanent = options.permanent ?? false
  }
}
