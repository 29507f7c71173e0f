// pdfkit's built-in fonts speak WinAnsi (Windows-1252) only. A character outside it is not dropped:
// pdfkit writes its code as hex of the wrong length, which garbles the rest of the string (a Polish
// "Łódź Spółka" came out as "6Az Spó&¶"). Text bound for the PDF is therefore folded into WinAnsi
// first: accents WinAnsi lacks are dropped (ř -> r, ő -> o), letters without a decomposition are
// spelled out (Ł -> L, đ -> d), odd spaces and dashes become their WinAnsi kin, invisible format
// characters go, and anything else becomes "?". The HTML rendering keeps the original text.

/** The code points WinAnsi places in 0x80..0x9F, beyond ASCII and Latin-1. */
const WIN_ANSI_EXTRAS = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
])

const SPELLED_OUT: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  Ŋ: 'N',
  ŋ: 'n',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
}

const ALL_REPRESENTABLE = /^[\x20-\x7e\xa0-\xff]*$/
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{M}]$/u

function isWinAnsi(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WIN_ANSI_EXTRAS.has(codePoint)
  )
}

function foldCharacter(char: string): string {
  const spelled = SPELLED_OUT[char]
  if (spelled !== undefined) return spelled
  if (/^\s$/u.test(char)) return ' '
  if (INVISIBLE.test(char)) return ''
  const base = char.normalize('NFKD').replace(/\p{M}/gu, '')
  const representable = base !== '' && [...base].every((part) => isWinAnsi(part.codePointAt(0) ?? 0))
  return representable ? base : '?'
}

/** The text as pdfkit's standard fonts can write it; unchanged when it is already WinAnsi. */
export function toWinAnsi(text: string): string {
  if (ALL_REPRESENTABLE.test(text)) return text
  let folded = ''
  for (const char of text) folded += isWinAnsi(char.codePointAt(0) ?? 0) ? char : foldCharacter(char)
  return folded
}
