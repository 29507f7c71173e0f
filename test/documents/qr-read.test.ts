// Proves the test QR reader against qrcode's symbols of every version it claims (1 to 13, level M),
// so that reading the PDF's embedded image with it means something.

import { toBuffer } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { decodeGreyPng } from './png.ts'
import { readQr } from './qr-read.ts'

async function symbolPng(text: string): Promise<Buffer> {
  return toBuffer([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: 1,
    rendererOpts: { colorType: 0 } as object,
  })
}

describe('readQr', () => {
  it('reads back byte-mode symbols of versions 1 to 13 at level M', async () => {
    const versions = new Set<number>()
    for (let bytes = 1; bytes <= 331; bytes += 11) {
      const text = bytes >= 8 ? `Grüße ${'x'.repeat(bytes - 8)}` : 'x'.repeat(bytes)

      const reading = readQr(decodeGreyPng(await symbolPng(text)))

      expect(reading.text).toBe(text)
      versions.add(reading.version)
    }
    expect([...versions].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
  })

  it('refuses a symbol with a flipped data module, since its Reed-Solomon check fails', async () => {
    const image = decodeGreyPng(await symbolPng('BCD\n002\n1\nSCT'))
    const flipped = new Uint8Array(image.pixels)
    const index = (image.height - 5) * image.width + image.width - 5
    flipped[index] = 255 - flipped[index]!

    expect(() => readQr({ ...image, pixels: flipped })).toThrow(/Reed-Solomon/)
  })
})
