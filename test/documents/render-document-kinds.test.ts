// Proves that credit notes and reminders render with their own titles and sums, that a long invoice
// paginates with the table header repeated, that a logo is embedded, and that the same view gives
// the same bytes with metadata dated from the document rather than the clock.

import { describe, expect, it } from 'vitest'
import { fontMetricsShareable } from '../../src/documents/pdf-fonts.ts'
import { renderInvoicePdf } from '../../src/documents/render-invoice-pdf.ts'
import { AssertionError } from '../../src/domain/assert.ts'
import { creditNoteOf, longSwedishInvoice, reminderOf } from './derived-views.ts'
import { encodeRgbPng } from './png.ts'
import { extractText, listImages, pdfInfo } from './poppler.ts'
import { DE_INVOICE, SV_INVOICE } from './sample-views.ts'

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ')
}

describe('credit notes', () => {
  it('render as a German Rechnungskorrektur naming the credited invoice, with negative sums', async () => {
    const pdf = await renderInvoicePdf(creditNoteOf(DE_INVOICE, 'RK-2026-0007'))

    const text = normalized((await extractText(pdf)).raw)
    expect(text).toContain('Rechnungskorrektur')
    expect(text).toContain('Korrekturnummer RK-2026-0007')
    expect(text).toContain('Korrektur zu Rechnung 2026-0042')
    expect(text).toContain('Summe brutto -1.634,32 EUR')
    expect(text).toContain('Korrekturbetrag -1.634,32 EUR')
  })

  it('carry no payment QR code, since nobody is asked to pay', async () => {
    const pdf = await renderInvoicePdf(creditNoteOf(DE_INVOICE, 'RK-2026-0007'))

    expect(await listImages(pdf)).toEqual([])
  })

  it('render as a Swedish Kreditfaktura with the rounding negated too', async () => {
    const pdf = await renderInvoicePdf(creditNoteOf(SV_INVOICE, 'K-2026-0003'))

    const text = normalized((await extractText(pdf)).raw)
    expect(text).toContain('Kreditfaktura')
    expect(text).toContain('Öresavrundning 0,40 SEK')
    expect(text).toContain('Krediterat belopp -60 717,00 SEK')
  })
})

describe('reminders', () => {
  const reminder = reminderOf(SV_INVOICE, {
    level: 2,
    remindedOn: '2027-01-05',
    payByOn: '2027-01-15',
    feeMinor: 6000n,
    interestMinor: 1234n,
  })

  it('show the level, the outstanding amount, fee, interest and the new amount due', async () => {
    const pdf = await renderInvoicePdf(reminder)

    const text = normalized((await extractText(pdf)).raw)
    expect(text).toContain('Betalningspåminnelse 2')
    expect(text).toContain('Obetalt belopp 60 717,00 SEK')
    expect(text).toContain('Påminnelseavgift 60,00 SEK')
    expect(text).toContain('Dröjsmålsränta 12,34 SEK')
    expect(text).toContain('Att betala 60 789,34 SEK')
    expect(text).toContain('Betala senast 2027-01-15')
    expect(text).toContain(
      'som förföll 2026-12-22, ännu inte betald. Vänligen betala 60 789,34 SEK senast 2027-01-15.',
    )
  })

  it('are dated by the reminder date in the PDF metadata', async () => {
    const info = await pdfInfo(await renderInvoicePdf(reminder))

    expect(info.CreationDate).toMatch(/^2027-01-05T00:00:00/)
  })

  it('render a German Mahnung from level 2', async () => {
    const german = reminderOf(DE_INVOICE, { ...reminder.reminder!, feeMinor: 500n, interestMinor: 0n })

    const text = normalized((await extractText(await renderInvoicePdf(german))).raw)

    expect(text).toContain('2. Mahnung')
    expect(text).toContain('Mahngebühr 5,00 EUR')
    expect(text).toContain('Zu zahlen 1.639,32 EUR')
    expect(text).not.toContain('Verzugszinsen')
  })
})

describe('pagination', () => {
  it('repeats the table header on every page the table runs onto and numbers the pages', async () => {
    const pdf = await renderInvoicePdf(longSwedishInvoice(80))

    const { layout } = await extractText(pdf)
    const pages = layout.split('\f').filter((page) => page.trim() !== '')
    expect(pages.length).toBeGreaterThanOrEqual(3)
    expect(Number((await pdfInfo(pdf)).Pages)).toBe(pages.length)
    pages.forEach((page, index) => {
      if (/Rad \d+:/.test(page)) expect(page).toMatch(/Beskrivning\s+Antal\s+À-pris\s+Moms\s+Belopp/)
      expect(page).toContain(`Sida ${index + 1} av ${pages.length}`)
      if (index > 0) expect(page).toContain('Faktura 2026-0042 (forts.)')
    })
  })

  it('draws every line exactly once across the pages', async () => {
    const { raw } = await extractText(await renderInvoicePdf(longSwedishInvoice(80)))

    for (let line = 1; line <= 80; line += 1) {
      expect(raw.match(new RegExp(`Rad ${line}:`, 'g')), `line ${line}`).toHaveLength(1)
    }
  })
})

describe('determinism and metadata', () => {
  it('renders the same view to the same bytes', async () => {
    const first = await renderInvoicePdf(DE_INVOICE)
    const second = await renderInvoicePdf(DE_INVOICE)

    expect(second.equals(first)).toBe(true)
  })

  it('renders the same bytes with font metrics shared between documents as plain pdfkit does', async () => {
    expect(fontMetricsShareable()).toBe(true)
    for (const view of [DE_INVOICE, creditNoteOf(SV_INVOICE, 'K-1'), longSwedishInvoice(80)]) {
      const plain = await renderInvoicePdf(view, { shareFontMetrics: false })

      const shared = await renderInvoicePdf(view, { shareFontMetrics: true })

      expect(shared.equals(plain)).toBe(true)
    }
  })

  it('renders the same view to the same extracted text', async () => {
    const first = await extractText(await renderInvoicePdf(SV_INVOICE))
    const second = await extractText(await renderInvoicePdf(SV_INVOICE))

    expect(second).toEqual(first)
  })

  it('dates the metadata from the invoice date and titles it with kind and number', async () => {
    const info = await pdfInfo(await renderInvoicePdf(DE_INVOICE))

    expect(info.CreationDate).toMatch(/^2026-11-22T00:00:00/)
    expect(info.ModDate).toMatch(/^2026-11-22T00:00:00/)
    expect(info.Title).toBe('Rechnung 2026-0042')
    expect(info.Pages).toBe('1')
  })
})

describe('logo and refusals', () => {
  it('embeds the sender logo as an image of its own size', async () => {
    const logo = encodeRgbPng(120, 40, (x) => (x < 60 ? [0, 70, 140] : [240, 190, 0]))

    const images = await listImages(
      await renderInvoicePdf({ ...SV_INVOICE, sender: { ...SV_INVOICE.sender, logo } }),
    )

    expect(images).toHaveLength(1)
    expect(images[0]!.slice(3, 6)).toEqual(['120', '40', 'rgb'])
  })

  it('refuses a view whose totals do not add up, before drawing anything', async () => {
    const broken = {
      ...SV_INVOICE,
      totals: { ...SV_INVOICE.totals, grossMinor: SV_INVOICE.totals.grossMinor + 1n },
    }

    await expect(renderInvoicePdf(broken)).rejects.toThrow(AssertionError)
  })
})
