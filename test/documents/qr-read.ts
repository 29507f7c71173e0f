// A QR reader for clean, computer-made images only (one pixel per module, four-module quiet zone,
// versions 1 to 13 at level M, byte mode), written from ISO/IEC 18004 rather than from the qrcode
// package, so that a test can read back what the PDF embeds. It corrects no errors: it checks that
// every block's Reed-Solomon syndromes are zero instead, and throws on anything else.

import type { Greymap } from './png.ts'

const QUIET_ZONE = 4
const FORMAT_MASK = 0b101010000010010

/** Alignment pattern centre coordinates per version (ISO 18004 Annex E). */
const ALIGNMENT: readonly (readonly number[])[] = [
  [],
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
  [6, 30, 54],
  [6, 32, 58],
  [6, 34, 62],
]

/** Level M blocks per version (ISO 18004 Table 9): EC codewords per block, data codewords of each block. */
const BLOCKS_M: readonly (readonly [number, readonly number[]])[] = [
  [0, []],
  [10, [16]],
  [16, [28]],
  [26, [44]],
  [18, [32, 32]],
  [24, [43, 43]],
  [16, [27, 27, 27, 27]],
  [18, [31, 31, 31, 31]],
  [22, [38, 38, 39, 39]],
  [22, [36, 36, 36, 37, 37]],
  [26, [43, 43, 43, 43, 44]],
  [30, [50, 51, 51, 51, 51]],
  [22, [36, 36, 36, 36, 36, 36, 37, 37]],
  [22, [37, 37, 37, 37, 37, 37, 37, 37, 38]],
]

const MASKS: readonly ((row: number, column: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
]

export type QrReading = Readonly<{
  version: number
  level: 'L' | 'M' | 'Q' | 'H'
  mask: number
  text: string
}>

function isFunctionModule(version: number, size: number, row: number, column: number): boolean {
  if (row <= 8 && (column <= 8 || column >= size - 8)) return true // finders, separators, format
  if (row >= size - 8 && column <= 8) return true
  if (row === 6 || column === 6) return true // timing
  if (version >= 7 && ((row < 6 && column >= size - 11) || (column < 6 && row >= size - 11))) return true
  const centres = ALIGNMENT[version]!
  const last = centres.length - 1
  return centres.some((r, ri) =>
    centres.some((c, ci) => {
      const onFinder = (ri === 0 && ci === 0) || (ri === 0 && ci === last) || (ri === last && ci === 0)
      return !onFinder && Math.abs(row - r) <= 2 && Math.abs(column - c) <= 2
    }),
  )
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512)
const LOG = new Uint8Array(256)
for (let i = 0, x = 1; i < 255; i += 1, x = x & 0x80 ? ((x << 1) ^ 0x11d) & 0xff : x << 1) {
  EXP[i] = x
  LOG[x] = i
}
for (let i = 255; i < 512; i += 1) EXP[i] = EXP[i - 255]!

function syndromesAreZero(block: readonly number[], ecLength: number): boolean {
  for (let root = 0; root < ecLength; root += 1) {
    let value = 0
    for (const coefficient of block) value = (value === 0 ? 0 : EXP[LOG[value]! + root]!) ^ coefficient
    if (value !== 0) return false
  }
  return true
}

function readCodewords(
  dark: (row: number, column: number) => boolean,
  version: number,
  size: number,
): number[] {
  const codewords: number[] = []
  let current = 0
  let bits = 0
  let upward = true
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right = 5
    for (let step = 0; step < size; step += 1) {
      const row = upward ? size - 1 - step : step
      for (const column of [right, right - 1]) {
        if (isFunctionModule(version, size, row, column)) continue
        current = (current << 1) | (dark(row, column) ? 1 : 0)
        bits += 1
        if (bits === 8) {
          codewords.push(current)
          current = 0
          bits = 0
        }
      }
    }
    upward = !upward
  }
  return codewords
}

function deinterleave(codewords: readonly number[], version: number): number[] {
  const [ecLength, dataLengths] = BLOCKS_M[version]!
  const blocks = dataLengths.map(() => [] as number[])
  let index = 0
  for (let i = 0; i < Math.max(...dataLengths); i += 1) {
    dataLengths.forEach((length, b) => {
      if (i < length) blocks[b]!.push(codewords[index++]!)
    })
  }
  const data = blocks.flatMap((block) => [...block])
  for (let i = 0; i < ecLength; i += 1) for (const block of blocks) block.push(codewords[index++]!)
  if (!blocks.every((block) => syndromesAreZero(block, ecLength)))
    throw new Error('Reed-Solomon check failed')
  return data
}

function parseByteSegments(data: readonly number[], version: number): string {
  let position = 0
  const read = (count: number) => {
    let value = 0
    for (let i = 0; i < count; i += 1, position += 1)
      value = (value << 1) | ((data[position >> 3]! >> (7 - (position & 7))) & 1)
    return value
  }
  const bytes: number[] = []
  while (position + 4 <= data.length * 8) {
    const mode = read(4)
    if (mode === 0) break
    if (mode !== 0b0100) throw new Error(`unsupported mode ${mode.toString(2)}`)
    const length = read(version <= 9 ? 8 : 16)
    for (let i = 0; i < length; i += 1) bytes.push(read(8))
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))
}

export function readQr(image: Greymap): QrReading {
  const size = image.width - 2 * QUIET_ZONE
  const version = (size - 17) / 4
  if (!Number.isInteger(version) || version < 1 || version > 13) throw new Error(`unsupported size ${size}`)
  const pixel = (row: number, column: number) =>
    image.pixels[(row + QUIET_ZONE) * image.width + column + QUIET_ZONE]!
  let format = 0
  for (let bit = 0; bit < 15; bit += 1) {
    const row = bit < 6 ? bit : bit < 8 ? bit + 1 : size - 15 + bit
    if (pixel(row, 8) < 128) format |= 1 << bit
  }
  format ^= FORMAT_MASK
  const level = (['M', 'L', 'H', 'Q'] as const)[format >> 13]!
  if (level !== 'M') throw new Error(`this reader knows level M only, the symbol says ${level}`)
  const mask = (format >> 10) & 7
  const dark = (row: number, column: number) => pixel(row, column) < 128 !== MASKS[mask]!(row, column)
  const data = deinterleave(readCodewords(dark, version, size), version)
  return { version, level, mask, text: parseByteSegments(data, version) }
}
