// The seam between Faktura and whatever carries its email. main.ts picks one implementation (SMTP,
// or the local outbox when no SMTP_URL is configured); the outbox relay only ever sees this
// interface, so it can record a receipt or a failure without knowing how the mail travelled.

export type MailAddress = Readonly<{
  address: string
  /** Display name; any characters are allowed, encoding is the transport's job. */
  name?: string
}>

export type MailAttachment = Readonly<{
  filename: string
  contentType: string
  content: Buffer
}>

export type OutgoingMail = Readonly<{
  /**
   * The outbox row's id. The Message-ID and the X-Faktura-Delivery-Id header are derived from it,
   * so a retry of the same delivery produces a message receivers can recognise as a duplicate.
   */
  deliveryId: string
  from: MailAddress
  replyTo?: MailAddress
  to: readonly MailAddress[]
  cc: readonly MailAddress[]
  /** Envelope recipients only: they never appear in the message headers. */
  bcc: readonly MailAddress[]
  subject: string
  text: string
  html?: string
  attachments: readonly MailAttachment[]
  /** Further headers. Message-ID, the delivery id header and the address headers are reserved. */
  headers?: Readonly<Record<string, string>>
}>

export type MailReceipt = Readonly<{
  deliveryId: string
  messageId: string
  /** Recipients the next hop accepted (every recipient, for the local outbox). */
  accepted: readonly string[]
  /** Recipients the next hop refused while accepting the others. */
  rejected: readonly string[]
  /** The SMTP server's final reply, or the path of the written .eml file. */
  response: string
}>

export interface MailTransport {
  send(message: OutgoingMail): Promise<MailReceipt>
}
