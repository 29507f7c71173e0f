// Proves the local SMS outbox writes one listable JSON file per delivery and refuses numbers that are not E.164 with a clear error.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliveryDirs } from '../../src/delivery/delivery-dirs.ts'
import { PermanentDeliveryError } from '../../src/delivery/permanent-delivery-error.ts'
import { createLocalSmsOutbox, listLocalSms } from '../../src/delivery/sms/local-sms-outbox.ts'
import { checkE164, type OutgoingSms, smsSegments } from '../../src/delivery/sms/sms-transport.ts'

const reminder: OutgoingSms = {
  deliveryId: 'sms-1',
  to: '+46701234567',
  from: 'Acme AB',
  text: 'Påminnelse: faktura 1042 på 1 250,00 kr förföll 2026-04-30. https://faktura.example/p/abc',
}

describe('local SMS outbox', () => {
  let dataDir: string
  let dir: string

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'faktura-sms-'))
    dir = deliveryDirs(dataDir).smsOutbox
  })

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('writes the message as JSON and lists it', async () => {
    const outbox = createLocalSmsOutbox({ dir, now: () => new Date('2026-05-01T07:00:00Z') })

    const receipt = await outbox.send(reminder)

    const written = JSON.parse(await readFile(join(dir, 'sms-1.json'), 'utf8'))
    expect(written).toEqual({
      deliveryId: 'sms-1',
      to: '+46701234567',
      from: 'Acme AB',
      text: reminder.text,
      encoding: 'gsm-7',
      segmentCount: 1,
      writtenAt: '2026-05-01T07:00:00.000Z',
    })
    expect(await listLocalSms(dir)).toEqual([written])
    expect(receipt.location).toBe(join(dir, 'sms-1.json'))
  })

  it('overwrites the same delivery on a retry', async () => {
    const outbox = createLocalSmsOutbox({ dir })

    await outbox.send(reminder)
    await outbox.send({ ...reminder, text: 'second try' })

    expect(await readdir(dir)).toEqual(['sms-1.json'])
    expect((await listLocalSms(dir)).map((entry) => entry.text)).toEqual(['second try'])
  })

  it('lists nothing before the first message', async () => {
    expect(await listLocalSms(dir)).toEqual([])
  })

  it('refuses a number with spaces, saying how to write it', async () => {
    const outbox = createLocalSmsOutbox({ dir })

    const sending = outbox.send({ ...reminder, to: '+46 70 123 45 67' })

    await expect(sending).rejects.toBeInstanceOf(PermanentDeliveryError)
    await expect(sending).rejects.toThrow(
      'to: "+46 70 123 45 67" is not an E.164 phone number ("+", country code and number, at most 15 digits, ' +
        'e.g. +46701234567): remove spaces, dashes and brackets',
    )
    expect(await listLocalSms(dir)).toEqual([])
  })

  it('refuses a text longer than ten segments', async () => {
    const outbox = createLocalSmsOutbox({ dir })

    const sending = outbox.send({ ...reminder, text: 'x'.repeat(153 * 10 + 1) })

    await expect(sending).rejects.toMatchObject({ field: 'text' })
  })

  it('refuses a sender id that is neither a number nor 11 letters and digits', async () => {
    const outbox = createLocalSmsOutbox({ dir })

    const sending = outbox.send({ ...reminder, from: 'Acme Invoicing AB' })

    await expect(sending).rejects.toMatchObject({ field: 'from' })
  })
})

describe('checkE164', () => {
  it('accepts E.164 numbers', () => {
    for (const number of ['+46701234567', '+4520123456', '+4915112345678', '+12025550123']) {
      expect(checkE164(number)).toBe(number)
    }
  })

  it('refuses numbers that are not E.164, each with a hint', () => {
    const cases = [
      ['0701234567', 'instead of a leading 0 or 00'],
      ['0046701234567', 'instead of a leading 0 or 00'],
      ['+46-70-123', 'remove spaces'],
      ['+0701234567', 'no country code starts with 0'],
      ['+1234567890123456', 'it has 16 digits'],
      ['+4', 'too short'],
      ['+46 seventy', 'digits only'],
      ['', 'digits only'],
    ] as const
    for (const [number, hint] of cases) {
      expect(() => checkE164(number)).toThrow(hint)
    }
  })
})

describe('smsSegments', () => {
  it('counts GSM 7-bit text in parts of 160, then 153', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm-7', segmentCount: 1 })
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'gsm-7', segmentCount: 2 })
    expect(smsSegments('a'.repeat(306))).toEqual({ encoding: 'gsm-7', segmentCount: 2 })
    expect(smsSegments('a'.repeat(307))).toEqual({ encoding: 'gsm-7', segmentCount: 3 })
  })

  it('counts the euro sign as two septets', () => {
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'gsm-7', segmentCount: 1 })
    expect(smsSegments(`${'€'.repeat(80)}a`)).toEqual({ encoding: 'gsm-7', segmentCount: 2 })
  })

  it('falls back to UCS-2 for characters outside the GSM alphabet', () => {
    expect(smsSegments('ł'.repeat(70))).toEqual({ encoding: 'ucs-2', segmentCount: 1 })
    expect(smsSegments('ł'.repeat(71))).toEqual({ encoding: 'ucs-2', segmentCount: 2 })
  })

  it('never splits a surrogate pair across parts', () => {
    expect(smsSegments(`${'a'.repeat(66)}😀${'a'.repeat(66)}😀`)).toEqual({
      encoding: 'ucs-2',
      segmentCount: 3,
    })
  })
})
