// The actions on an invoice (seed 002): complete, pdf, upload-signature, email, mail, cancel and
// uncancel. Action bodies are read with any root element or none (§1.6); actions answer 200 with
// the document as it now stands.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { handOverToCollection } from '../../../core/dunning/hand-over-to-collection.ts'
import { cancelInvoice, uncancelInvoice } from '../../../core/invoices/cancel-invoice.ts'
import { sendInvoice } from '../../../core/invoices/send-invoice.ts'
import { findInvoiceHeadBySeq } from '../../../core/queries/find-by-number.ts'
import { getFile } from '../../../core/records/get-file.ts'
import { saveFile } from '../../../core/records/save-file.ts'
import { DomainError, invalidField, notFound } from '../../../domain/errors.ts'
import type { Invoice, InvoiceKind } from '../../../domain/invoicing/invoice.ts'
import type { AppServices } from '../../../http/server.ts'
import { invoiceBySeq, pathId } from '../ids.ts'
import { completeDocument } from '../invoices/complete.ts'
import { emailDefaultsOf } from '../invoices/email-defaults.ts'
import { recordData } from '../invoices/lookups.ts'
import { renderDocumentPdf, sendPdf } from '../invoices/pdf.ts'
import { renderDocument } from '../invoices/render.ts'
import { emailFromWire, letterFromWire } from '../invoices/sending.ts'
import { parseQuery, queryValue } from '../wire/query.ts'
import { readId, readText } from '../wire/read.ts'
import { sendRecord } from '../wire/reply.ts'
import { bodyOf, type Routes, tenant } from './kit.ts'

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Registers the actions of one document kind under its path ("invoices" or "credit-notes"). */
export function documentActionRoutes(
  app: FastifyInstance,
  services: AppServices,
  kind: InvoiceKind,
  path: string,
): void {
  const core = services.core
  const baseUrl = services.config.publicBaseUrl
  const load = (request: FastifyRequest) => invoiceBySeq(core, tenant(request), pathId(request, kind), kind)
  const answer = async (request: FastifyRequest, reply: FastifyReply, document: Invoice) =>
    sendRecord(request, reply, await renderDocument(core, tenant(request), baseUrl, document))

  app.put(`/${path}/:id/complete`, async (request, reply) => {
    const id = pathId(request, kind)
    const draft = await findInvoiceHeadBySeq(core, tenant(request), id, kind)
    if (!draft) throw notFound(kind === 'invoice' ? 'invoice' : 'credit-note', String(id))
    const templateId = readId(bodyOf(request, ['template_id']), 'template_id')
    if (templateId !== undefined)
      await recordData(core, tenant(request), 'template', templateId, 'template_id')
    const completed = await completeDocument(core, tenant(request), draft, {
      publicBaseUrl: baseUrl,
      ...(templateId === undefined ? {} : { templateId }),
    })
    return answer(request, reply, completed)
  })

  app.get(`/${path}/:id/pdf`, async (request, reply) => {
    const document = await load(request)
    const query = parseQuery(request.url)
    const type = queryValue(query, 'type')
    if (type !== undefined && type !== 'print' && type !== 'signed')
      throw invalidField('type', 'type must be print or signed')
    const file =
      type === 'signed' ? await signedFile(request, document) : await renderedFile(request, document)
    return sendPdf(
      request,
      reply,
      { field: kind === 'invoice' ? 'invoice_id' : 'credit_note_id', seq: document.invoiceSeq },
      file,
    )
  })

  const renderedFile = async (request: FastifyRequest, document: Invoice) => {
    const pdf = await renderDocumentPdf(core, tenant(request), document)
    const defaults = await emailDefaultsOf(core, tenant(request), document, undefined, baseUrl)
    return {
      filename: `${defaults.filename}.pdf`,
      mimetype: 'application/pdf',
      base64: pdf.toString('base64'),
      byteLength: pdf.length,
      createdAt: document.approvedAt ?? document.updatedAt,
    }
  }

  const signedFile = async (request: FastifyRequest, document: Invoice) => {
    const file = await getFile(core, tenant(request), document.invoiceId, 'signature')
    if (!file)
      throw new DomainError('not_found', 'no signed PDF was uploaded for this document', { field: 'type' })
    return {
      filename: file.filename,
      mimetype: file.mimetype,
      base64: file.contentBase64,
      byteLength: Buffer.byteLength(file.contentBase64, 'base64'),
      createdAt: file.createdAt,
    }
  }

  app.put(`/${path}/:id/upload-signature`, async (request, reply) => {
    const document = await load(request)
    if (document.state === 'draft')
      throw new DomainError('wrong_state', 'a DRAFT cannot be signed: complete it first', {
        state: document.state,
      })
    const base64 = readText(bodyOf(request, ['base64file']), 'base64file', 20 * 1024 * 1024)?.replace(
      /\s+/g,
      '',
    )
    if (!base64) throw invalidField('base64file', 'base64file is required')
    if (
      !BASE64.test(base64) ||
      !Buffer.from(base64.slice(0, 8), 'base64').toString('latin1').startsWith('%PDF')
    )
      throw invalidField('base64file', 'base64file must be a base64-encoded PDF')
    await saveFile(core, tenant(request), {
      ownerId: document.invoiceId,
      kind: 'signature',
      filename: `${kind === 'invoice' ? 'invoice' : 'credit-note'}_${document.invoiceSeq}_signed.pdf`,
      mimetype: 'application/pdf',
      contentBase64: base64,
    })
    return answer(request, reply, document)
  })

  app.post(`/${path}/:id/email`, async (request, reply) => {
    const document = await load(request)
    const body = bodyOf(request, [
      'recipients',
      'subject',
      'body',
      'from',
      'filename',
      'attachments',
      'email_template_id',
    ])
    const defaults = await emailDefaultsOf(
      core,
      tenant(request),
      document,
      readId(body, 'email_template_id'),
      baseUrl,
    )
    const email = emailFromWire(body, defaults)
    await sendInvoice(core, tenant(request), { invoiceId: document.invoiceId, email })
    return answer(request, reply, document)
  })

  app.post(`/${path}/:id/mail`, async (request, reply) => {
    const document = await load(request)
    const letter = letterFromWire(bodyOf(request, ['color', 'duplex', 'paper_weight', 'attachments']))
    await sendInvoice(core, tenant(request), { invoiceId: document.invoiceId, letter })
    return answer(request, reply, document)
  })

  app.put(`/${path}/:id/cancel`, async (request, reply) => {
    const document = await load(request)
    return answer(request, reply, await cancelInvoice(core, tenant(request), document.invoiceId))
  })

  app.put(`/${path}/:id/uncancel`, async (request, reply) => {
    const document = await load(request)
    return answer(request, reply, await uncancelInvoice(core, tenant(request), document.invoiceId))
  })
}

export const invoiceActionRoutes: Routes = (app, services) => {
  documentActionRoutes(app, services, 'invoice', 'invoices')
  // Encashment hands the claim to the organization's collection partner; the built-in partner is
  // the operator, and the invoice waits (OVERDUE to Billomat) until the outcome is recorded.
  app.put('/invoices/:id/encash', async (request, reply) => {
    const core = services.core
    const invoice = await invoiceBySeq(core, tenant(request), pathId(request, 'invoice'), 'invoice')
    await handOverToCollection(core, tenant(request), invoice.invoiceId)
    const after = await invoiceBySeq(core, tenant(request), invoice.invoiceSeq, 'invoice')
    const wire = await renderDocument(core, tenant(request), services.config.publicBaseUrl, after)
    return sendRecord(request, reply, wire)
  })
}

export const creditNoteActionRoutes: Routes = (app, services) =>
  documentActionRoutes(app, services, 'credit_note', 'credit-notes')
