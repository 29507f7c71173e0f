// Reads the page count of a PDF without a PDF library, for the print job's page and sheet counts.
// The count is the /Count of the page tree's root, the largest /Count of any /Type /Pages node.
// Nodes are looked for in the file as written and, for PDF 1.5 files that pack objects into
// compressed object streams, inside every stream that inflates. Returns undefined when neither
// finds a page tree (an encrypted file, for one); the caller decides what that means.

import { constants, inflateSync } from 'node:zlib'

const PAGES_TYPE_PATTERN = /\/Type\s*\/Pages(?![A-Za-z0-9])/g
const STREAM_PATTERN = /stream\r?\n/g

/** Streams larger than this are page content or images, never an object stream worth inflating. */
const MAX_INFLATE_BYTES = 16 * 1024 * 1024

export function countPdfPages(pdf: Buffer): number | undefined {
  const text = pdf.toString('latin1')
  const direct = largestPagesCount(text)
  if (direct !== undefined) return direct
  let largest: number | undefined
  for (const stream of compressedStreams(pdf, text)) {
    const count = largestPagesCount(stream)
    if (count !== undefined) largest = Math.max(largest ?? 0, count)
  }
  return largest
}

function largestPagesCount(text: string): number | undefined {
  let largest: number | undefined
  for (const match of text.matchAll(PAGES_TYPE_PATTERN)) {
    const dictionary = enclosingDictionary(text, match.index)
    const count = dictionary === undefined ? undefined : /\/Count\s+(\d+)/.exec(dictionary)?.[1]
    if (count !== undefined) largest = Math.max(largest ?? 0, Number(count))
  }
  return largest
}

// The text of the innermost << ... >> around `index`, found by counting nesting in both
// directions. Bounded to 64 KiB either way: a page tree node is far smaller.
function enclosingDictionary(text: string, index: number): string | undefined {
  const limit = 64 * 1024
  let depth = 0
  let start = -1
  for (let at = index; at > 0 && index - at < limit; at--) {
    if (text.startsWith('>>', at - 1)) {
      depth++
      at--
    } else if (text.startsWith('<<', at - 1)) {
      if (depth === 0) {
        start = at - 1
        break
      }
      depth--
      at--
    }
  }
  if (start < 0) return undefined
  depth = 0
  for (let at = start; at < text.length && at - start < limit; at++) {
    if (text.startsWith('<<', at)) {
      depth++
      at++
    } else if (text.startsWith('>>', at)) {
      depth--
      at++
      if (depth === 0) return text.slice(start, at + 1)
    }
  }
  return undefined
}

function* compressedStreams(pdf: Buffer, text: string): Generator<string> {
  for (const match of text.matchAll(STREAM_PATTERN)) {
    const begin = match.index + match[0].length
    const end = text.indexOf('endstream', begin)
    if (end < 0 || end - begin > MAX_INFLATE_BYTES) continue
    const before = text.slice(Math.max(0, match.index - 1024), match.index)
    if (!/\/Type\s*\/ObjStm/.test(before.slice(before.lastIndexOf('obj')))) continue
    try {
      // A sync flush tolerates the end-of-line bytes some writers leave before `endstream`.
      yield inflateSync(pdf.subarray(begin, end), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1')
    } catch {
      // Not deflated, or not a complete stream: it cannot hold a page tree we could read.
    }
  }
}
