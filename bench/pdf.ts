// PDFs per second for a one-page, ten-line EUR invoice with an EPC QR code: pdfkit in this process
// against headless Chromium printing the same view's HTML from a warm page, in the same run,
// because these machines are too noisy to compare against a figure from another day.
// Each iteration renders a different invoice number and RF reference, so no QR code or text is
// reused from the previous document. Run: `npm run bench:pdf` (BENCH_SECONDS sets each phase).

import { chromium } from 'playwright-core'
import { mod97 } from '../src/documents/iso7064.ts'
import type { InvoiceDocumentView } from '../src/documents/invoice-document-view.ts'
import { renderInvoiceHtml } from '../src/documents/render-invoice-html.ts'
import { renderInvoicePdf } from '../src/documents/render-invoice-pdf.ts'
import { type SampleLine, sampleView } from '../test/documents/sample-views.ts'

const PHASE_SECONDS = Number(process.env.BENCH_SECONDS ?? '4')
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const LINES: SampleLine[] = Array.from({ length: 10 }, (_, index) => ({
  description: `Beratung Projekt ${index + 1}: Analyse und Umsetzung`,
  quantityHalves: BigInt(2 + index),
  unit: 'Std.',
  unitPriceMinor: 8_950n + BigInt(index) * 1_000n,
  vatRatePercent: index % 3 === 0 ? 7n : 19n,
}))

const BASE_VIEW = sampleView({
  locale: 'de',
  currency: 'EUR',
  lines: LINES,
  payment: {
    iban: 'DE89370400440532013000',
    bic: 'COBADEFFXXX',
    reference: { kind: 'rf', value: 'RF18539007547034' },
  },
})

/** An ISO 11649 reference for `base`: check digits make "base + RF + digits" leave 1 mod 97. */
function rfReference(base: string): string {
  const remainder = mod97(`RF00${base}`)
  return `RF${String(98 - remainder).padStart(2, '0')}${base}`
}

function viewNumber(iteration: number): InvoiceDocumentView {
  const number = `2026-${String(iteration).padStart(6, '0')}`
  return {
    ...BASE_VIEW,
    number,
    payment: { ...BASE_VIEW.payment, reference: { kind: 'rf', value: rfReference(`4711${iteration}`) } },
  }
}

type Phase = Readonly<{ pdfs: number; seconds: number; bytes: number }>

async function runFor(seconds: number, render: (iteration: number) => Promise<Uint8Array>): Promise<Phase> {
  const started = performance.now()
  const deadline = started + seconds * 1000
  let pdfs = 0
  let bytes = 0
  while (performance.now() < deadline) {
    bytes = (await render(pdfs)).length
    pdfs += 1
  }
  return { pdfs, seconds: (performance.now() - started) / 1000, bytes }
}

function report(engine: string, phase: Phase): number {
  const pdfsPerSecond = phase.pdfs / phase.seconds
  const line = {
    bench: 'pdf',
    engine,
    pdfsPerSecond: Math.round(pdfsPerSecond * 10) / 10,
    msPerPdf: Math.round((1000 / pdfsPerSecond) * 100) / 100,
    pdfs: phase.pdfs,
    bytesPerPdf: phase.bytes,
    lines: LINES.length,
  }
  console.log(JSON.stringify(line))
  return pdfsPerSecond
}

async function main(): Promise<void> {
  await runFor(1, (iteration) => renderInvoicePdf(viewNumber(1_000_000 + iteration)))
  const pdfkit = report(
    'pdfkit',
    await runFor(PHASE_SECONDS, (iteration) => renderInvoicePdf(viewNumber(iteration))),
  )

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    const printHtml = async (iteration: number) => {
      await page.setContent(await renderInvoiceHtml(viewNumber(iteration)))
      return page.pdf({ format: 'A4', printBackground: true })
    }
    for (let warm = 0; warm < 5; warm += 1) await printHtml(2_000_000 + warm)
    const chromiumRate = report('chromium', await runFor(PHASE_SECONDS, printHtml))
    console.log(JSON.stringify({ bench: 'pdf', ratio: Math.round((pdfkit / chromiumRate) * 10) / 10 }))
  } finally {
    await browser.close()
  }
}

await main()
