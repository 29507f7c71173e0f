// The recipient's page of an issued offer, confirmation or delivery note at /d/{token}: the
// document itself (the same view as its PDF, in a frame), its PDF, and for an OPEN offer the
// answer: accept, choosing any optional items to include, or decline. Registered inside the
// recipient pages' plugin, so it shares their headers, form parser and bare 404.

import type { FastifyInstance, FastifyReply } from 'fastify'
import type { CoreContext } from '../core/context.ts'
import { answerOffer, getSalesDocumentByToken, type SalesPageView } from '../core/sales/sales-page.ts'
import { formatDate, formatMoney } from '../documents/format.ts'
import type { InvoiceDocumentView, SalesViewKind } from '../documents/invoice-document-view.ts'
import { LABELS } from '../documents/labels.ts'
import { escapeHtml, renderInvoiceHtml } from '../documents/render-invoice-html.ts'
import { renderInvoicePdf } from '../documents/render-invoice-pdf.ts'
import { salesViewOf } from '../documents/sales-view-of.ts'
import type { CurrencyCode } from '../domain/money/currency.ts'
import { formBody, SECURITY_HEADERS } from './page-kit.ts'
import { SALES_PAGE_TEXT, type SalesPageText } from './sales-document-page-text.ts'

type Params = { token: string }

function documentView(view: SalesPageView): InvoiceDocumentView<SalesViewKind> {
  const sender = {
    name: view.organization.name,
    country: view.organization.country,
    settings: view.organization.settings,
  }
  return salesViewOf(view.document, sender, view.recipient)
}

function answerForms(view: SalesPageView, document: InvoiceDocumentView, text: SalesPageText, base: string) {
  const offer = view.document
  if (offer.kind !== 'offer') return ''
  // An invoiced (cleared) offer was accepted before it was invoiced, or declined.
  const answer = offer.state === 'cleared' ? offer.priorState : offer.state
  if (answer === 'won') return `<p class="answer">${escapeHtml(text.accepted)}</p>`
  if (answer === 'lost') return `<p class="answer">${escapeHtml(text.declined)}</p>`
  if (offer.state !== 'open') return ''
  const options = offer.lines
    .filter((line) => line.optional)
    .map(
      (line) =>
        `<label><input type="checkbox" name="option-${line.lineNo}" value="1"> ${escapeHtml(line.description)} (${escapeHtml(formatMoney(line.grossMinor, offer.currency as CurrencyCode, document.locale))})</label>`,
    )
    .join('')
  const choose = options
    ? `<fieldset><legend>${escapeHtml(text.chooseOptions)}</legend>${options}</fieldset>`
    : ''
  return `<form class="accept" method="post" action="${base}/accept">${choose}<button type="submit">${escapeHtml(text.accept)}</button></form><form class="decline" method="post" action="${base}/decline"><button type="submit">${escapeHtml(text.decline)}</button></form>`
}

function pageHtml(view: SalesPageView, token: string, done: boolean): string {
  const document = documentView(view)
  const text = SALES_PAGE_TEXT[document.locale]
  const base = `/d/${encodeURIComponent(token)}`
  const title = `${LABELS[document.locale].salesTitles[document.kind]} ${document.number}`
  const valid = view.document.validUntil
    ? `<p class="valid">${escapeHtml(text.validUntil)} ${escapeHtml(formatDate(view.document.validUntil, document.locale))}</p>`
    : ''
  const notice = done ? `<p class="notice" role="status">${escapeHtml(text.thanks)}</p>` : ''
  return `<!doctype html><html lang="${document.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:Helvetica,Arial,sans-serif;max-width:230mm;margin:0 auto;padding:1em;color:#222}iframe{width:100%;height:300mm;border:1px solid #ccc}.notice,.answer{background:#eaf7ea;padding:.5em 1em}form{margin:.5em 0;display:inline-block;margin-right:1em}fieldset{margin:.5em 0}label{display:block;margin:.3em 0}</style></head>
<body><h1>${escapeHtml(view.organization.name)}</h1><h2>${escapeHtml(title)}</h2>${notice}${valid}${answerForms(view, document, text, base)}
<section class="doc"><p><a href="${base}/pdf" download>${escapeHtml(text.download)}</a></p><iframe title="${escapeHtml(title)}" src="${base}/document"></iframe></section>
</body></html>`
}

/** The line numbers of the optional items ticked in the accept form (fields option-{lineNo}). */
function chosenLineNos(body: Readonly<Record<string, string>>): number[] {
  return Object.keys(body).flatMap((name) => {
    const match = /^option-(\d{1,5})$/.exec(name)
    return match ? [Number(match[1])] : []
  })
}

function answered(reply: FastifyReply, token: string): FastifyReply {
  return reply.redirect(`/d/${encodeURIComponent(token)}?done=1`, 303)
}

export function salesDocumentPageRoutes(page: FastifyInstance, core: CoreContext): void {
  page.get<{ Params: Params; Querystring: { done?: string } }>('/d/:token', async (request, reply) => {
    const view = await getSalesDocumentByToken(core, request.params.token)
    return reply
      .headers(SECURITY_HEADERS)
      .type('text/html; charset=utf-8')
      .send(pageHtml(view, request.params.token, request.query.done !== undefined))
  })

  page.get<{ Params: Params }>('/d/:token/document', async (request, reply) => {
    const view = documentView(await getSalesDocumentByToken(core, request.params.token))
    return reply
      .headers(SECURITY_HEADERS)
      .type('text/html; charset=utf-8')
      .send(await renderInvoiceHtml(view))
  })

  page.get<{ Params: Params }>('/d/:token/pdf', async (request, reply) => {
    const view = documentView(await getSalesDocumentByToken(core, request.params.token))
    const fileName = `${view.kind}-${view.number}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_')
    return reply
      .headers(SECURITY_HEADERS)
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .type('application/pdf')
      .send(await renderInvoicePdf(view))
  })

  page.post<{ Params: Params }>('/d/:token/accept', async (request, reply) => {
    await answerOffer(core, request.params.token, {
      accept: true,
      chosenLineNos: chosenLineNos(formBody(request)),
    })
    return answered(reply, request.params.token)
  })

  page.post<{ Params: Params }>('/d/:token/decline', async (request, reply) => {
    await answerOffer(core, request.params.token, { accept: false })
    return answered(reply, request.params.token)
  })
}
