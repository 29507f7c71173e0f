// Renders the page that shows the recipient's address through the envelope window, for letters
// whose document has no address of its own in the window position.

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

/** Millimetres to PDF points. */
const MM = 72 / 25.4

/**
 * DIN 5008 form B on A4: the window of C4, C5 and C5/6 (DL) window envelopes is 20 mm from the
 * left and 45 mm from the top, 85 x 45 mm; its upper 17.7 mm hold the return address, the lower
 * 27.3 mm up to six address lines. Swedish and Danish window envelopes take the same position.
 */
export const ADDRESS_WINDOW = {
  leftMm: 20,
  topMm: 45,
  widthMm: 85,
  remarkZoneHeightMm: 17.7,
  addressLineCount: 6,
  lineHeightMm: 4.23,
} as const

export type AddressPageInput = Readonly<{
  /** Lines from formatPostalAddress, at most ADDRESS_WINDOW.addressLineCount. */
  recipientLines: readonly string[]
  /** One short line with the sender, printed small at the bottom of the remark zone. */
  returnLine?: string
  /** Printed small at the foot of the page, so an operator can match a sheet to its job. */
  footer?: string
  /** Adds an empty back, so that in duplex printing the document starts on a sheet of its own. */
  blankBack: boolean
  createdAt: Date
  /**
   * A TrueType font to embed. Without one the page uses the PDF standard Helvetica, which covers
   * the Latin-1 letters of Swedish, Danish and German addresses but not, say, Polish or Czech.
   */
  fontFile?: string
}>

export async function renderAddressPage(input: AddressPageInput): Promise<Buffer> {
  const document = new (loadPdfkit())({
    size: 'A4',
    margin: 0,
    info: { Title: 'Address page', Producer: 'Faktura', CreationDate: input.createdAt },
  })
  const chunks: Buffer[] = []
  document.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    document.on('end', resolve)
    document.on('error', reject)
  })
  const font = input.fontFile ?? 'Helvetica'
  const left = ADDRESS_WINDOW.leftMm * MM
  const width = ADDRESS_WINDOW.widthMm * MM
  const addressTop = (ADDRESS_WINDOW.topMm + ADDRESS_WINDOW.remarkZoneHeightMm) * MM
  if (input.returnLine !== undefined) {
    const returnTop = addressTop - ADDRESS_WINDOW.lineHeightMm * MM * 1.5
    document.font(font).fontSize(7).text(input.returnLine, left, returnTop, { width, lineBreak: false })
  }
  document.font(font).fontSize(10)
  input.recipientLines.forEach((line, index) => {
    const top = addressTop + index * ADDRESS_WINDOW.lineHeightMm * MM
    document.text(line, left, top, { width, lineBreak: false, ellipsis: true })
  })
  if (input.footer !== undefined) {
    document
      .fontSize(6)
      .fillColor('#777777')
      .text(input.footer, left, 287 * MM, { width: 170 * MM, lineBreak: false })
  }
  if (input.blankBack) document.addPage()
  document.end()
  await finished
  return Buffer.concat(chunks)
}
