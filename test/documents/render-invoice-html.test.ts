// Proves that the HTML rendering escapes every string from the view, shows the same formatted sums
// as the PDF, and inlines the same EPC QR PNG.

import { describe, expect, it } from 'vitest'
import { renderQrPng } from '../../src/documents/epc-qr.ts'
import { paymentQrPayload } from '../../src/documents/payment-qr.ts'
import { escapeHtml, renderInvoiceHtml } from '../../src/documents/render-invoice-html.ts'
import { creditNoteOf, reminderOf } from './derived-views.ts'
import { DE_INVOICE, SV_INVOICE } from './sample-views.ts'

describe('renderInvoiceHtml', () => {
  it('escapes markup in names, descriptions and references', async () => {
    const hostile = {
      ...SV_INVOICE,
      recipient: { ...SV_INVOICE.recipient, name: `O'Brien & <b>Co</b>` },
      lines: SV_INVOICE.lines.map((line, index) =>
        index === 0 ? { ...line, description: '<script>alert("x")</script>' } : line,
      ),
      references: { yourReference: '"><img src=x onerror=alert(1)>' },
    }

    const html = await renderInvoiceHtml(hostile)

    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('O&#39;Brien &amp; &lt;b&gt;Co&lt;/b&gt;')
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;')
  })

  it('shows the locale-formatted tax breakdown, totals and payment reference', async () => {
    const html = await renderInvoiceHtml(DE_INVOICE)

    for (const text of [
      '1.337,50',
      '254,13',
      '1.634,32 EUR',
      'RF18 5390 0754 7034',
      'Fällig am',
      '22.12.2026',
    ]) {
      expect(html).toContain(text)
    }
  })

  it('inlines the same QR PNG the PDF embeds', async () => {
    const png = await renderQrPng(paymentQrPayload(DE_INVOICE)!)

    const html = await renderInvoiceHtml(DE_INVOICE)

    expect(html).toContain(`src="data:image/png;base64,${png.toString('base64')}"`)
  })

  it('renders a credit note and a reminder with their own titles and sums', async () => {
    const creditNote = await renderInvoiceHtml(creditNoteOf(DE_INVOICE, 'RK-1'))
    const reminder = await renderInvoiceHtml(
      reminderOf(SV_INVOICE, {
        level: 1,
        remindedOn: '2027-01-05',
        payByOn: '2027-01-15',
        feeMinor: 6000n,
        interestMinor: 0n,
      }),
    )

    expect(creditNote).toContain('<h1>Rechnungskorrektur</h1>')
    expect(creditNote).toContain('-1.634,32 EUR')
    expect(creditNote).not.toContain('EPC QR')
    expect(reminder).toContain('<h1>Betalningspåminnelse</h1>')
    expect(reminder).toContain('60 777,00 SEK')
  })

  it('has no QR code for a SEK invoice', async () => {
    expect(await renderInvoiceHtml(SV_INVOICE)).not.toContain('EPC QR')
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})
