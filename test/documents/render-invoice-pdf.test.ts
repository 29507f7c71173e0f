// Proves, by reading rendered PDFs back with pdftotext, that each locale's invoice shows its amounts,
// dates, tax breakdown per rate, totals and payment details in that locale's formatting.

import { describe, expect, it } from 'vitest'
import type { InvoiceDocumentView } from '../../src/documents/invoice-document-view.ts'
import { renderInvoicePdf } from '../../src/documents/render-invoice-pdf.ts'
import { extractText } from './poppler.ts'
import { DA_INVOICE, DE_INVOICE, EN_INVOICE, SV_INVOICE } from './sample-views.ts'

type Expectation = Readonly<{
  view: InvoiceDocumentView
  /** Exact strings, label and value as drawn on one baseline. */
  texts: readonly string[]
  /** Cells that `pdftotext -layout` must show on one line, in this order. */
  rows: readonly (readonly string[])[]
}>

const EXPECTATIONS: Readonly<Record<'sv' | 'da' | 'de' | 'en', Expectation>> = {
  sv: {
    view: SV_INVOICE,
    texts: [
      'Faktura',
      'Fakturanummer 2026-0042',
      'Fakturadatum 2026-11-22',
      'Förfallodatum 2026-12-22',
      'Att: Åsa Öberg',
      'Summa exkl. moms 48 808,56 SEK',
      'Summa moms 11 908,84 SEK',
      'Öresavrundning -0,40 SEK',
      'Summa inkl. moms 60 717,00 SEK',
      'Att betala 60 717,00 SEK',
      'Bankgiro 5050-1055',
      'Plusgiro 4 89 12-3',
      'OCR-nummer 2026004205',
    ],
    rows: [
      ['Systemutveckling, november', '37,5 h', '1 250,00', '25 %', '46 875,00'],
      ['25 %', '46 875,00', '11 718,75'],
      ['12 %', '1 234,56', '148,15'],
      ['6 %', '699,00', '41,94'],
    ],
  },
  da: {
    view: DA_INVOICE,
    texts: [
      'Faktura',
      'Fakturadato 22.11.2026',
      'Forfaldsdato 22.12.2026',
      'Subtotal ekskl. moms 30.599,85 DKK',
      'Moms i alt 7.649,96 DKK',
      'Total inkl. moms 38.249,81 DKK',
      'At betale 38.249,81 DKK',
      'IBAN DK50 0040 0440 1162 43',
      'BIC DABADKKK',
      'FI-kode +71<000000004200422+87654321<',
    ],
    rows: [
      ['Designworkshop, 2 dage', '2 dag', '12.500,00', '25 %', '25.000,00'],
      ['Trykte brochurer (æske á 500 stk.)', '3', '1.899,95', '100,00', '25 %', '5.599,85'],
      ['25 %', '30.599,85', '7.649,96'],
    ],
  },
  de: {
    view: DE_INVOICE,
    texts: [
      'Rechnung',
      'Rechnungsdatum 22.11.2026',
      'Fällig am 22.12.2026',
      'Leistungsdatum 20.11.2026',
      'z. Hd. Frau Jürgens',
      'Fachbuch „Umsatzsteuer für Einsteiger“',
      'Summe netto 1.377,40 EUR',
      'Umsatzsteuer gesamt 256,92 EUR',
      'Summe brutto 1.634,32 EUR',
      'Zu zahlen 1.634,32 EUR',
      'IBAN DE89 3704 0044 0532 0130 00',
      'Zahlungsreferenz RF18 5390 0754 7034',
    ],
    rows: [
      ['Beratung Buchhaltungsumstellung', '12,5 Std.', '95,00', '19 %', '1.187,50'],
      ['19 %', '1.337,50', '254,13'],
      ['7 %', '39,90', '2,79'],
    ],
  },
  en: {
    view: EN_INVOICE,
    texts: [
      'Invoice',
      'Invoice date 22 Nov 2026',
      'Due date 22 Dec 2026',
      'GERMANY',
      'Total excl. VAT EUR 17,699.00',
      'Total VAT EUR 0.00',
      'Total incl. VAT EUR 17,699.00',
      'Amount due EUR 17,699.00',
      'IBAN IE29 AIBK 9311 5212 3456 78',
      'Reverse charge: the recipient accounts for the VAT (Art. 196, Directive 2006/112/EC).',
    ],
    rows: [
      ['Data platform subscription, December', '1', '14,999.00', '0%', '14,999.00'],
      ['Onboarding workshop', '1.5 days', '1,800.00', '0%', '2,700.00'],
      ['0%', '17,699.00', '0.00'],
    ],
  },
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ')
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** -layout may drop a single space inside a cell, so spaces within a cell are optional there. */
function rowPattern(cells: readonly string[]): RegExp {
  return new RegExp(cells.map((cell) => escapeRegExp(cell).replace(/ /g, '\\s?')).join('\\s+'))
}

describe('renderInvoicePdf per locale', () => {
  for (const [locale, expectation] of Object.entries(EXPECTATIONS)) {
    it(`shows ${locale} amounts, dates, totals and payment details in ${locale} formatting`, async () => {
      const pdf = await renderInvoicePdf(expectation.view)

      const { raw } = await extractText(pdf)
      for (const text of expectation.texts) expect(normalized(raw)).toContain(text)
    })

    it(`lays out ${locale} line and tax rows with their cells side by side`, async () => {
      const pdf = await renderInvoicePdf(expectation.view)

      const { layout } = await extractText(pdf)
      for (const cells of expectation.rows) expect(layout).toMatch(rowPattern(cells))
    })
  }

  it('names a foreign recipient country in capitals in the document language', async () => {
    const view = { ...SV_INVOICE, recipient: { ...SV_INVOICE.recipient, countryCode: 'no' } }

    const { raw } = await extractText(await renderInvoicePdf(view))

    expect(raw).toMatch(/796 22 Älvdalen\nNORGE\n/)
  })

  it('prints the country line only for a recipient abroad', async () => {
    const { raw } = await extractText(await renderInvoicePdf(SV_INVOICE))

    expect(raw).not.toMatch(/SVERIGE/)
  })
})
