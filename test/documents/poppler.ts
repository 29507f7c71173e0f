// Reads rendered PDFs back with poppler-utils (Debian package `poppler-utils`): text through
// pdftotext, embedded images through pdfimages, metadata through pdfinfo. Each call works in a
// temporary directory of its own, removed afterwards.

import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { decodeGreyPng, type Greymap } from './png.ts'

const run = promisify(execFile)

async function withPdfFile<T>(pdf: Buffer, use: (dir: string, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'faktura-documents-'))
  try {
    const file = join(dir, 'document.pdf')
    await writeFile(file, pdf)
    return await use(dir, file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export type ExtractedText = Readonly<{
  /** `pdftotext -layout`: cells of a row stay on one line; pages are separated by form feeds. */
  layout: string
  /** `pdftotext -raw`: content-stream order, which keeps every space of a drawn string. */
  raw: string
}>

export async function extractText(pdf: Buffer): Promise<ExtractedText> {
  return withPdfFile(pdf, async (_dir, file) => {
    const layout = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])
    const raw = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])
    return { layout: layout.stdout, raw: raw.stdout }
  })
}

/** Extracts every image as PNG (`pdfimages -png`) and decodes it; all must be 8-bit grey. */
export async function extractGreyImages(pdf: Buffer): Promise<Greymap[]> {
  return withPdfFile(pdf, async (dir, file) => {
    await run('pdfimages', ['-png', file, join(dir, 'image')])
    const names = (await readdir(dir)).filter((name) => name.startsWith('image-')).sort()
    return Promise.all(names.map(async (name) => decodeGreyPng(await readFile(join(dir, name)))))
  })
}

/** `pdfimages -list` rows after the two header lines: page, num, type, width, height, color, ... */
export async function listImages(pdf: Buffer): Promise<string[][]> {
  return withPdfFile(pdf, async (_dir, file) => {
    const { stdout } = await run('pdfimages', ['-list', file])
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/))
  })
}

export async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withPdfFile(pdf, async (_dir, file) => {
    const { stdout } = await run('pdfinfo', ['-isodates', file])
    const entries = stdout.split('\n').map((line) => {
      const colon = line.indexOf(':')
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as const
    })
    return Object.fromEntries(entries.filter(([key]) => key !== ''))
  })
}
