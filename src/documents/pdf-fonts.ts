// Creates the pdfkit document with the two standard fonts the renderer uses, sharing their metrics
// between documents.
//
// pdfkit rebuilds a standard font's metrics (for Helvetica 315 glyph widths and some 2,700 kerning
// pairs) into fresh lookup tables for every document and every font it uses. For a one-page
// invoice that was about a fifth of the rendering time (bench/pdf.ts: about 215 against 260
// PDFs/s). The tables are never written after they are built, so documents can share them: the
// document is created without a default font and is given, under the ids pdfkit itself would
// assign (F1, F2, in the order it would assign them), copies of pdfkit's own font objects built
// around one shared metrics table. Each copy has its own document and PDF object, so nothing that
// a document writes is shared.
//
// This reaches into pdfkit's private font registry (`_fontFamilies`, `_fontCount`, `_font`), as
// checked on pdfkit 0.20. When those are not shaped as expected, documents load their fonts the
// ordinary way; test/documents/render-document-kinds.test.ts renders with and without sharing and
// compares the bytes.

import { createRequire } from 'node:module'
import type PDFKitDocument from 'pdfkit'

// pdfkit and its font machinery take about 200 ms and 14 MiB to load; a server that never renders
// a PDF should not pay for them at start-up, so the module is loaded on the first document.
const requireModule = createRequire(import.meta.url)
let pdfkitClass: typeof PDFKitDocument | undefined
function loadPdfkit(): typeof PDFKitDocument {
  pdfkitClass ??= requireModule('pdfkit') as typeof PDFKitDocument
  return pdfkitClass
}

import { FONT, FONT_BOLD } from './pdf-geometry.ts'
import type { Pdf } from './pdf-text.ts'

type FontRegistry = {
  _fontFamilies: Record<string, object>
  _fontCount: number
  _font: object | null
}

type StandardFontTemplate = Readonly<{ prototype: object; fields: Readonly<Record<string, unknown>> }>

const SHARED_FONTS = [FONT, FONT_BOLD] as const
let templates: Map<string, StandardFontTemplate> | null | undefined

function registryOf(doc: Pdf): FontRegistry | undefined {
  const registry = doc as unknown as Partial<FontRegistry>
  const families = registry._fontFamilies
  if (typeof families !== 'object' || families === null || typeof registry._fontCount !== 'number')
    return undefined
  return registry as FontRegistry
}

/** Loads each font once, in a throwaway document, the ordinary way; null when pdfkit looks different. */
function loadTemplates(): Map<string, StandardFontTemplate> | null {
  const loaded = new Map<string, StandardFontTemplate>()
  for (const name of SHARED_FONTS) {
    const probe = new (loadPdfkit())({ font: name, autoFirstPage: false })
    const font = registryOf(probe)?._font as Record<string, unknown> | null | undefined
    const usable =
      typeof font === 'object' &&
      font !== null &&
      font.name === name &&
      typeof font.font === 'object' &&
      !('dictionary' in font)
    if (!usable) return null
    const { document: _document, id: _id, ...fields } = font
    loaded.set(name, { prototype: Object.getPrototypeOf(font) as object, fields })
  }
  return loaded
}

function sharedTemplates(): Map<string, StandardFontTemplate> | null {
  if (templates === undefined) templates = loadTemplates()
  return templates
}

/** Whether this pdfkit lets documents share font metrics; a test asserts it, so that an upgrade
 * which silently falls back to the slower path is noticed. */
export function fontMetricsShareable(): boolean {
  return sharedTemplates() !== null
}

/** A new document whose fonts are Helvetica (F1) and Helvetica-Bold (F2), Helvetica selected. */
export function createPdfDocument(options: PDFKit.PDFDocumentOptions, shareFontMetrics: boolean): Pdf {
  const shared = shareFontMetrics ? sharedTemplates() : null
  if (shared === null) return new (loadPdfkit())({ ...options, font: FONT })
  const doc = new (loadPdfkit())({ ...options, font: '' })
  const registry = registryOf(doc)
  if (registry === undefined || registry._font !== null) return new (loadPdfkit())({ ...options, font: FONT })
  for (const name of SHARED_FONTS) {
    const template = shared.get(name)!
    registry._fontCount += 1
    const font = Object.assign(Object.create(template.prototype) as object, template.fields, {
      document: doc,
      id: `F${registry._fontCount}`,
    })
    registry._fontFamilies[name] = font
  }
  return doc.font(FONT)
}
