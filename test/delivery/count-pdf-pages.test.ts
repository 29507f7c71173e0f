// Proves countPdfPages reads the page count of plain PDFs and of PDFs that keep their page tree in a compressed object stream.

import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { countPdfPages } from '../../src/delivery/letters/count-pdf-pages.ts'
import { pdfWithPages } from './pdf-fixtures.ts'

// A PDF 1.5 file whose catalog and page tree sit in a deflated object stream, as written by
// Acrobat, qpdf --object-streams=generate and most office suites.
function pdfWithObjectStream(pageCount: number): Buffer {
  const kids = Array.from({ length: pageCount }, (_, index) => `${10 + index} 0 R`).join(' ')
  const objects = `<< /Type /Catalog /Pages 2 0 R >> << /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`
  const packed = deflateSync(Buffer.from(`1 0 2 34 ${objects}`))
  return Buffer.concat([
    Buffer.from('%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N 2 /First 9 /Filter /FlateDecode /Length '),
    Buffer.from(`${packed.length} >>\nstream\n`),
    packed,
    Buffer.from('\nendstream\nendobj\n%%EOF\n'),
  ])
}

describe('countPdfPages', () => {
  it('counts the pages of a plain PDF', async () => {
    expect(countPdfPages(await pdfWithPages(1))).toBe(1)
    expect(countPdfPages(await pdfWithPages(7))).toBe(7)
  })

  it('counts the pages of a page tree inside a compressed object stream', () => {
    expect(countPdfPages(pdfWithObjectStream(4))).toBe(4)
  })

  it('takes the root of a nested page tree', () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 5 >> endobj\n' +
        '2 0 obj << /Type /Pages /Parent 1 0 R /Count 2 /Kids [] >> endobj\n' +
        '3 0 obj << /Count 3 /Type /Pages /Parent 1 0 R /Kids [] /Resources << /Font << >> >> >> endobj\n' +
        '4 0 obj << /Type /Outlines /Count 9 >> endobj\n%%EOF\n',
    )

    expect(countPdfPages(pdf)).toBe(5)
  })

  it('finds no page count in bytes that hold no page tree', () => {
    expect(countPdfPages(Buffer.from('%PDF-1.4\n%%EOF\n'))).toBeUndefined()
  })
})
