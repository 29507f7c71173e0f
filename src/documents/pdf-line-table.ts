// The invoice line table. A row stays on one page when it fits on one; the header repeats at the
// top of every page the table runs onto, so a printed continuation page still reads on its own.

import type { DocumentText, LineText } from './document-text.ts'
import { CONTENT_BOTTOM, CONTENT_WIDTH, LEFT, MM, RIGHT } from './pdf-geometry.ts'
import { CONTINUATION_CONTENT_Y, continueOnNewPage } from './pdf-pages.ts'
import { type Align, drawLine, drawLines, lineHeightOf, type Pdf, wrapText } from './pdf-text.ts'

type Column = Readonly<{ key: keyof LineText; x: number; width: number; align: Align }>

const NUMERIC_COLUMNS = [
  { key: 'quantity', width: 22 * MM },
  { key: 'unitPrice', width: 25 * MM },
  { key: 'discount', width: 20 * MM },
  { key: 'vatRate', width: 14 * MM },
  { key: 'amount', width: 27 * MM },
] as const
const DESCRIPTION_GAP = 3 * MM
const ROW_PADDING = 1.5 * MM

function tableColumns(showDiscount: boolean): Column[] {
  const numeric = NUMERIC_COLUMNS.filter((column) => showDiscount || column.key !== 'discount')
  const numericWidth = numeric.reduce((acc, column) => acc + column.width, 0)
  const columns: Column[] = [
    { key: 'description', x: LEFT, width: CONTENT_WIDTH - numericWidth, align: 'left' },
  ]
  let x = LEFT + CONTENT_WIDTH - numericWidth
  for (const column of numeric) {
    columns.push({ key: column.key, x, width: column.width, align: 'right' })
    x += column.width
  }
  return columns
}

function rule(doc: Pdf, y: number, widthPt: number): void {
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(widthPt).strokeColor('#000000').stroke()
}

function drawHeader(doc: Pdf, text: DocumentText, columns: readonly Column[], y: number): number {
  for (const column of columns) {
    const x = column.align === 'right' ? column.x + column.width : column.x
    drawLine(doc, text.columns[column.key], x, y, { bold: true }, column.align)
  }
  const below = y + lineHeightOf()
  rule(doc, below, 0.75)
  return below + ROW_PADDING
}

function drawCells(doc: Pdf, row: LineText, columns: readonly Column[], y: number): void {
  for (const column of columns) {
    if (column.key === 'description') continue
    drawLine(doc, row[column.key], column.x + column.width, y, {}, 'right')
  }
}

/** Draws the table from y, adding pages as needed; returns the y below it. */
export function drawLineTable(doc: Pdf, text: DocumentText, startY: number): number {
  const columns = tableColumns(text.showDiscountColumn)
  const description = columns[0]!
  const lineHeight = lineHeightOf()
  let y = drawHeader(doc, text, columns, startY)
  const newPage = () => drawHeader(doc, text, columns, continueOnNewPage(doc, text))
  const pageCapacity = Math.floor(
    (CONTENT_BOTTOM - CONTINUATION_CONTENT_Y - lineHeight - ROW_PADDING) / lineHeight,
  )
  for (const row of text.lineRows) {
    let lines = wrapText(doc, row.description, description.width - DESCRIPTION_GAP)
    const rowHeight = lines.length * lineHeight + ROW_PADDING
    // Keep a row together unless it is taller than a whole page; then it flows over.
    const keepTogether = lines.length <= pageCapacity
    if (y + (keepTogether ? rowHeight : lineHeight) > CONTENT_BOTTOM) y = newPage()
    drawCells(doc, row, columns, y)
    for (;;) {
      const fitting = Math.floor((CONTENT_BOTTOM - y) / lineHeight)
      y = drawLines(doc, lines.slice(0, fitting), description.x, y)
      lines = lines.slice(fitting)
      if (lines.length === 0) break
      y = newPage()
    }
    y += ROW_PADDING
  }
  rule(doc, y - ROW_PADDING / 2, 0.5)
  return y
}
