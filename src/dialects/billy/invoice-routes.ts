// Billy's two invoice routes outside the conventions: `POST /v2/invoices/:id/emails`, which mails
// the invoice to one contact person through the outbox (and marks it sent), and the PDF behind
// `invoice.downloadUrl`, which answers without credentials to whoever holds the invoice's
// unguessable page token, as Billy's download links do.

import type { FastifyInstance } from 'fastify'
import { getCaseByToken } from '../../core/cases/get-case-by-token.ts'
import { getContactPersons } from '../../core/contact-persons/list-contact-persons.ts'
import { getCredential } from '../../core/credentials/get-credential.ts'
import { annotateInvoice } from '../../core/invoices/annotate-invoice.ts'
import { sendInvoice } from '../../core/invoices/send-invoice.ts'
import { inOneTransaction } from '../../core/unit-of-work.ts'
import { invoiceViewOf } from '../../documents/invoice-view-of.ts'
import { renderInvoicePdf } from '../../documents/render-invoice-pdf.ts'
import { invalidField, missingField, notFound } from '../../domain/errors.ts'
import type { Engine } from './engine/handlers.ts'
import { parseRecord } from './engine/parse-record.ts'
import type { ResourceDef } from './engine/resource.ts'
import { changesBody, successMeta } from './engine/respond.ts'
import { tagErrors } from './engine/tag-error.ts'
import { ref, text, withBillyFields } from './resources/common.ts'
import { lineIdOf } from './resources/invoice-wire.ts'
import { invoicesByIds } from './resources/invoices.ts'

const EMAIL_DEF: ResourceDef = {
  singular: 'email',
  plural: 'emails',
  properties: {
    contactPersonId: { type: 'id', resource: 'contactPerson', required: true },
    emailSubject: { type: 'string', required: true },
    emailBody: { type: 'string', required: true },
    copyToUserId: { type: 'id', resource: 'user' },
  },
  operations: ['create'],
}

/** The PDF route answers before authentication: the token in its query is its credential. */
export function isInvoicePdfRoute(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && /^\/invoices\/[^/]+\/pdf$/.test(path)
}

export function registerInvoiceRoutes(app: FastifyInstance, engine: Engine): void {
  registerEmailRoute(app, engine)
  registerPdfRoute(app, engine)
}

/** Mails the invoice to one contact person (one outbox row) and marks it sent, in one transaction. */
function registerEmailRoute(app: FastifyInstance, engine: Engine): void {
  app.post<{ Params: { id: string } }>('/invoices/:id/emails', async (request, reply) => {
    const context = engine.contextOf(request)
    const body = request.body as { email?: unknown } | undefined
    if (!body || typeof body !== 'object' || !('email' in body)) throw missingField('email')
    const input = await tagErrors('email', {}, undefined, async () =>
      parseRecord(engine.registry.def, EMAIL_DEF, body.email, { mode: 'create' }),
    )
    const changes = await inOneTransaction(engine.core, async (core) => {
      const unit = { ...context, core }
      const [invoice] = await invoicesByIds(unit, [request.params.id])
      if (!invoice) throw notFound('invoice', request.params.id)
      const [person] = await getContactPersons(core, context.tenant, {
        ids: [text(input, 'contactPersonId') ?? ''],
      })
      if (!person || person.contactId !== invoice.contactId)
        throw invalidField('contactPersonId', 'contactPersonId must be a person of the invoice’s contact')
      if (!person.email)
        throw invalidField('contactPersonId', `contact person ${person.name} has no email address`)
      const copyTo = text(input, 'copyToUserId')
      const user = copyTo
        ? await getCredential(core, context.tenant, copyTo).catch(() => undefined)
        : undefined
      if (copyTo && !user?.email)
        throw invalidField('copyToUserId', 'copyToUserId must be a user with an email address')
      await tagErrors('email', { 'email.to': 'contactPersonId' }, undefined, () =>
        sendInvoice(core, context.tenant, {
          invoiceId: invoice.invoiceId,
          email: {
            to: [person.email as string],
            ...(user?.email ? { cc: [user.email] } : {}),
            subject: text(input, 'emailSubject') ?? '',
            text: text(input, 'emailBody') ?? '',
            attachPdf: true,
          },
        }),
      )
      const sent = await annotateInvoice(
        core,
        context.tenant,
        invoice.invoiceId,
        withBillyFields(invoice.extra, { sentState: 'sent' }),
      )
      return {
        changed: [
          ref('invoice', sent.invoiceId),
          ...sent.lines.map((line) => ref('invoiceLine', lineIdOf(sent.invoiceId, line))),
        ],
        deleted: [],
      }
    })
    return reply.send(
      await changesBody(
        engine.contextOf(request),
        engine.registry,
        changes,
        successMeta(reply.elapsedTime),
        'invoice',
      ),
    )
  })
}

function registerPdfRoute(app: FastifyInstance, engine: Engine): void {
  app.get<{ Params: { id: string }; Querystring: { token?: string } }>(
    '/invoices/:id/pdf',
    async (request, reply) => {
      const view = await getCaseByToken(engine.core, request.query.token ?? '')
      const invoice = view.invoices.find((candidate) => candidate.invoiceId === request.params.id)
      if (!invoice || invoice.state === 'draft' || invoice.state === 'deleted')
        throw notFound('invoice', request.params.id)
      const credited = view.invoices.find((candidate) => candidate.invoiceId === invoice.creditedInvoiceId)
      const sender = {
        name: view.organization.name,
        country: view.organization.country,
        settings: view.organization.settings,
      }
      const pdf = await renderInvoicePdf(invoiceViewOf(invoice, sender, credited?.number ?? undefined))
      const fileName = `${invoice.kind === 'credit_note' ? 'credit-note' : 'invoice'}-${invoice.number ?? invoice.invoiceId}.pdf`
      return reply
        .header('content-disposition', `inline; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .type('application/pdf')
        .send(pdf)
    },
  )
}
