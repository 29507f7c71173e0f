// The first page's letterhead: logo and sender at the top, the recipient in the envelope window,
// the information block beside it, then the title. Positions come from pdf-geometry.ts.

import type { DocumentText } from './document-text.ts'
import {
  CONTENT_WIDTH,
  LEFT,
  LOGO,
  META_Y,
  MM,
  RECIPIENT,
  RETURN_ADDRESS,
  RIGHT,
  RIGHT_COLUMN_WIDTH,
  RIGHT_COLUMN_X,
  SENDER_Y,
  SMALL_SIZE,
  TITLE_SIZE,
  TITLE_Y,
} from './pdf-geometry.ts'
import { drawLine, drawLines, drawRows, lineHeightOf, type Pdf, wrapText } from './pdf-text.ts'

const RECIPIENT_SIZE = 10
const SENDER_SIZE = 8
const META_SIZE = 8.5
const META_LABEL_WIDTH = 34 * MM

/** Draws the letterhead and title; returns the y where the line table may start. */
export function drawFirstPageHeader(doc: Pdf, text: DocumentText, logo: Buffer | undefined): number {
  if (logo !== undefined) doc.image(logo, LOGO.x, LOGO.y, { fit: [LOGO.width, LOGO.height] })
  drawSender(doc, text)
  drawRecipient(doc, text)
  drawRows(
    doc,
    text.metaRows,
    {
      x: RIGHT_COLUMN_X,
      labelWidth: META_LABEL_WIDTH,
      valueWidth: RIGHT_COLUMN_WIDTH - META_LABEL_WIDTH,
      size: META_SIZE,
    },
    META_Y,
  )
  drawLine(doc, text.title, LEFT, TITLE_Y, { size: TITLE_SIZE, bold: true })
  let y = TITLE_Y + lineHeightOf({ size: TITLE_SIZE }) + 2 * MM
  if (text.intro !== undefined) {
    y = drawLines(doc, wrapText(doc, text.intro, CONTENT_WIDTH), LEFT, y) + 3 * MM
  }
  return y
}

function drawSender(doc: Pdf, text: DocumentText): void {
  const nameStyle = { size: 10, bold: true }
  const nameLines = wrapText(doc, text.senderName, RIGHT_COLUMN_WIDTH, nameStyle)
  const y = drawLines(doc, nameLines, RIGHT, SENDER_Y, nameStyle, 'right')
  const style = { size: SENDER_SIZE }
  const lines = text.senderLines.flatMap((line) => wrapText(doc, line, RIGHT_COLUMN_WIDTH, style))
  drawLines(doc, lines, RIGHT, y, style, 'right')
}

function drawRecipient(doc: Pdf, text: DocumentText): void {
  // The return address gets the one line the window leaves it; a longer one is cut at a word.
  const returnLines = wrapText(doc, text.returnAddress, RETURN_ADDRESS.width, { size: SMALL_SIZE - 1 })
  drawLine(doc, returnLines[0] ?? '', RETURN_ADDRESS.x, RETURN_ADDRESS.y, { size: SMALL_SIZE - 1 })
  // Shrink the type rather than let a long address leave the envelope window.
  let size = RECIPIENT_SIZE
  let lines = wrapText(doc, text.recipientLines.join('\n'), RECIPIENT.width, { size })
  while (lines.length * lineHeightOf({ size }) > RECIPIENT.height && size > 6) {
    size -= 0.5
    lines = wrapText(doc, text.recipientLines.join('\n'), RECIPIENT.width, { size })
  }
  drawLines(doc, lines, RECIPIENT.x, RECIPIENT.y, { size })
}
