// The PDF of a completed document, rendered from the core's invoice by the shared document
// renderer (the same view as the recipient page and the emailed PDF), and its `pdf` envelope
// (seed 002 "Open pdf of an invoice"; §4: id, created, invoice_id, filename, mimetype, filesize,
// base64file). A draft has no PDF yet.

import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getInvoice } from '../../../core/invoices/get-invoice.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { invoiceViewOf } from '../../../documents/invoice-view-of.ts'
import { type ReminderNotice, reminderViewOf } from '../../../documents/reminder-view.ts'
import { renderInvoicePdf } from '../../../documents/render-invoice-pdf.ts'
import { DomainError } from '../../../domain/errors.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { parseQuery, queryValue } from '../wire/query.ts'
import { sendRecord } from '../wire/reply.ts'
import { datetime, int, record, str, type WireRecord } from '../wire/tree.ts'
import { asShown } from './shown.ts'

/** The document's PDF; given a reminder notice, the reminder document of that level instead. */
export async function renderDocumentPdf(
  core: CoreContext,
  tenant: Tenant,
  document: Invoice,
  reminder?: ReminderNotice,
): Promise<Buffer> {
  if (document.state === 'draft')
    throw new DomainError('wrong_state', 'a DRAFT has no PDF yet: complete it first', {
      state: document.state,
    })
  const [organization, credited] = await Promise.all([
    getOrganization(core, tenant),
    document.creditedInvoiceId ? getInvoice(core, tenant, document.creditedInvoiceId) : undefined,
  ])
  const sender = { name: organization.name, country: organization.country, settings: organization.settings }
  const view = invoiceViewOf(asShown(document), sender, credited?.number ?? undefined)
  return renderInvoicePdf(reminder ? reminderViewOf(document, view, reminder) : view)
}

export type PdfFile = Readonly<{
  /** The envelope's id when the file is a record of its own (an upload); else the document's. */
  id?: bigint
  filename: string
  mimetype: string
  base64: string
  byteLength: number
  createdAt: string
}>

/** A PDF as `format=pdf` asks for it (the file itself), else in its `pdf` envelope. */
export function sendPdf(
  request: FastifyRequest,
  reply: FastifyReply,
  parent: Readonly<{ field: string; seq: bigint }>,
  file: PdfFile,
): FastifyReply {
  if (queryValue(parseQuery(request.url), 'format') === 'pdf')
    return reply
      .code(200)
      .header('content-type', file.mimetype)
      .header('content-disposition', `inline; filename="${file.filename}"`)
      .send(Buffer.from(file.base64, 'base64'))
  return sendRecord(request, reply, pdfToWire(parent, file))
}

/** The `pdf` envelope of a document named by its id field (invoice_id, offer_id, ...) and id. */
export function pdfToWire(parent: Readonly<{ field: string; seq: bigint }>, file: PdfFile): WireRecord {
  return record('pdf', [
    int('id', file.id ?? parent.seq),
    datetime('created', file.createdAt),
    int(parent.field, parent.seq),
    str('filename', file.filename),
    str('mimetype', file.mimetype),
    int('filesize', file.byteLength),
    str('base64file', file.base64),
  ])
}
