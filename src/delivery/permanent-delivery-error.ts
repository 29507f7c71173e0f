// A delivery that would fail the same way on every retry: a recipient the server refuses, a phone
// number that is not E.164, a "PDF" that is not one. The outbox relay dead-letters these at once
// instead of spending its retry budget; any other error from a transport is an outage (the
// library's own error, unwrapped) and is retried with backoff.

export type PermanentDeliveryErrorOptions = Readonly<{
  /** The field of the outgoing message to blame, e.g. `to` or `recipient.postalCode`. */
  field?: string
  cause?: unknown
}>

export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError'
  readonly field: string | undefined

  constructor(message: string, options: PermanentDeliveryErrorOptions = {}) {
    super(message, { cause: options.cause })
    this.field = options.field
  }
}
