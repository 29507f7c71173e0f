// CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted when it holds a comma,
// a quote or a line break (quotes doubled). UTF-8 with a byte-order mark, so that spreadsheet
// programs read å, ä and ö right.

export type CsvCell = string | number | bigint | boolean | null

function cellText(cell: CsvCell): string {
  if (cell === null) return ''
  const text = String(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function renderCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Buffer {
  const lines = [header, ...rows].map((row) => row.map(cellText).join(','))
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}
