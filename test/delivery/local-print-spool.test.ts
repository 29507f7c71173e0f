// Proves the local print spool writes print-ready PDFs and a job.json per delivery, with the address page in the window position.

import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliveryDirs } from '../../src/delivery/delivery-dirs.ts'
import { countPdfPages } from '../../src/delivery/letters/count-pdf-pages.ts'
import type { OutgoingLetter } from '../../src/delivery/letters/letter-transport.ts'
import { createLocalPrintSpool, listLetters } from '../../src/delivery/letters/local-print-spool.ts'
import { PermanentDeliveryError } from '../../src/delivery/permanent-delivery-error.ts'
import { pdfWithPages, textRuns } from './pdf-fixtures.ts'

const createdAt = new Date('2026-03-02T08:30:00.000Z')
const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

async function letter(overrides: Partial<OutgoingLetter> = {}): Promise<OutgoingLetter> {
  return {
    deliveryId: 'letter-1',
    recipient: {
      name: 'Kalle Anka',
      extraLines: ['c/o Kajsa'],
      streetLines: ['Storgatan 1'],
      postalCode: '111 22',
      city: 'Stockholm',
      countryCode: 'SE',
    },
    returnAddress: {
      name: 'Acme AB',
      streetLines: ['Box 1'],
      postalCode: '100 00',
      city: 'Stockholm',
      countryCode: 'SE',
    },
    pdf: await pdfWithPages(3),
    colour: false,
    duplex: false,
    paperWeightGsm: 90,
    addAddressPage: false,
    ...overrides,
  }
}

describe('local print spool', () => {
  let dataDir: string
  let dir: string

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'faktura-print-'))
    dir = deliveryDirs(dataDir).printSpool
  })

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('spools the document as a PDF with a job.json describing how to print it', async () => {
    const spool = createLocalPrintSpool({ dir, now: () => createdAt })
    const sent = await letter({ colour: true })

    const receipt = await spool.send(sent)

    const document = await readFile(join(dir, 'letter-1', '2-document.pdf'))
    const job = JSON.parse(await readFile(join(dir, 'letter-1', 'job.json'), 'utf8'))
    expect(document.subarray(0, 5).toString()).toBe('%PDF-')
    expect(document.equals(sent.pdf)).toBe(true)
    expect(job).toMatchObject({
      deliveryId: 'letter-1',
      createdAt: '2026-03-02T08:30:00.000Z',
      colour: true,
      duplex: false,
      paperWeightGsm: 90,
      files: [{ name: '2-document.pdf', role: 'document', pageCount: 3 }],
      pageCount: 3,
      sheetCount: 3,
    })
    expect(receipt).toEqual({
      deliveryId: 'letter-1',
      location: join(dir, 'letter-1'),
      pageCount: 3,
      sheetCount: 3,
    })
  })

  it('puts the address page first, with the recipient in the envelope window', async () => {
    const spool = createLocalPrintSpool({ dir, now: () => createdAt })

    await spool.send(await letter({ addAddressPage: true }))

    const addressPage = await readFile(join(dir, 'letter-1', '1-address-page.pdf'))
    const runs = textRuns(addressPage)
    const recipientRuns = runs.filter(
      (run) => run.text !== '' && !run.text.includes('Acme') && run.text !== 'letter-1',
    )
    expect(addressPage.subarray(0, 5).toString()).toBe('%PDF-')
    expect(countPdfPages(addressPage)).toBe(1)
    expect(recipientRuns.map((run) => run.text)).toEqual([
      'Kalle Anka',
      'c/o Kajsa',
      'Storgatan 1',
      '111 22 Stockholm',
    ])
    for (const run of recipientRuns) {
      expect(run.leftMm).toBeCloseTo(20, 1)
      expect(run.baselineFromTopMm).toBeGreaterThan(45)
      expect(run.baselineFromTopMm).toBeLessThan(90)
    }
    expect((await readdir(join(dir, 'letter-1'))).sort()).toEqual([
      '1-address-page.pdf',
      '2-document.pdf',
      'job.json',
    ])
  })

  it('prints the countries of both addresses for mail abroad', async () => {
    const spool = createLocalPrintSpool({ dir, now: () => createdAt })
    const recipient = {
      name: 'Erika Mustermann',
      streetLines: ['Hauptstr. 5'],
      postalCode: '10115',
      city: 'Berlin',
      countryCode: 'DE',
    }

    await spool.send(await letter({ addAddressPage: true, recipient }))

    const texts = textRuns(await readFile(join(dir, 'letter-1', '1-address-page.pdf'))).map((run) => run.text)
    expect(texts).toContain('GERMANY')
    expect(texts).toContain('Acme AB · Box 1 · 100 00 Stockholm · SWEDEN')
  })

  it('prints no country for mail at home', async () => {
    const spool = createLocalPrintSpool({ dir, now: () => createdAt })

    await spool.send(await letter({ addAddressPage: true }))

    const texts = textRuns(await readFile(join(dir, 'letter-1', '1-address-page.pdf'))).map((run) => run.text)
    expect(texts).toContain('Acme AB · Box 1 · 100 00 Stockholm')
    expect(texts).not.toContain('SWEDEN')
  })

  it.skipIf(!existsSync(DEJAVU_SANS))('embeds the configured font for addresses beyond Latin-1', async () => {
    const spool = createLocalPrintSpool({ dir, now: () => createdAt, addressFontFile: DEJAVU_SANS })
    const recipient = {
      name: 'Łukasz Żółć',
      streetLines: ['ul. Długa 5'],
      postalCode: '00-238',
      city: 'Warszawa',
      countryCode: 'PL',
    }

    await spool.send(await letter({ addAddressPage: true, recipient }))

    const addressPage = await readFile(join(dir, 'letter-1', '1-address-page.pdf'))
    expect(countPdfPages(addressPage)).toBe(1)
    expect(addressPage.toString('latin1')).toContain('/FontFile2')
  })

  it('gives the address page a blank back when printing duplex', async () => {
    const spool = createLocalPrintSpool({ dir, now: () => createdAt })

    const receipt = await spool.send(await letter({ addAddressPage: true, duplex: true }))

    const job = JSON.parse(await readFile(join(dir, 'letter-1', 'job.json'), 'utf8'))
    expect(countPdfPages(await readFile(join(dir, 'letter-1', '1-address-page.pdf')))).toBe(2)
    expect(job.files.map((file: { name: string }) => file.name)).toEqual([
      '1-address-page.pdf',
      '2-document.pdf',
    ])
    expect(receipt).toMatchObject({ pageCount: 5, sheetCount: 3 })
  })

  it('replaces the job on a retry of the same delivery instead of spooling it twice', async () => {
    const spool = createLocalPrintSpool({ dir, now: () => createdAt })
    await spool.send(await letter({ addAddressPage: true }))

    await spool.send(await letter({ addAddressPage: false, pdf: await pdfWithPages(1) }))

    const jobs = await listLetters(dir)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ pageCount: 1, files: [{ name: '2-document.pdf' }] })
    expect(await readdir(dir)).toEqual(['letter-1'])
    expect((await readdir(join(dir, 'letter-1'))).sort()).toEqual(['2-document.pdf', 'job.json'])
  })

  it('lists jobs oldest first, and nothing before the first', async () => {
    const times = [new Date('2026-03-02T09:00:00Z'), new Date('2026-03-02T08:00:00Z')]
    const spool = createLocalPrintSpool({ dir, now: () => times.shift()! })
    expect(await listLetters(dir)).toEqual([])

    await spool.send(await letter({ deliveryId: 'later' }))
    await spool.send(await letter({ deliveryId: 'earlier' }))

    expect((await listLetters(dir)).map((job) => job.deliveryId)).toEqual(['earlier', 'later'])
  })

  it('refuses bytes that are not a PDF', async () => {
    const spool = createLocalPrintSpool({ dir })

    const sending = spool.send(await letter({ pdf: Buffer.from('<html>invoice</html>') }))

    await expect(sending).rejects.toBeInstanceOf(PermanentDeliveryError)
    await expect(sending).rejects.toMatchObject({ field: 'pdf' })
  })

  it('refuses an address longer than the window holds', async () => {
    const spool = createLocalPrintSpool({ dir })
    const base = await letter({ addAddressPage: true })
    const recipient = { ...base.recipient, extraLines: ['Ekonomi', 'Att: Kajsa', 'Plan 3', 'Rum 12'] }

    const sending = spool.send({ ...base, recipient })

    await expect(sending).rejects.toMatchObject({ field: 'recipient' })
  })

  it('refuses a paper weight no printer takes', async () => {
    const spool = createLocalPrintSpool({ dir })

    const sending = spool.send(await letter({ paperWeightGsm: 20 }))

    await expect(sending).rejects.toMatchObject({ field: 'paperWeightGsm' })
  })
})
