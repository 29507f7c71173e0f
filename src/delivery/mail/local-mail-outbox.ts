// A MailTransport for machines without an SMTP server: each message becomes a real RFC 822 file
// (`<deliveryId>.eml`, openable in any mail client) plus a JSON entry (`<deliveryId>.json`) that
// `faktura mail list` reads. Keyed by delivery id, so a retry overwrites instead of duplicating.
// The .json is written after the .eml: an entry only lists once its message is complete.

import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import MailComposer from 'nodemailer/lib/mail-composer'
import { listVisibleEntries, writeFileAtomic } from '../write-file-atomic.ts'
import { composeMail } from './compose-mail.ts'
import type { MailAddress, MailReceipt, MailTransport, OutgoingMail } from './mail-transport.ts'

export type LocalMailOutboxOptions = Readonly<{
  /** Conventionally `<dataDir>/mail-outbox`; created when missing. */
  dir: string
  now?: () => Date
}>

export type LocalMailEntry = Readonly<{
  deliveryId: string
  messageId: string
  from: MailAddress
  to: readonly MailAddress[]
  cc: readonly MailAddress[]
  bcc: readonly MailAddress[]
  subject: string
  attachments: readonly Readonly<{ filename: string; contentType: string; sizeBytes: number }>[]
  /** File name of the message, relative to the outbox directory. */
  emlFile: string
  sizeBytes: number
  /** ISO 8601 instant of the latest write. */
  writtenAt: string
}>

export function createLocalMailOutbox(options: LocalMailOutboxOptions): MailTransport {
  const now = options.now ?? (() => new Date())
  return {
    async send(message: OutgoingMail): Promise<MailReceipt> {
      const composed = composeMail(message)
      const raw = await new MailComposer(composed).compile().build()
      const entry: LocalMailEntry = {
        deliveryId: message.deliveryId,
        messageId: composed.messageId ?? '',
        from: message.from,
        to: message.to,
        cc: message.cc,
        bcc: message.bcc,
        subject: message.subject,
        attachments: message.attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          sizeBytes: attachment.content.length,
        })),
        emlFile: `${message.deliveryId}.eml`,
        sizeBytes: raw.length,
        writtenAt: now().toISOString(),
      }
      await mkdir(options.dir, { recursive: true })
      const emlPath = join(options.dir, entry.emlFile)
      await writeFileAtomic(emlPath, raw)
      await writeFileAtomic(join(options.dir, `${message.deliveryId}.json`), JSON.stringify(entry, null, 2))
      const recipients = [...message.to, ...message.cc, ...message.bcc].map((address) => address.address)
      return {
        deliveryId: message.deliveryId,
        messageId: entry.messageId,
        accepted: recipients,
        rejected: [],
        response: emlPath,
      }
    },
  }
}

/** The outbox's entries, oldest write first; an empty list when nothing was written yet. */
export async function listLocalMail(dir: string): Promise<LocalMailEntry[]> {
  const names = (await listVisibleEntries(dir)).filter((name) => name.endsWith('.json'))
  const entries = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as LocalMailEntry),
  )
  return entries.sort(byWrittenAt)
}

function byWrittenAt(a: LocalMailEntry, b: LocalMailEntry): number {
  return a.writtenAt.localeCompare(b.writtenAt) || a.deliveryId.localeCompare(b.deliveryId)
}
