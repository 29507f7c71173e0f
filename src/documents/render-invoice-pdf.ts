// Renders an invoice, credit note or reminder to PDF with pdfkit and its built-in Helvetica, whose
// WinAnsi encoding covers å ä ö æ ø ü ß and €, so no font file is embedded.
//
// The output is a function of the view alone: the metadata dates come from the document's own
// date (pdfkit would otherwise stamp the clock, and derive the file ID from it), so the same view
// renders to the same bytes, and a re-render for a reminder letter matches the emailed original.

import { buildDocumentText } from './document-text.ts'
import { renderQrPng } from './epc-qr.ts'
import { checkView, documentDateOf, type InvoiceDocumentView } from './invoice-document-view.ts'
import { paymentQrPayload } from './payment-qr.ts'
import { createPdfDocument } from './pdf-fonts.ts'
import { drawFirstPageHeader } from './pdf-header.ts'
import { drawLineTable } from './pdf-line-table.ts'
import { drawPageFooters } from './pdf-pages.ts'
import { drawSummary } from './pdf-summary.ts'
import { type Pdf, rememberStringWidths } from './pdf-text.ts'

export type RenderPdfOptions = Readonly<{
  /** Share standard-font metrics between documents (pdf-fonts.ts); off only to compare against plain pdfkit. */
  shareFontMetrics?: boolean
}>

export async function renderInvoicePdf(
  view: InvoiceDocumentView,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  checkView(view)
  const text = buildDocumentText(view)
  const qrPayload = paymentQrPayload(view)
  const qrPng = qrPayload === undefined ? undefined : await renderQrPng(qrPayload)
  const documentDate = new Date(`${documentDateOf(view)}T00:00:00Z`)
  const doc = createPdfDocument(
    {
      size: 'A4',
      margin: 0,
      bufferPages: true,
      lang: view.locale,
      displayTitle: true,
      info: {
        Title: `${text.title} ${view.number}`,
        Author: view.sender.name,
        Producer: 'Faktura',
        Creator: 'Faktura',
        CreationDate: documentDate,
        ModDate: documentDate,
      },
    },
    options.shareFontMetrics ?? true,
  )
  const bytes = collect(doc)
  rememberStringWidths(doc)
  const tableY = drawFirstPageHeader(doc, text, view.sender.logo)
  // A letter is its text alone: no line table, no totals.
  if (view.kind !== 'letter') drawSummary(doc, text, qrPng, drawLineTable(doc, text, tableY))
  drawPageFooters(doc, text)
  doc.end()
  return bytes
}

function collect(doc: Pdf): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}
