// Proves which QR code a EUR invoice carries: the payload built from the view, field by field; that
// the image `pdfimages -png` extracts from the PDF is pixel for pixel the PNG renderQrPng makes for
// that payload and exactly qrcode's module matrix for it at level M; and that the embedded image
// reads back as the payload with qr-read.ts, a reader written for these tests from ISO 18004
// (clean images only, no error correction; checked against qrcode in qr-read.test.ts). No
// third-party QR reader is installed, so no decoder outside this repository confirms it.

import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { QR_MARGIN_MODULES, renderQrPng } from '../../src/documents/epc-qr.ts'
import { paymentQrPayload } from '../../src/documents/payment-qr.ts'
import { renderInvoicePdf } from '../../src/documents/render-invoice-pdf.ts'
import { reminderOf } from './derived-views.ts'
import { decodeGreyPng, type Greymap } from './png.ts'
import { extractGreyImages, listImages } from './poppler.ts'
import { readQr } from './qr-read.ts'
import { DE_INVOICE, EN_INVOICE, SV_INVOICE } from './sample-views.ts'

function moduleMatrixAsPixels(payload: string): Greymap {
  const symbol = create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' })
  const size = symbol.modules.size
  const width = size + 2 * QR_MARGIN_MODULES
  const pixels = new Uint8Array(width * width).fill(255)
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const dark = symbol.modules.get(row, column)
      if (dark) pixels[(row + QR_MARGIN_MODULES) * width + column + QR_MARGIN_MODULES] = 0
    }
  }
  return { width, height: width, pixels }
}

async function embeddedQr(view: typeof DE_INVOICE): Promise<Greymap> {
  const images = await extractGreyImages(await renderInvoicePdf(view))
  expect(images).toHaveLength(1)
  return images[0]!
}

describe('the EPC QR code on a EUR invoice', () => {
  it('carries the German invoice payload: BIC, name, IBAN, amount due and the RF reference', () => {
    expect(paymentQrPayload(DE_INVOICE)).toBe(
      'BCD\n002\n1\nSCT\nCOBADEFFXXX\nMüller & Söhne GmbH\nDE89370400440532013000\nEUR1634.32\n\nRF18539007547034',
    )
  })

  it('carries the invoice number as text when the invoice has no RF reference', () => {
    expect(paymentQrPayload(EN_INVOICE)).toBe(
      'BCD\n002\n1\nSCT\nAIBKIE2D\nHarbour Analytics Ltd\nIE29AIBK93115212345678\nEUR17699.00\n\n\nInvoice 2026-0042',
    )
  })

  it('asks a reminder for the amount due including fee and interest', () => {
    const reminder = reminderOf(DE_INVOICE, {
      level: 1,
      remindedOn: '2027-01-05',
      payByOn: '2027-01-15',
      feeMinor: 500n,
      interestMinor: 1234n,
    })

    expect(paymentQrPayload(reminder)?.split('\n')[7]).toBe('EUR1651.66')
  })

  it('is left out of a SEK invoice', async () => {
    expect(paymentQrPayload(SV_INVOICE)).toBeUndefined()
    expect(await listImages(await renderInvoicePdf(SV_INVOICE))).toEqual([])
  })

  it('is embedded as a greyscale image pixel-identical to renderQrPng of the payload', async () => {
    const payload = paymentQrPayload(DE_INVOICE)!

    const embedded = await embeddedQr(DE_INVOICE)

    const rendered = decodeGreyPng(await renderQrPng(payload))
    expect([embedded.width, embedded.height]).toEqual([rendered.width, rendered.height])
    expect(Buffer.from(embedded.pixels).equals(Buffer.from(rendered.pixels))).toBe(true)
  })

  it('has pixels that are exactly qrcode’s module matrix for the payload at level M, quiet zone included', async () => {
    for (const view of [DE_INVOICE, EN_INVOICE]) {
      const expected = moduleMatrixAsPixels(paymentQrPayload(view)!)

      const embedded = await embeddedQr(view)

      expect(embedded.width).toBe(expected.width)
      expect(Buffer.from(embedded.pixels).equals(Buffer.from(expected.pixels))).toBe(true)
    }
  })

  it('reads back as the payload, at level M and version 13 or below, with a reader written from ISO 18004', async () => {
    for (const view of [DE_INVOICE, EN_INVOICE]) {
      const embedded = await embeddedQr(view)

      const reading = readQr(embedded)

      expect(reading.text).toBe(paymentQrPayload(view))
      expect(reading.level).toBe('M')
      expect(reading.version).toBeLessThanOrEqual(13)
    }
  })
})
