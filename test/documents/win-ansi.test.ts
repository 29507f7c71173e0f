// Proves that text bound for the PDF's standard fonts is folded into WinAnsi without garbling what
// follows, and that WinAnsi text (å ä ö æ ø ü ß €, typographic quotes and dashes) passes unchanged.

import { describe, expect, it } from 'vitest'
import { renderInvoicePdf } from '../../src/documents/render-invoice-pdf.ts'
import { toWinAnsi } from '../../src/documents/win-ansi.ts'
import { extractText } from './poppler.ts'
import { DE_INVOICE } from './sample-views.ts'

describe('toWinAnsi', () => {
  it('leaves WinAnsi text alone', () => {
    const text = 'Åsa Ærø Øster Müller Straße 12,50 € „Zitat“ ‘x’ – — … Œuvre Škoda Žižek ™'

    expect(toWinAnsi(text)).toBe(text)
  })

  it('drops accents WinAnsi lacks and spells out letters that have no decomposition', () => {
    expect(toWinAnsi('Łódź Spółka, Čapek, Dvořák, Gdańsk, Đorđe, Kőbánya')).toBe(
      'Lódz Spólka, Capek, Dvorák, Gdansk, Dorde, Kobánya',
    )
  })

  it('turns odd spaces and dashes into their WinAnsi kin, drops invisible characters, marks the rest', () => {
    expect(toWinAnsi('1\u202f234\u00a0kr \u2212 5\u200b\tok ﬁne 😀 漢')).toBe('1 234\u00a0kr - 5 ok fine ? ?')
  })
})

describe('PDF text outside WinAnsi', () => {
  it('is printed folded, and the rest of the page reads as written', async () => {
    const view = { ...DE_INVOICE, recipient: { ...DE_INVOICE.recipient, name: 'Łódź Spółka – Čapek 😀' } }

    const { raw } = await extractText(await renderInvoicePdf(view))

    expect(raw).toContain('Lódz Spólka – Capek ?')
    expect(raw).toContain('z. Hd. Frau Jürgens')
  })
})
