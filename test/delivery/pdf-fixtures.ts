// PDFs for the letter tests: real documents made with pdfkit, and a reader for the text runs of
// the pdfkit output (position and text), enough to check where the address page prints what.

import { inflateSync } from 'node:zlib'
import PDFDocument from 'pdfkit'

export async function pdfWithPages(pageCount: number): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4' })
  const chunks: Buffer[] = []
  document.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve) => document.on('end', resolve))
  for (let page = 1; page <= pageCount; page++) {
    if (page > 1) document.addPage()
    document.text(`Invoice 1042, page ${page} of ${pageCount}`)
  }
  document.end()
  await finished
  return Buffer.concat(chunks)
}

export type TextRun = Readonly<{ text: string; leftMm: number; baselineFromTopMm: number }>

const POINTS_PER_MM = 72 / 25.4
const A4_HEIGHT_POINTS = 841.89

export function textRuns(pdf: Buffer): TextRun[] {
  const text = pdf.toString('latin1')
  const runs: TextRun[] = []
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const begin = match.index + match[0].length
    const content = inflated(pdf.subarray(begin, text.indexOf('endstream', begin)))
    for (const run of content.matchAll(/1 0 0 1 ([\d.]+) ([\d.]+) Tm\n\/F1 [\d.]+ Tf\n\[(.*)\] TJ/g)) {
      const hexParts = Array.from(run[3]!.matchAll(/<([0-9a-f]*)>/g), (part) => part[1]!)
      runs.push({
        text: Buffer.from(hexParts.join(''), 'hex').toString('latin1'),
        leftMm: Number(run[1]) / POINTS_PER_MM,
        baselineFromTopMm: (A4_HEIGHT_POINTS - Number(run[2])) / POINTS_PER_MM,
      })
    }
  }
  return runs
}

// pdfkit deflates page content; the few streams it leaves raw (an empty page) hold no text.
function inflated(stream: Buffer): string {
  try {
    return inflateSync(stream).toString('latin1')
  } catch {
    return ''
  }
}
