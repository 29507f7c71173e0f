// A LetterTransport that spools print jobs to a folder, `<dataDir>/print-spool/<deliveryId>/`:
// the PDFs to print, named so that their sorted order is the print order, and a job.json with
// everything the printer needs to know. A print server (or `lp`, or a person) takes it from there.
// A job appears whole or not at all: it is assembled in a hidden staging folder and renamed in.

import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { assertDeliveryId } from '../delivery-id.ts'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import { listVisibleEntries, syncDirectory } from '../write-file-atomic.ts'
import { countPdfPages } from './count-pdf-pages.ts'
import type { LetterReceipt, LetterTransport, OutgoingLetter, PostalAddress } from './letter-transport.ts'
import { formatPostalAddress } from './letter-transport.ts'
import { ADDRESS_WINDOW, renderAddressPage } from './render-address-page.ts'

export type LocalPrintSpoolOptions = Readonly<{
  /** Conventionally `<dataDir>/print-spool`; created when missing. */
  dir: string
  /** A TrueType font for the address page, for addresses beyond Latin-1 (see renderAddressPage). */
  addressFontFile?: string
  now?: () => Date
}>

export type PrintJobFile = Readonly<{ name: string; role: 'address-page' | 'document'; pageCount: number }>

export type PrintJob = Readonly<{
  deliveryId: string
  /** ISO 8601 instant the job was spooled. */
  createdAt: string
  paperSize: 'A4'
  colour: boolean
  duplex: boolean
  /** Null for the printer's default paper. */
  paperWeightGsm: number | null
  /** In print order; each file starts on a new sheet. */
  files: readonly PrintJobFile[]
  pageCount: number
  sheetCount: number
  recipient: PostalAddress
}>

/** Paper weights office printers and franking services handle: 60 gsm copy paper to 300 gsm card. */
const PAPER_WEIGHT_GSM = { min: 60, max: 300 } as const

export function createLocalPrintSpool(options: LocalPrintSpoolOptions): LetterTransport {
  const now = options.now ?? (() => new Date())
  return {
    async send(letter: OutgoingLetter): Promise<LetterReceipt> {
      assertDeliveryId(letter.deliveryId)
      const createdAt = now()
      const documentPageCount = checkLetter(letter)
      const files: { name: string; role: PrintJobFile['role']; pageCount: number; data: Buffer }[] = []
      if (letter.addAddressPage) {
        const data = await addressPage(letter, createdAt, options.addressFontFile)
        files.push({
          name: '1-address-page.pdf',
          role: 'address-page',
          pageCount: letter.duplex ? 2 : 1,
          data,
        })
      }
      files.push({ name: '2-document.pdf', role: 'document', pageCount: documentPageCount, data: letter.pdf })
      const job: PrintJob = {
        deliveryId: letter.deliveryId,
        createdAt: createdAt.toISOString(),
        paperSize: 'A4',
        colour: letter.colour,
        duplex: letter.duplex,
        paperWeightGsm: letter.paperWeightGsm ?? null,
        files: files.map(({ name, role, pageCount }) => ({ name, role, pageCount })),
        pageCount: files.reduce((sum, file) => sum + file.pageCount, 0),
        sheetCount: files.reduce((sum, file) => sum + sheetsFor(file.pageCount, letter.duplex), 0),
        recipient: letter.recipient,
      }
      const jobFile = { name: 'job.json', data: Buffer.from(`${JSON.stringify(job, null, 2)}\n`) }
      const location = await publishJob(options.dir, letter.deliveryId, [...files, jobFile])
      return { deliveryId: letter.deliveryId, location, pageCount: job.pageCount, sheetCount: job.sheetCount }
    },
  }
}

/** The spooled jobs, oldest first; an empty list when nothing was spooled yet. */
export async function listLetters(dir: string): Promise<PrintJob[]> {
  const jobs: PrintJob[] = []
  for (const name of await listVisibleEntries(dir)) {
    try {
      jobs.push(JSON.parse(await readFile(join(dir, name, 'job.json'), 'utf8')) as PrintJob)
    } catch (error) {
      // Not a job folder: something else an operator keeps in the spool.
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
    }
  }
  return jobs.sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.deliveryId.localeCompare(b.deliveryId),
  )
}

function checkLetter(letter: OutgoingLetter): number {
  if (letter.pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new PermanentDeliveryError('the letter is not a PDF: it does not start with %PDF-', {
      field: 'pdf',
    })
  }
  const pageCount = countPdfPages(letter.pdf)
  if (pageCount === undefined || pageCount === 0) {
    throw new PermanentDeliveryError('the letter PDF has no readable page tree (encrypted or damaged?)', {
      field: 'pdf',
    })
  }
  const weight = letter.paperWeightGsm
  if (
    weight !== undefined &&
    !(Number.isInteger(weight) && weight >= PAPER_WEIGHT_GSM.min && weight <= PAPER_WEIGHT_GSM.max)
  ) {
    throw new PermanentDeliveryError(
      `paper weight ${weight} gsm is outside ${PAPER_WEIGHT_GSM.min} to ${PAPER_WEIGHT_GSM.max} gsm`,
      { field: 'paperWeightGsm' },
    )
  }
  return pageCount
}

async function addressPage(letter: OutgoingLetter, createdAt: Date, fontFile?: string): Promise<Buffer> {
  const recipientLines = formatPostalAddress(letter.recipient, letter.returnAddress?.countryCode)
  if (recipientLines.length > ADDRESS_WINDOW.addressLineCount) {
    throw new PermanentDeliveryError(
      `the recipient address has ${recipientLines.length} lines; the envelope window holds ${ADDRESS_WINDOW.addressLineCount}`,
      { field: 'recipient' },
    )
  }
  // Seen from the recipient's country, so mail abroad says where to return it.
  const sender = letter.returnAddress
  return renderAddressPage({
    recipientLines,
    ...(sender ? { returnLine: formatPostalAddress(sender, letter.recipient.countryCode).join(' · ') } : {}),
    footer: letter.deliveryId,
    blankBack: letter.duplex,
    createdAt,
    ...(fontFile === undefined ? {} : { fontFile }),
  })
}

function sheetsFor(pageCount: number, duplex: boolean): number {
  return duplex ? Math.ceil(pageCount / 2) : pageCount
}

// Assembles the job in a hidden staging folder and renames it into place. A retry of the same
// delivery finds the old folder in the way: it is moved aside, replaced and then removed, so a
// reader sees the old job, briefly no job, or the new job, and never a mixture of the two.
async function publishJob(spoolDir: string, deliveryId: string, files: { name: string; data: Buffer }[]) {
  await mkdir(spoolDir, { recursive: true })
  const suffix = randomBytes(6).toString('hex')
  const stagingDir = join(spoolDir, `.${deliveryId}.${suffix}.staging`)
  const jobDir = join(spoolDir, deliveryId)
  await mkdir(stagingDir)
  try {
    for (const file of files) await writeFile(join(stagingDir, file.name), file.data, { flush: true })
    await syncDirectory(stagingDir)
    try {
      await rename(stagingDir, jobDir)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error
      const retiredDir = join(spoolDir, `.${deliveryId}.${suffix}.retired`)
      await rename(jobDir, retiredDir)
      await rename(stagingDir, jobDir)
      await rm(retiredDir, { recursive: true, force: true })
    }
  } finally {
    await rm(stagingDir, { recursive: true, force: true })
  }
  await syncDirectory(spoolDir)
  return jobDir
}
