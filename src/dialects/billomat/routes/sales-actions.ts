// The actions on offers, confirmations, delivery notes and letters (appendix): complete, pdf,
// email and mail, and the state actions each kind takes (an offer's win, lose, cancel, uncancel,
// clear, unclear; a confirmation's cancel, uncancel, clear, unclear). Bodies are read with any
// root or none (§1.6); actions answer 200 with the document as it now stands.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import { mailFromAddress } from '../../../config/mail-from.ts'
import { changeSalesState } from '../../../core/sales/change-sales-state.ts'
import { getSalesDocumentBySeq } from '../../../core/sales/get-sales-document.ts'
import { sendSalesDocument } from '../../../core/sales/send-sales-document.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { SalesDocument } from '../../../domain/sales/sales-document.ts'
import type { AppServices } from '../../../http/server.ts'
import { pathId } from '../ids.ts'
import { recordData } from '../invoices/lookups.ts'
import { sendPdf } from '../invoices/pdf.ts'
import { emailFromWire, letterFromWire } from '../invoices/sending.ts'
import { completeSales } from '../sales/complete.ts'
import { salesEmailDefaults, salesPdfFile } from '../sales/files.ts'
import { SALES_KINDS, type SalesKind } from '../sales/kinds.ts'
import { renderSalesDocument } from '../sales/to-wire.ts'
import { parseQuery, queryValue } from '../wire/query.ts'
import { readId } from '../wire/read.ts'
import { sendRecord } from '../wire/reply.ts'
import { bodyOf, type Routes, tenant } from './kit.ts'

export const EMAIL_ELEMENTS = [
  'recipients',
  'subject',
  'body',
  'from',
  'filename',
  'attachments',
  'email_template_id',
]

function salesActionRoutes(app: FastifyInstance, services: AppServices, kind: SalesKind): void {
  const core = services.core
  const load = (request: FastifyRequest) =>
    getSalesDocumentBySeq(core, tenant(request), kind.kind, pathId(request, kind.element))
  const answer = async (request: FastifyRequest, document: SalesDocument) =>
    renderSalesDocument(core, tenant(request), kind, document, services.config.publicBaseUrl)

  app.put(`/${kind.path}/:id/complete`, async (request, reply) => {
    const draft = await load(request)
    const templateId = readId(bodyOf(request, ['template_id']), 'template_id')
    if (templateId !== undefined)
      await recordData(core, tenant(request), 'template', templateId, 'template_id')
    const completed = await completeSales(core, tenant(request), kind, draft, templateId)
    return sendRecord(request, reply, await answer(request, completed))
  })

  app.get(`/${kind.path}/:id/pdf`, async (request, reply) => {
    const document = await load(request)
    const query = parseQuery(request.url)
    const type = queryValue(query, 'type')
    if (type !== undefined && type !== 'print') throw invalidField('type', 'type must be print')
    const file = await salesPdfFile(core, tenant(request), kind, document)
    return sendPdf(request, reply, { field: kind.idField, seq: document.documentSeq }, file)
  })

  app.post(`/${kind.path}/:id/email`, async (request, reply) => {
    const document = await load(request)
    const body = bodyOf(request, EMAIL_ELEMENTS)
    const t = tenant(request)
    const defaults = await salesEmailDefaults(core, t, kind, document, readId(body, 'email_template_id'))
    const email = emailFromWire(body, defaults)
    const file = await salesPdfFile(core, t, kind, document)
    await sendSalesDocument(core, t, {
      documentId: document.documentId,
      pdfBase64: file.base64,
      email: { ...email, from: mailFromAddress(services.config.mailFrom) },
    })
    return sendRecord(request, reply, await answer(request, document))
  })

  app.post(`/${kind.path}/:id/mail`, async (request, reply) => {
    const document = await load(request)
    const letter = letterFromWire(bodyOf(request, ['color', 'duplex', 'paper_weight', 'attachments']))
    const file = await salesPdfFile(core, tenant(request), kind, document)
    await sendSalesDocument(core, tenant(request), {
      documentId: document.documentId,
      pdfBase64: file.base64,
      letter,
    })
    return sendRecord(request, reply, await answer(request, document))
  })

  for (const action of kind.actions)
    app.put(`/${kind.path}/:id/${action}`, async (request, reply) => {
      const document = await load(request)
      const changed = await changeSalesState(core, tenant(request), document.documentId, action)
      return sendRecord(request, reply, await answer(request, changed))
    })
}

export const salesDocumentActionRoutes: Routes = (app, services) => {
  for (const kind of SALES_KINDS) salesActionRoutes(app, services, kind)
}
