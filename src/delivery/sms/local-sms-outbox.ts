// An SmsTransport for machines without an SMS gateway: each message becomes one JSON file,
// `<dataDir>/sms-outbox/<deliveryId>.json`, which `faktura sms list` reads. Keyed by delivery id,
// so a retry overwrites instead of duplicating.

import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { assertDeliveryId } from '../delivery-id.ts'
import { listVisibleEntries, writeFileAtomic } from '../write-file-atomic.ts'
import {
  checkSms,
  type OutgoingSms,
  type SmsEncoding,
  type SmsReceipt,
  type SmsTransport,
} from './sms-transport.ts'

export type LocalSmsOutboxOptions = Readonly<{
  /** Conventionally `<dataDir>/sms-outbox`; created when missing. */
  dir: string
  now?: () => Date
}>

export type LocalSmsEntry = Readonly<{
  deliveryId: string
  to: string
  from: string | null
  text: string
  encoding: SmsEncoding
  segmentCount: number
  /** ISO 8601 instant of the latest write. */
  writtenAt: string
}>

export function createLocalSmsOutbox(options: LocalSmsOutboxOptions): SmsTransport {
  const now = options.now ?? (() => new Date())
  return {
    async send(message: OutgoingSms): Promise<SmsReceipt> {
      assertDeliveryId(message.deliveryId)
      const { encoding, segmentCount } = checkSms(message)
      const entry: LocalSmsEntry = {
        deliveryId: message.deliveryId,
        to: message.to,
        from: message.from ?? null,
        text: message.text,
        encoding,
        segmentCount,
        writtenAt: now().toISOString(),
      }
      await mkdir(options.dir, { recursive: true })
      const path = join(options.dir, `${message.deliveryId}.json`)
      await writeFileAtomic(path, `${JSON.stringify(entry, null, 2)}\n`)
      return { deliveryId: message.deliveryId, to: message.to, encoding, segmentCount, location: path }
    },
  }
}

/** The outbox's messages, oldest write first; an empty list when nothing was written yet. */
export async function listLocalSms(dir: string): Promise<LocalSmsEntry[]> {
  const names = (await listVisibleEntries(dir)).filter((name) => name.endsWith('.json'))
  const entries = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as LocalSmsEntry),
  )
  return entries.sort(
    (a, b) => a.writtenAt.localeCompare(b.writtenAt) || a.deliveryId.localeCompare(b.deliveryId),
  )
}
