// PDFs per second for a one-page, ten-line EUR invoice with an EPC QR code: pdfkit in this process
// against headless Chromium printing the same view's HTML from a warm page, in the same run,
// because these machines are too noisy to compare against a figure from another day.
// Each iteration renders a different invoice number and RF reference, so no QR code or text is
// reused from the previous document. Chromium's side includes building the HTML, as a service
// printing through it would. Run: `npm run bench:pdf`; BENCH_SECONDS sets each engine's total time.

import { chromium } from 'playwright-core'
import type { InvoiceDocumentView } from '../src/documents/invoice-document-view.ts'
import { mod97 } from '../src/documents/iso7064.ts'
import { renderInvoiceHtml } from '../src/documents/render-invoice-html.ts'
import { renderInvoicePdf } from '../src/documents/render-invoice-pdf.ts'
import { type SampleLine, sampleView } from '../test/documents/sample-views.ts'

const PHASE_SECONDS = Number(process.env.BENCH_SECONDS ?? '6')
const ROUNDS = 3
const TARGET_PDFKIT_PER_SECOND = 200
const TARGET_RATIO = 10
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

function numberedInvoice(iteration: number): InvoiceDocumentView {
  const number = `2026-${String(iteration).padStart(6, '0')}`
  return {
    ...BASE_VIEW,
    number,
    payment: { ...BASE_VIEW.payment, reference: { kind: 'rf', value: rfReference(`4711${iteration}`) } },
  }
}

type Tally = { pdfs: number; seconds: number; bytes: number }

async function runFor(seconds: number, tally: Tally, render: (iteration: number) => Promise<Uint8Array>) {
  const started = performance.now()
  const deadline = started + seconds * 1000
  while (performance.now() < deadline) {
    tally.bytes = (await render(tally.pdfs)).length
    tally.pdfs += 1
  }
  tally.seconds += (performance.now() - started) / 1000
}

function report(engine: string, tally: Tally, extra: Readonly<Record<string, unknown>> = {}): number {
  const pdfsPerSecond = tally.pdfs / tally.seconds
  const line = {
    bench: 'pdf',
    engine,
    pdfsPerSecond: Math.round(pdfsPerSecond * 10) / 10,
    msPerPdf: Math.round((1000 / pdfsPerSecond) * 100) / 100,
    pdfs: tally.pdfs,
    bytesPerPdf: tally.bytes,
    lines: LINES.length,
    ...extra,
  }
  console.log(JSON.stringify(line))
  return pdfsPerSecond
}

/** The benchmark is about one-page invoices: a layout change that spills onto a second page must show. */
async function assertOnePage(): Promise<void> {
  const pdf = (await renderInvoicePdf(numberedInvoice(0))).toString('latin1')
  const pages = pdf.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
  if (pages !== 1) throw new Error(`the benchmark invoice has ${pages} pages, expected 1`)
}

async function main(): Promise<void> {
  await assertOnePage()
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    const renderPdfkit = (iteration: number) => renderInvoicePdf(numberedInvoice(iteration))
    const printChromium = async (iteration: number) => {
      await page.setContent(await renderInvoiceHtml(numberedInvoice(iteration)))
      return page.pdf({ format: 'A4', printBackground: true })
    }
    await runFor(1, { pdfs: 0, seconds: 0, bytes: 0 }, renderPdfkit)
    await runFor(1, { pdfs: 0, seconds: 0, bytes: 0 }, printChromium)
    // Alternate in rounds, so that a slow patch of a shared machine slows both engines alike.
    const pdfkit: Tally = { pdfs: 0, seconds: 0, bytes: 0 }
    const chromiumTally: Tally = { pdfs: 0, seconds: 0, bytes: 0 }
    for (let round = 0; round < ROUNDS; round += 1) {
      await runFor(PHASE_SECONDS / ROUNDS, pdfkit, (iteration) => renderPdfkit(iteration))
      await runFor(PHASE_SECONDS / ROUNDS, chromiumTally, (iteration) => printChromium(1_000_000 + iteration))
    }
    const pdfkitRate = report('pdfkit', pdfkit, { targetPdfsPerSecond: TARGET_PDFKIT_PER_SECOND })
    const chromiumRate = report('chromium', chromiumTally)
    const ratio = Math.round((pdfkitRate / chromiumRate) * 10) / 10
    console.log(JSON.stringify({ bench: 'pdf', ratio, targetRatio: TARGET_RATIO }))
  } finally {
    await browser.close()
  }
}

await main()
