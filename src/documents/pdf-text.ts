// Text primitives over pdfkit. Every string is folded into WinAnsi (win-ansi.ts) and drawn as
// single lines with lineBreak off; wrapping is done here by measuring words. pdfkit's own line
// wrapper then never runs, which keeps rendering fast, never adds a page behind our back, and
// tells the layout how tall a cell is before it is drawn.

import type PDFDocument from 'pdfkit'
import { BODY_SIZE, FONT, FONT_BOLD, LEADING } from './pdf-geometry.ts'
import { toWinAnsi } from './win-ansi.ts'

export type Pdf = InstanceType<typeof PDFDocument>

export type TextStyle = Readonly<{ size?: number; bold?: boolean }>

export type Align = 'left' | 'right' | 'center'

const styleKeys = new WeakMap<Pdf, string>()

export function useStyle(doc: Pdf, style: TextStyle = {}): void {
  const font = style.bold === true ? FONT_BOLD : FONT
  const size = style.size ?? BODY_SIZE
  doc.font(font).fontSize(size)
  styleKeys.set(doc, `${font}/${size}/`)
}

/**
 * pdfkit measures every string it draws twice (for the fragment, and to advance its cursor), and
 * we measure it once more to align or wrap it, each time looking kerning up glyph pair by glyph
 * pair: together the largest cost of a page. A string's width in one font and size never changes,
 * so the document remembers it (about 8% faster, bench/pdf.ts). Measurements with character
 * spacing, horizontal scaling or font features, which we never ask for, bypass the memo.
 */
export function rememberStringWidths(doc: Pdf): void {
  const measure = doc.widthOfString.bind(doc)
  const widths = new Map<string, number>()
  doc.widthOfString = (text: string, options?: PDFKit.Mixins.TextOptions) => {
    const styleKey = styleKeys.get(doc)
    const scaling = (options as { horizontalScaling?: number } | undefined)?.horizontalScaling
    const plain =
      scaling === undefined && options?.characterSpacing === undefined && options?.features === undefined
    if (styleKey === undefined || !plain) return measure(text, options)
    const key = styleKey + text
    let width = widths.get(key)
    if (width === undefined) {
      width = measure(text, options)
      widths.set(key, width)
    }
    return width
  }
}

export function lineHeightOf(style: TextStyle = {}): number {
  return (style.size ?? BODY_SIZE) * LEADING
}

/** Draws one line of text; with align 'right' x is the right edge, with 'center' the middle. */
export function drawLine(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  style: TextStyle = {},
  align: Align = 'left',
) {
  useStyle(doc, style)
  const printable = toWinAnsi(text)
  const width = align === 'left' ? 0 : doc.widthOfString(printable)
  const left = align === 'right' ? x - width : align === 'center' ? x - width / 2 : x
  doc.text(printable, left, y, { lineBreak: false })
}

/** Greedy word wrap into lines no wider than widthPt; a word longer than a line is cut. */
export function wrapText(doc: Pdf, text: string, widthPt: number, style: TextStyle = {}): string[] {
  useStyle(doc, style)
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/).map(toWinAnsi)) {
    // Most cells fit on one line: one measurement decides that.
    if (doc.widthOfString(paragraph) <= widthPt) lines.push(paragraph.trim())
    else wrapParagraph(doc, paragraph, widthPt, lines)
  }
  return lines
}

function wrapParagraph(doc: Pdf, paragraph: string, widthPt: number, lines: string[]): void {
  let line = ''
  for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (doc.widthOfString(candidate) <= widthPt) {
      line = candidate
      continue
    }
    if (line !== '') lines.push(line)
    line = word
    while (doc.widthOfString(line) > widthPt && line.length > 1) {
      const fit = longestFittingPrefix(doc, line, widthPt)
      lines.push(line.slice(0, fit))
      line = line.slice(fit)
    }
  }
  lines.push(line)
}

function longestFittingPrefix(doc: Pdf, word: string, widthPt: number): number {
  let fit = 1
  while (fit < word.length && doc.widthOfString(word.slice(0, fit + 1)) <= widthPt) fit += 1
  return fit
}

/** Draws wrapped lines from y downwards and returns the y below the last one. */
export function drawLines(
  doc: Pdf,
  lines: readonly string[],
  x: number,
  y: number,
  style: TextStyle = {},
  align: Align = 'left',
): number {
  const step = lineHeightOf(style)
  let lineY = y
  for (const line of lines) {
    drawLine(doc, line, x, lineY, style, align)
    lineY += step
  }
  return lineY
}

export type Row = Readonly<{ label: string; value: string; emphasized?: boolean }>

export type RowsLayout = Readonly<{
  x: number
  labelWidth: number
  valueWidth: number
  size?: number
  valueAlign?: Align
}>

/** The height drawRows will take, so the caller can move to a new page first. */
export function rowsHeight(doc: Pdf, rows: readonly Row[], layout: RowsLayout): number {
  let height = 0
  for (const row of rows) {
    const style = {
      bold: row.emphasized === true,
      ...(layout.size === undefined ? {} : { size: layout.size }),
    }
    height += wrapText(doc, row.value, layout.valueWidth, style).length * lineHeightOf(style)
  }
  return height
}

/** Draws label/value rows, the value wrapped in its column; returns the y below the last row. */
export function drawRows(doc: Pdf, rows: readonly Row[], layout: RowsLayout, y: number): number {
  let rowY = y
  for (const row of rows) {
    const style = {
      bold: row.emphasized === true,
      ...(layout.size === undefined ? {} : { size: layout.size }),
    }
    drawLine(doc, row.label, layout.x, rowY, style)
    const valueLines = wrapText(doc, row.value, layout.valueWidth, style)
    const right = layout.valueAlign === 'right'
    const valueX = layout.x + layout.labelWidth + (right ? layout.valueWidth : 0)
    rowY = drawLines(doc, valueLines, valueX, rowY, style, right ? 'right' : 'left')
  }
  return rowY
}
