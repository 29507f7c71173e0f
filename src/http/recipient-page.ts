// The recipient's invoice page at /i/{token}: the invoice itself (the same view as the PDF, in a
// frame), its PDF, the history the recipient may see, a message form, a respite request, and the
// offers of the case. The token is the only key; any failure to find it answers the same bare 404,
// so the page reveals nothing about which tokens exist. An offer's, confirmation's or delivery note's
// page (sales-document-page.ts) is served beside it under the same headers and error handling.

import type { FastifyInstance } from 'fastify'
import type { CaseView, Offer } from '../core/cases/case-record.ts'
import { getCaseByToken } from '../core/cases/get-case-by-token.ts'
import { postRecipientMessage, requestRespite } from '../core/cases/message-from-recipient.ts'
import { acceptOffer } from '../core/cases/offers.ts'
import type { CoreContext } from '../core/context.ts'
import type { InvoiceDocumentView } from '../documents/invoice-document-view.ts'
import { documentLocaleOf, invoiceViewOf } from '../documents/invoice-view-of.ts'
import { escapeHtml, renderInvoiceHtml } from '../documents/render-invoice-html.ts'
import { renderInvoicePdf } from '../documents/render-invoice-pdf.ts'
import { DomainError } from '../domain/errors.ts'
import type { Invoice } from '../domain/invoicing/invoice.ts'
import { formBody, notFoundPage, SECURITY_HEADERS } from './page-kit.ts'
import { PAGE_TEXT, type PageText } from './recipient-page-text.ts'
import { salesDocumentPageRoutes } from './sales-document-page.ts'

type Params = { token: string; invoiceNo?: string; offerId?: string }

function visibleInvoices(view: CaseView): Invoice[] {
  return view.invoices.filter((invoice) => invoice.state !== 'draft' && invoice.state !== 'deleted')
}

function documentViews(view: CaseView): InvoiceDocumentView[] {
  const numbers = new Map(view.invoices.map((invoice) => [invoice.invoiceId, invoice.number ?? '']))
  const sender = {
    name: view.organization.name,
    country: view.organization.country,
    settings: view.organization.settings,
  }
  return visibleInvoices(view).map((invoice) =>
    invoiceViewOf(
      invoice,
      sender,
      invoice.creditedInvoiceId ? numbers.get(invoice.creditedInvoiceId) : undefined,
    ),
  )
}

function offerText(offer: Offer): string {
  return offer.text ? `<p>${escapeHtml(offer.text)}</p>` : ''
}

function pageHtml(
  view: CaseView,
  documents: readonly InvoiceDocumentView[],
  text: PageText,
  token: string,
  notice: string,
): string {
  const base = `/i/${encodeURIComponent(token)}`
  const frames = documents
    .map(
      (document, index) =>
        `<section class="doc"><p><a href="${base}/pdf/${index}" download>${escapeHtml(text.download)} (${escapeHtml(document.number)})</a></p><iframe title="${escapeHtml(document.number)}" src="${base}/document/${index}"></iframe></section>`,
    )
    .join('')
  const offers = view.offers
    .filter((offer) => !offer.acceptedAt)
    .map((offer) =>
      offer.kind === 'banner'
        ? `<aside class="offer"><a href="${escapeHtml(offer.url ?? '')}" rel="noopener noreferrer">${escapeHtml(offer.title)}</a>${offerText(offer)}</aside>`
        : `<aside class="offer"><form method="post" action="${base}/offers/${encodeURIComponent(offer.offerId)}/accept"><strong>${escapeHtml(offer.title)}</strong>${offerText(offer)} <button type="submit">${escapeHtml(text.accept)}</button></form></aside>`,
    )
    .join('')
  const events = view.events
    .map(
      (event) =>
        `<li><time>${escapeHtml(event.occurredAt.slice(0, 16).replace('T', ' '))}</time> ${escapeHtml(text.events[event.type] ?? event.type)}</li>`,
    )
    .join('')
  const status = notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''
  return `<!doctype html><html lang="${documents[0]?.locale ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(view.organization.name)}</title>
<style>body{font-family:Helvetica,Arial,sans-serif;max-width:230mm;margin:0 auto;padding:1em;color:#222}iframe{width:100%;height:300mm;border:1px solid #ccc}.offer{background:#f3f6ff;padding:.6em 1em;margin:1em 0}.notice{background:#eaf7ea;padding:.5em 1em}form{margin:.5em 0}textarea{width:100%;min-height:5em}label{display:block;margin:.4em 0}</style></head>
<body><h1>${escapeHtml(view.organization.name)}</h1>${status}${offers}${frames}
<section><h2>${escapeHtml(text.history)}</h2><ul class="history">${events}</ul></section>
<section><h2>${escapeHtml(text.message)}</h2><p>${escapeHtml(text.messageHint)}</p><form method="post" action="${base}/message"><textarea name="message" required maxlength="4000"></textarea><button type="submit">${escapeHtml(text.send)}</button></form></section>
<section><h2>${escapeHtml(text.respite)}</h2><p>${escapeHtml(text.respiteHint)}</p><form method="post" action="${base}/respite"><label>${escapeHtml(text.respiteUntil)} <input type="date" name="until" required></label><label>${escapeHtml(text.reason)} <input type="text" name="reason" maxlength="500"></label><button type="submit">${escapeHtml(text.ask)}</button></form></section>
</body></html>`
}

export async function registerRecipientPage(app: FastifyInstance, core: CoreContext): Promise<void> {
  await app.register(async (page) => {
    page.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))))
      },
    )
    page.setErrorHandler(async (error, _request, reply) => {
      if (error instanceof DomainError && error.code === 'not_found') return notFoundPage(reply)
      if (error instanceof DomainError) {
        return reply
          .code(400)
          .headers(SECURITY_HEADERS)
          .type('text/html; charset=utf-8')
          .send(
            `<!doctype html><html><head><meta charset="utf-8"><title>400</title></head><body><p>${escapeHtml(error.message)}</p><p><a href="javascript:history.back()">&larr;</a></p></body></html>`,
          )
      }
      if (
        (error as { statusCode?: number }).statusCode === 415 ||
        (error as { statusCode?: number }).statusCode === 413
      )
        return reply.code(400).send('bad request')
      throw error
    })
    page.setNotFoundHandler((_request, reply) => notFoundPage(reply))

    page.get<{ Params: Params; Querystring: { done?: string } }>('/i/:token', async (request, reply) => {
      const view = await getCaseByToken(core, request.params.token)
      const documents = documentViews(view)
      const text = PAGE_TEXT[documents[0]?.locale ?? documentLocaleOf(view.organization.locale)]
      return reply
        .headers(SECURITY_HEADERS)
        .type('text/html; charset=utf-8')
        .send(pageHtml(view, documents, text, request.params.token, request.query.done ? text.thanks : ''))
    })

    page.get<{ Params: Params }>('/i/:token/document/:invoiceNo', async (request, reply) => {
      const document = documentViews(await getCaseByToken(core, request.params.token))[
        Number(request.params.invoiceNo)
      ]
      if (!document) return notFoundPage(reply)
      return reply
        .headers(SECURITY_HEADERS)
        .type('text/html; charset=utf-8')
        .send(await renderInvoiceHtml(document))
    })

    page.get<{ Params: Params }>('/i/:token/pdf/:invoiceNo', async (request, reply) => {
      const document = documentViews(await getCaseByToken(core, request.params.token))[
        Number(request.params.invoiceNo)
      ]
      if (!document) return notFoundPage(reply)
      const fileName = `${document.kind}-${document.number}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_')
      return reply
        .headers(SECURITY_HEADERS)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .type('application/pdf')
        .send(await renderInvoicePdf(document))
    })

    page.post<{ Params: Params }>('/i/:token/message', async (request, reply) => {
      const body = formBody(request)
      await postRecipientMessage(core, request.params.token, { message: body.message, name: body.name })
      return reply.redirect(`/i/${encodeURIComponent(request.params.token)}?done=1`, 303)
    })

    page.post<{ Params: Params }>('/i/:token/respite', async (request, reply) => {
      const body = formBody(request)
      await requestRespite(core, request.params.token, { until: body.until, reason: body.reason })
      return reply.redirect(`/i/${encodeURIComponent(request.params.token)}?done=1`, 303)
    })

    salesDocumentPageRoutes(page, core)

    page.post<{ Params: Params }>('/i/:token/offers/:offerId/accept', async (request, reply) => {
      await acceptOffer(core, request.params.token, request.params.offerId ?? '')
      return reply.redirect(`/i/${encodeURIComponent(request.params.token)}?done=1`, 303)
    })
  })
}
