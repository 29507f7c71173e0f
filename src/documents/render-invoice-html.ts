// The same document as HTML: the recipient's invoice page shows it, and it prints to A4 with the
// address in the envelope window like the PDF. Every string from the view is escaped, because a
// customer's name or a line description is input from whoever typed it.

import { buildDocumentText, type DocumentText, type TextRow } from './document-text.ts'
import { renderQrPng } from './epc-qr.ts'
import { checkView, type InvoiceDocumentView } from './invoice-document-view.ts'
import { paymentQrPayload } from './payment-qr.ts'

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

function imageMimeType(image: Buffer): string {
  return image[0] === 0xff && image[1] === 0xd8 ? 'image/jpeg' : 'image/png'
}

function dataUrl(image: Buffer): string {
  return `data:${imageMimeType(image)};base64,${image.toString('base64')}`
}

// Millimetre positions mirror pdf-geometry.ts, so a printed page fits the same window envelopes.
const STYLE = `
@page { size: A4; margin: 0 }
* { box-sizing: border-box }
body { margin: 0; font: 9pt/1.25 Helvetica, Arial, sans-serif; color: #000 }
.sheet { position: relative; width: 210mm; min-height: 297mm; padding: 98.5mm 20mm 25mm 25mm }
.logo { position: absolute; left: 25mm; top: 12mm; max-width: 60mm; max-height: 22mm }
.sender { position: absolute; left: 125mm; right: 20mm; top: 12mm; text-align: right; font-size: 8pt }
.sender strong { font-size: 10pt }
.window { position: absolute; left: 25mm; top: 50mm; width: 75mm }
.return { font-size: 6.5pt; white-space: nowrap; overflow: hidden; height: 5mm }
.recipient { font-size: 10pt; max-height: 30mm }
.meta { position: absolute; left: 125mm; right: 20mm; top: 50mm; font-size: 8.5pt }
.meta th { width: 34mm }
table { border-collapse: collapse }
th { text-align: left; font-weight: normal; vertical-align: top }
h1 { font-size: 16pt; margin: 0 0 2mm }
.lines { width: 100%; margin-top: 3mm }
.lines thead th { font-weight: bold; border-bottom: 0.75pt solid #000 }
.lines td, .lines thead th { padding: 0.75mm 0 }
.lines tbody tr:last-child td { border-bottom: 0.5pt solid #000 }
.num { text-align: right; white-space: nowrap; padding-left: 3mm }
.summary { display: flex; justify-content: space-between; margin-top: 4mm }
.totals { width: 80mm } .totals td { text-align: right; white-space: nowrap }
.tax { width: 75mm }
.strong th, .strong td { font-weight: bold }
.notice { font-weight: bold; margin-top: 6mm }
.payment { display: flex; justify-content: space-between; margin-top: 6mm; break-inside: avoid }
.payment h2 { font-size: 9pt; margin: 0 }
.payment th { width: 38mm }
.qr { width: 32mm; text-align: center; font-size: 7.5pt }
.qr img { width: 32mm; height: 32mm; image-rendering: pixelated; display: block }
footer { margin-top: 10mm; border-top: 0.5pt solid #999; padding-top: 1.5mm; font-size: 7.5pt }
`

function rowsHtml(rows: readonly TextRow[]): string {
  return rows
    .map((row) => {
      const cls = row.emphasized === true ? ' class="strong"' : ''
      return `<tr${cls}><th>${escapeHtml(row.label)}</th><td>${escapeHtml(row.value)}</td></tr>`
    })
    .join('')
}

function linesHtml(text: DocumentText): string {
  const { columns, showDiscountColumn } = text
  const numeric = (['quantity', 'unitPrice', 'discount', 'vatRate', 'amount'] as const).filter(
    (key) => showDiscountColumn || key !== 'discount',
  )
  const head = `<th>${escapeHtml(columns.description)}</th>${numeric.map((key) => `<th class="num">${escapeHtml(columns[key])}</th>`).join('')}`
  const body = text.lineRows
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.description)}</td>${numeric.map((key) => `<td class="num">${escapeHtml(row[key])}</td>`).join('')}</tr>`,
    )
    .join('')
  return `<table class="lines"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
}

function taxHtml(text: DocumentText): string {
  if (text.taxRows.length === 0) return '<div></div>'
  const cells = (values: readonly string[]) =>
    values.map((value) => `<td class="num">${escapeHtml(value)}</td>`).join('')
  const rows = text.taxRows.map((row) => `<tr>${cells(row)}</tr>`).join('')
  return `<table class="tax"><caption style="text-align:left"><strong>${escapeHtml(text.taxHeading)}</strong></caption><tr>${cells(text.taxColumns)}</tr>${rows}</table>`
}

function paymentHtml(text: DocumentText, qrPng: Buffer | undefined): string {
  const qr =
    qrPng === undefined
      ? ''
      : `<div class="qr"><img alt="EPC QR" src="${dataUrl(qrPng)}"><div>${escapeHtml(text.qrCaption)}</div></div>`
  return `<section class="payment"><div><h2>${escapeHtml(text.paymentHeading)}</h2><table>${rowsHtml(text.paymentRows)}</table></div>${qr}</section>`
}

/** Renders the view as a complete, self-contained HTML page (logo and QR code inline). */
export async function renderInvoiceHtml(view: InvoiceDocumentView): Promise<string> {
  checkView(view)
  const text = buildDocumentText(view)
  const qrPayload = paymentQrPayload(view)
  const qrPng = qrPayload === undefined ? undefined : await renderQrPng(qrPayload)
  const logo =
    view.sender.logo === undefined ? '' : `<img class="logo" alt="" src="${dataUrl(view.sender.logo)}">`
  const senderLines = text.senderLines.map((line) => `<br>${escapeHtml(line)}`).join('')
  const recipient = text.recipientLines.map(escapeHtml).join('<br>')
  const intro = text.intro === undefined ? '' : `<p>${escapeHtml(text.intro)}</p>`
  const notices = text.notices.map((notice) => `<p class="notice">${escapeHtml(notice)}</p>`).join('')
  const footer = text.footer === undefined ? '' : `<footer>${escapeHtml(text.footer)}</footer>`
  const title = `${text.title} ${view.number}`
  return `<!doctype html>
<html lang="${view.locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><div class="sheet">${logo}
<div class="sender"><strong>${escapeHtml(text.senderName)}</strong>${senderLines}</div>
<div class="window"><div class="return">${escapeHtml(text.returnAddress)}</div><div class="recipient">${recipient}</div></div>
<table class="meta">${rowsHtml(text.metaRows)}</table>
<h1>${escapeHtml(text.title)}</h1>${intro}
${linesHtml(text)}
<div class="summary">${taxHtml(text)}<table class="totals">${rowsHtml(text.totalRows)}</table></div>
${notices}${paymentHtml(text, qrPng)}${footer}
</div></body></html>
`
}
