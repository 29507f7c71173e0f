// Everything below the line table: the VAT breakdown beside the totals, legal notices, and the
// payment block with its QR code. Each block moves to a new page whole rather than split.

import type { DocumentText } from './document-text.ts'
import { CONTENT_WIDTH, LEFT, MM, QR_SIZE, RIGHT, SMALL_SIZE } from './pdf-geometry.ts'
import { ensureSpace } from './pdf-pages.ts'
import {
  drawLine,
  drawLines,
  drawRows,
  lineHeightOf,
  type Pdf,
  type RowsLayout,
  rowsHeight,
  wrapText,
} from './pdf-text.ts'

const TOTALS_LAYOUT: RowsLayout = {
  x: 110 * MM,
  labelWidth: 45 * MM,
  valueWidth: RIGHT - 155 * MM,
  valueAlign: 'right',
}
const TAX_COLUMN_RIGHTS = [LEFT + 18 * MM, LEFT + 50 * MM, LEFT + 75 * MM] as const
const PAYMENT_LAYOUT: RowsLayout = { x: LEFT, labelWidth: 38 * MM, valueWidth: 85 * MM }
const BLOCK_GAP = 6 * MM

export function drawSummary(doc: Pdf, text: DocumentText, qrPng: Buffer | undefined, startY: number): number {
  let y = drawTotalsAndTax(doc, text, startY + 4 * MM) + BLOCK_GAP
  for (const notice of text.notices) {
    const lines = wrapText(doc, notice, CONTENT_WIDTH, { bold: true })
    y = ensureSpace(doc, text, y, lines.length * lineHeightOf())
    y = drawLines(doc, lines, LEFT, y, { bold: true }) + 2 * MM
  }
  return drawPayment(doc, text, qrPng, y + BLOCK_GAP - 2 * MM)
}

function drawTotalsAndTax(doc: Pdf, text: DocumentText, startY: number): number {
  const lineHeight = lineHeightOf()
  const taxHeight = text.taxRows.length === 0 ? 0 : (text.taxRows.length + 2) * lineHeight
  const height = Math.max(rowsHeight(doc, text.totalRows, TOTALS_LAYOUT), taxHeight)
  const y = ensureSpace(doc, text, startY, height)
  const totalsBottom = drawRows(doc, text.totalRows, TOTALS_LAYOUT, y)
  if (text.taxRows.length === 0) return totalsBottom
  drawLine(doc, text.taxHeading, LEFT, y, { bold: true })
  let rowY = y
  for (const cells of [text.taxColumns, ...text.taxRows]) {
    rowY += lineHeight
    cells.forEach((cell, index) => {
      drawLine(doc, cell, TAX_COLUMN_RIGHTS[index]!, rowY, {}, 'right')
    })
  }
  return Math.max(totalsBottom, rowY + lineHeight)
}

function drawPayment(doc: Pdf, text: DocumentText, qrPng: Buffer | undefined, startY: number): number {
  if (text.paymentRows.length === 0 && qrPng === undefined) return startY
  const lineHeight = lineHeightOf()
  const captionStyle = { size: SMALL_SIZE }
  const captionLines =
    qrPng === undefined ? [] : wrapText(doc, text.qrCaption, QR_SIZE + 10 * MM, captionStyle)
  const rowsBlock = lineHeight + rowsHeight(doc, text.paymentRows, PAYMENT_LAYOUT)
  const qrBlock =
    qrPng === undefined ? 0 : QR_SIZE + captionLines.length * lineHeightOf(captionStyle) + 2 * MM
  const y = ensureSpace(doc, text, startY, Math.max(rowsBlock, qrBlock))
  drawLine(doc, text.paymentHeading, LEFT, y, { bold: true })
  const rowsBottom = drawRows(doc, text.paymentRows, PAYMENT_LAYOUT, y + lineHeight)
  if (qrPng === undefined) return rowsBottom
  const qrX = RIGHT - QR_SIZE
  doc.image(qrPng, qrX, y, { width: QR_SIZE, height: QR_SIZE })
  const captionX = qrX + QR_SIZE / 2
  captionLines.forEach((line, index) => {
    const lineY = y + QR_SIZE + 1 * MM + index * lineHeightOf(captionStyle)
    drawLine(doc, line, captionX, lineY, captionStyle, 'center')
  })
  return Math.max(rowsBottom, y + qrBlock)
}
