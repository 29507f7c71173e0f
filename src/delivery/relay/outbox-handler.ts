// The contract between the outbox relay and whatever delivers one kind of outbox row. The relay
// owns claiming, retries, the delivery log and the exactly-once bookkeeping; a handler only
// reads its payload and hands the message to a transport, carrying the delivery id along.

export type DeliveryChannel = 'email' | 'letter' | 'sms' | 'webhook'

/** The kinds of outbox row the ready-made handlers deliver, as the core enqueues them. */
export const OUTBOX_KINDS = {
  email: 'email.send',
  letter: 'letter.send',
  sms: 'sms.send',
  webhook: 'webhook.deliver',
} as const satisfies Record<DeliveryChannel, string>

export type DeliveryAttempt = Readonly<{
  /**
   * The outbox row's id, the same on every attempt: transports derive the Message-ID, the
   * X-Faktura-Delivery-Id header and their local file names from it.
   */
  deliveryId: string
  organizationId: string
  /** 1 for the first attempt; an attempt interrupted by a crash counts too. */
  attempt: number
  /** Aborted when the attempt runs past the relay's attemptTimeoutMs. */
  signal: AbortSignal
}>

/** What the delivery log keeps about a successful attempt (message id, server reply, status). */
export type DeliveryDetail = Readonly<Record<string, unknown>>

export type PreparedDelivery = Readonly<{
  /** Email addresses, a phone number, a postal address line or a URL, as the log shows it. */
  recipient: string
  caseId: string | null
  invoiceId: string | null
  send(attempt: DeliveryAttempt): Promise<DeliveryDetail>
}>

/**
 * When a failed row is tried again, for handlers whose receivers expect a vendor's own schedule
 * (Billomat webhooks: after 1 minute, 1 hour and 6 hours). Without one the relay's applies.
 */
export type RetrySchedule = Readonly<{
  /** Attempts in all, the first included, before the row is dead-lettered. */
  maxAttempts: number
  /** The wait after failed attempt number `attempt` (1-based), in milliseconds. */
  backoff: (attempt: number) => number
}>

export type OutboxHandler = Readonly<{
  channel: DeliveryChannel
  retry?: RetrySchedule
  /**
   * Validates the row's parsed payload without doing any I/O. Throws PermanentDeliveryError when
   * the payload can never be delivered, which dead-letters the row at once.
   */
  prepare(payload: unknown, organizationId: string): PreparedDelivery
}>

/** Reads a stored document (an invoice PDF) that a payload refers to by id instead of inlining it. */
export type LoadDocument = (organizationId: string, documentId: string) => Promise<Buffer>
