// Sends mail through an SMTP server named by SMTP_URL. The transport holds a nodemailer
// transporter (and, with `pool`, its open connections), so it is closed at shutdown.

import { createTransport } from 'nodemailer'
import { isPermanentResponseCode } from 'nodemailer/lib/errors'
import type { SendMailOptions } from 'nodemailer/lib/mailer'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import { composeMail } from './compose-mail.ts'
import type { MailReceipt, MailTransport, OutgoingMail } from './mail-transport.ts'

export type SmtpMailTransportOptions = Readonly<{
  /**
   * `smtp://user:pass@host:587` (upgrades with STARTTLS when the server offers it) or
   * `smtps://user:pass@host:465` (TLS from the first byte). Credentials are percent-encoded.
   */
  url: string
  /** Refuse to send unless the server upgrades a smtp:// connection with STARTTLS. */
  requireTls?: boolean
  /** Reuse up to five open connections instead of connecting per message. */
  pool?: boolean
  connectionTimeoutMs?: number
  greetingTimeoutMs?: number
  /** Longest silence on an open connection before it is given up. */
  socketTimeoutMs?: number
}>

export type SmtpMailTransport = MailTransport &
  Readonly<{
    /** Connects and authenticates once, to fail fast at startup on a wrong SMTP_URL. */
    verify(): Promise<void>
    close(): void
  }>

type Address = string | Readonly<{ address: string }>

// The subset of nodemailer's transporter used here; pooled and single transporters both fit it.
type Transporter = Readonly<{
  sendMail(options: SendMailOptions): Promise<{ accepted: Address[]; rejected: Address[]; response: string }>
  verify(): Promise<true>
  close(): void
}>

export function createSmtpMailTransport(options: SmtpMailTransportOptions): SmtpMailTransport {
  const transporter = createTransporter(options)
  return {
    async send(message: OutgoingMail): Promise<MailReceipt> {
      const composed = composeMail(message)
      try {
        const info = await transporter.sendMail({ ...composed, xMailer: false })
        return {
          deliveryId: message.deliveryId,
          messageId: composed.messageId ?? '',
          accepted: info.accepted.map(addressText),
          rejected: info.rejected.map(addressText),
          response: info.response,
        }
      } catch (error) {
        throw asPermanentIfRefused(error)
      }
    },
    async verify(): Promise<void> {
      await transporter.verify()
    },
    close(): void {
      transporter.close()
    },
  }
}

function createTransporter(options: SmtpMailTransportOptions): Transporter {
  const url = parseSmtpUrl(options.url)
  const common = {
    url: url.href,
    requireTLS: options.requireTls ?? false,
    connectionTimeout: options.connectionTimeoutMs ?? 30_000,
    greetingTimeout: options.greetingTimeoutMs ?? 30_000,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  }
  return options.pool
    ? createTransport({ ...common, pool: true, maxConnections: 5 })
    : createTransport(common)
}

function parseSmtpUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error('SMTP_URL is not a URL; expected smtp://user:pass@host:port or smtps://...')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`)
  }
  if (!url.hostname) throw new Error('SMTP_URL names no host')
  return url
}

function addressText(address: Address): string {
  return typeof address === 'string' ? address : address.address
}

// A 5xx reply to the envelope or the data is the server's final word on this message; anything
// else (connection refused, timeout, 4xx, authentication) may pass later and stays as it is.
function asPermanentIfRefused(error: unknown): unknown {
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown }
  const refusal = code === 'EENVELOPE' || code === 'EMESSAGE'
  if (refusal && typeof responseCode === 'number' && isPermanentResponseCode(responseCode)) {
    const message = error instanceof Error ? error.message : String(error)
    return new PermanentDeliveryError(`the SMTP server refused the message: ${message}`, { cause: error })
  }
  return error
}
