// Just enough PNG for the document tests: decode 8-bit greyscale images (what renderQrPng writes)
// and encode small RGB ones (a logo), with node:zlib and no image library.

import { crc32, deflateSync, inflateSync } from 'node:zlib'

export type Greymap = Readonly<{ width: number; height: number; pixels: Uint8Array }>

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunks(png: Buffer): { type: string; data: Buffer }[] {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG')
  const found: { type: string; data: Buffer }[] = []
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset)
    found.push({
      type: png.toString('latin1', offset + 4, offset + 8),
      data: png.subarray(offset + 8, offset + 8 + length),
    })
    offset += 12 + length
  }
  return found
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft
  const toLeft = Math.abs(estimate - left)
  const toUp = Math.abs(estimate - up)
  const toUpLeft = Math.abs(estimate - upLeft)
  if (toLeft <= toUp && toLeft <= toUpLeft) return left
  return toUp <= toUpLeft ? up : upLeft
}

/** Decodes a non-interlaced 8-bit greyscale PNG, undoing all five row filters. */
export function decodeGreyPng(png: Buffer): Greymap {
  const all = chunks(png)
  const header = all.find((chunk) => chunk.type === 'IHDR')!.data
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  if (header[8] !== 8 || header[9] !== 0 || header[12] !== 0)
    throw new Error('expected 8-bit grey, not interlaced')
  const data = inflateSync(
    Buffer.concat(all.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)),
  )
  const pixels = new Uint8Array(width * height)
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (width + 1)]!
    for (let x = 0; x < width; x += 1) {
      const raw = data[y * (width + 1) + 1 + x]!
      const left = x > 0 ? pixels[y * width + x - 1]! : 0
      const up = y > 0 ? pixels[(y - 1) * width + x]! : 0
      const upLeft = x > 0 && y > 0 ? pixels[(y - 1) * width + x - 1]! : 0
      const predictors = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)]
      pixels[y * width + x] = (raw + predictors[filter]!) & 0xff
    }
  }
  return { width, height, pixels }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** Encodes an 8-bit RGB PNG whose pixel colours come from `colour(x, y)`. */
export function encodeRgbPng(
  width: number,
  height: number,
  colour: (x: number, y: number) => [number, number, number],
) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.alloc(height * (1 + width * 3))
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) rows.set(colour(x, y), y * (1 + width * 3) + 1 + x * 3)
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
