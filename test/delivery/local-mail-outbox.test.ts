// Proves the local mail outbox writes each message as a parseable .eml with a JSON entry, once per delivery id.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliveryDirs } from '../../src/delivery/delivery-dirs.ts'
import { createLocalMailOutbox, listLocalMail } from '../../src/delivery/mail/local-mail-outbox.ts'
import type { OutgoingMail } from '../../src/delivery/mail/mail-transport.ts'
import { PermanentDeliveryError } from '../../src/delivery/permanent-delivery-error.ts'

const pdf = Buffer.from('%PDF-1.4\n% not a real document, only bytes to carry\n%%EOF\n')

function reminderMail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    deliveryId: 'delivery-1',
    from: { name: 'Acme GmbH', address: 'rechnung@acme.example' },
    to: [{ name: 'Erika Mustermann', address: 'erika@kunde.example' }],
    cc: [],
    bcc: [{ address: 'archiv@acme.example' }],
    subject: 'Zahlungserinnerung RE-1042',
    text: 'Bitte begleichen Sie RE-1042.',
    attachments: [{ filename: 'RE-1042.pdf', contentType: 'application/pdf', content: pdf }],
    ...overrides,
  }
}

describe('local mail outbox', () => {
  let dataDir: string
  let dir: string

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'faktura-mail-'))
    dir = deliveryDirs(dataDir).mailOutbox
  })

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('writes a real RFC 822 message without the bcc header', async () => {
    const outbox = createLocalMailOutbox({ dir })

    const receipt = await outbox.send(reminderMail())

    const raw = await readFile(join(dir, 'delivery-1.eml'))
    const parsed = await simpleParser(raw)
    expect(receipt.response).toBe(join(dir, 'delivery-1.eml'))
    expect(parsed.subject).toBe('Zahlungserinnerung RE-1042')
    expect(parsed.messageId).toBe('<delivery-1@acme.example>')
    expect(parsed.headers.get('x-faktura-delivery-id')).toBe('delivery-1')
    expect(parsed.bcc).toBeUndefined()
    expect(parsed.attachments[0]!.content.equals(pdf)).toBe(true)
  })

  it('lists what it wrote, bcc recipients included', async () => {
    const times = ['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:01.000Z']
    const outbox = createLocalMailOutbox({ dir, now: () => new Date(times.shift()!) })
    await outbox.send(reminderMail({ deliveryId: 'delivery-b' }))
    await outbox.send(reminderMail({ deliveryId: 'delivery-a' }))

    const entries = await listLocalMail(dir)

    expect(entries.map((entry) => entry.deliveryId)).toEqual(['delivery-b', 'delivery-a'])
    expect(entries[0]).toMatchObject({
      messageId: '<delivery-b@acme.example>',
      emlFile: 'delivery-b.eml',
      bcc: [{ address: 'archiv@acme.example' }],
      attachments: [{ filename: 'RE-1042.pdf', contentType: 'application/pdf', sizeBytes: pdf.length }],
      writtenAt: '2026-03-01T10:00:00.000Z',
    })
  })

  it('overwrites the same delivery on a retry instead of adding a second message', async () => {
    const outbox = createLocalMailOutbox({ dir })

    await outbox.send(reminderMail({ subject: 'first try' }))
    await outbox.send(reminderMail({ subject: 'second try' }))

    const entries = await listLocalMail(dir)
    expect(entries).toHaveLength(1)
    expect(entries[0]!.subject).toBe('second try')
    expect((await readdir(dir)).sort()).toEqual(['delivery-1.eml', 'delivery-1.json'])
  })

  it('lists nothing before the first message', async () => {
    const entries = await listLocalMail(dir)

    expect(entries).toEqual([])
  })

  it('refuses a message without recipients', async () => {
    const outbox = createLocalMailOutbox({ dir })

    const sending = outbox.send(reminderMail({ to: [], bcc: [] }))

    await expect(sending).rejects.toBeInstanceOf(PermanentDeliveryError)
  })

  it('refuses an address that is not one, naming the field', async () => {
    const outbox = createLocalMailOutbox({ dir })

    const sending = outbox.send(reminderMail({ to: [{ address: 'erika at kunde.example' }] }))

    await expect(sending).rejects.toMatchObject({ field: 'to[0]' })
  })

  it('refuses a header that would override the Message-ID', async () => {
    const outbox = createLocalMailOutbox({ dir })

    const sending = outbox.send(reminderMail({ headers: { 'message-id': '<other@example>' } }))

    await expect(sending).rejects.toThrow(/set by the transport/)
  })
})
