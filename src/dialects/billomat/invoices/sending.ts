// The bodies of `POST /invoices/{id}/email` and `/mail` (seed 002) read into the core's send
// channels. Recipients come as a string, a comma list or a list per kind (to, cc, bcc, §1.6);
// subject and body default from the chosen or default email template; Billomat placeholders are
// filled with the document's values at the time of sending.

import type { EmailChannel, LetterChannel } from '../../../core/invoices/send-invoice.ts'
import { invalidField } from '../../../domain/errors.ts'
import { nestedItems, type WireObject } from '../wire/body.ts'
import { readBoolean, readInteger, readText } from '../wire/read.ts'
import type { WireStrings } from './extra.ts'
import { fillPlaceholders } from './placeholders.ts'

function addresses(value: unknown, field: string): string[] {
  if (value === undefined || value === null || value === '') return []
  const values = Array.isArray(value) ? value : [value]
  return values.flatMap((entry, index) => {
    if (typeof entry !== 'string')
      throw invalidField(`${field}[${index}]`, `${field} must hold email addresses`)
    return entry
      .split(/[,;]/)
      .map((address) => address.trim())
      .filter((address) => address !== '')
  })
}

function recipientsOf(body: WireObject): { to: string[]; cc: string[]; bcc: string[] } {
  const recipients = body.recipients
  if (recipients === undefined || recipients === null || recipients === '')
    throw invalidField('recipients', 'recipients needs at least one "to", "cc" or "bcc" address')
  if (typeof recipients !== 'object' || Array.isArray(recipients))
    throw invalidField('recipients', 'recipients holds "to", "cc" and "bcc" elements')
  const parts = recipients as Record<string, unknown>
  const to = addresses(parts.to, 'recipients.to')
  const cc = addresses(parts.cc, 'recipients.cc')
  const bcc = addresses(parts.bcc, 'recipients.bcc')
  if (to.length + cc.length + bcc.length === 0)
    throw invalidField('recipients', 'recipients needs at least one "to", "cc" or "bcc" address')
  return { to, cc, bcc }
}

export type EmailDefaults = Readonly<{
  /** The email template chosen by email_template_id, or the account's default one. */
  template: WireStrings | undefined
  /** Billomat's file name pattern from the settings, placeholders still in it. */
  filenamePattern: string
  bccAddresses: readonly string[]
  values: Readonly<Record<string, string>>
}>

export function emailFromWire(body: WireObject, defaults: EmailDefaults): EmailChannel {
  const { to, cc, bcc } = recipientsOf(body)
  const fill = (text: string | undefined) =>
    text === undefined ? undefined : fillPlaceholders(text, defaults.values)
  const subject = fill(readText(body, 'subject', 998) ?? defaults.template?.subject)
  const text = fill(readText(body, 'body', 100_000) ?? defaults.template?.text)
  const filename = (
    readText(body, 'filename', 200) ?? fillPlaceholders(defaults.filenamePattern, defaults.values)
  ).replace(/[\\/]/g, '_')
  const attachments = nestedItems(body.attachments, 'attachment', 'attachments').map((attachment, index) => {
    const at = `attachments[${index}]`
    const base64 = readText(attachment, 'base64file', 20 * 1024 * 1024)
    const name = readText(attachment, 'filename', 200)
    if (!base64 || !name) throw invalidField(at, `${at} needs filename and base64file`)
    return {
      filename: name,
      contentType: readText(attachment, 'mimetype', 100) ?? 'application/octet-stream',
      contentBase64: base64.replace(/\s+/g, ''),
    }
  })
  // An address only in bcc still needs the message delivered: the core requires a "to".
  const primary = to.length > 0 ? to : [...cc, ...bcc].slice(0, 1)
  return {
    to: primary,
    cc: cc.filter((address) => !primary.includes(address)),
    bcc: [...new Set([...bcc, ...defaults.bccAddresses])].filter((address) => !primary.includes(address)),
    ...(subject === undefined ? {} : { subject }),
    ...(text === undefined ? {} : { text }),
    attachPdf: true,
    pdfFilename: `${filename}.pdf`,
    attachments,
  }
}

export function letterFromWire(body: WireObject): LetterChannel {
  if (body.attachments !== undefined && body.attachments !== '' && body.attachments !== null)
    throw invalidField(
      'attachments',
      'letters are sent without further attachments here; send those by email',
    )
  const paperWeight = readInteger(body, 'paper_weight') ?? 90n
  if (paperWeight !== 80n && paperWeight !== 90n)
    throw invalidField('paper_weight', 'paper_weight must be 80 or 90')
  return {
    colour: readBoolean(body, 'color') ?? false,
    duplex: readBoolean(body, 'duplex') ?? true,
    paperWeightGsm: Number(paperWeight),
  }
}
