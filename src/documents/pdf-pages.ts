// Page breaks and the furniture every page carries. Pages are buffered so that the footer can say
// "page 1 of 3" once the last page is known.

import type { DocumentText } from './document-text.ts'
import {
  CONTENT_BOTTOM,
  CONTENT_WIDTH,
  CONTINUATION_TOP,
  FOOTER_Y,
  LEFT,
  MM,
  RIGHT,
  SMALL_SIZE,
} from './pdf-geometry.ts'
import { drawLine, drawLines, lineHeightOf, type Pdf, wrapText } from './pdf-text.ts'

const PAGE_NUMBER_WIDTH = 30 * MM

/** The first free y on a continuation page, below its title. */
export const CONTINUATION_CONTENT_Y = CONTINUATION_TOP + lineHeightOf() + 4 * MM

/** Starts a new page headed by the document's title and number; returns the first free y. */
export function continueOnNewPage(doc: Pdf, text: DocumentText): number {
  doc.addPage()
  drawLine(doc, text.continuedTitle, LEFT, CONTINUATION_TOP, { bold: true })
  return CONTINUATION_CONTENT_Y
}

/** Returns y if `heightPt` still fits on this page, else the top of a fresh page. */
export function ensureSpace(doc: Pdf, text: DocumentText, y: number, heightPt: number): number {
  return y + heightPt <= CONTENT_BOTTOM ? y : continueOnNewPage(doc, text)
}

export function drawPageFooters(doc: Pdf, text: DocumentText): void {
  const range = doc.bufferedPageRange()
  const style = { size: SMALL_SIZE }
  const footerLines =
    text.footer === undefined ? [] : wrapText(doc, text.footer, CONTENT_WIDTH - PAGE_NUMBER_WIDTH, style)
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index)
    doc
      .moveTo(LEFT, FOOTER_Y - 2 * MM)
      .lineTo(RIGHT, FOOTER_Y - 2 * MM)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
    drawLines(doc, footerLines, LEFT, FOOTER_Y, style)
    drawLine(doc, text.page(index + 1, range.count), RIGHT, FOOTER_Y, style, 'right')
  }
}
