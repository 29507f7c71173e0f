// Parses an HTTP Basic Authorization header. Java's HttpURLConnection encodes the pair in
// ISO-8859-1 (see ../shared/reference/billogram.md), so a pair that is not valid UTF-8 is
// read as Latin-1 instead of being refused.

export type BasicPair = Readonly<{ user: string; password: string }>

export function parseBasicAuth(header: string | undefined): BasicPair | undefined {
  if (!header) return undefined
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header)
  if (!match?.[1]) return undefined
  const bytes = Buffer.from(match[1], 'base64')
  const utf8 = bytes.toString('utf8')
  const decoded = utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}
