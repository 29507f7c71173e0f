// Writes an 8-bit greyscale PNG (no alpha, no interlace, no row filter) with node:zlib. Enough for a
// QR code, and synchronous: pdfkit embeds such a PNG's compressed rows as they are, and nothing
// waits on a compression thread between two invoices.

import { crc32, deflateSync } from 'node:zlib'
import { assert } from '../domain/assert.ts'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const framed = Buffer.alloc(12 + data.length)
  framed.writeUInt32BE(data.length, 0)
  framed.write(type, 4, 'latin1')
  data.copy(framed, 8)
  framed.writeUInt32BE(crc32(framed.subarray(4, 8 + data.length)), 8 + data.length)
  return framed
}

/** `pixels` holds width * height grey values, row by row, 0 black to 255 white. */
export function encodeGreyPng(width: number, height: number, pixels: Uint8Array): Buffer {
  assert(pixels.length === width * height, 'one grey value per pixel')
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per sample; colour type 0 (grey), compression, filter and interlace all 0
  const rows = Buffer.alloc(height * (width + 1))
  for (let y = 0; y < height; y += 1)
    rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1)
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
