// A billogram's files as the vendor serves them: JSON {file_type, content} with the PDF in
// base64, never the bytes (../shared/reference/billogram.md §6). The invoice PDF is NOT_AVAILABLE_YET
// until the billogram is attested; `invoice_no` or `letter_id` pick another invoice of the case
// (a credit note) or the one a send event delivered.

import type { FastifyReply } from 'fastify'
import { getCaseAttachment } from '../../../core/cases/case-attachment.ts'
import { primaryInvoiceOf } from '../../../core/cases/case-details.ts'
import type { CaseDetails } from '../../../core/cases/get-case.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getLogo } from '../../../core/organizations/organization-logo.ts'
import { getOrganizationProfile } from '../../../core/organizations/update-organization.ts'
import { invoiceViewOf } from '../../../documents/invoice-view-of.ts'
import { renderInvoicePdf } from '../../../documents/render-invoice-pdf.ts'
import { DomainError } from '../../../domain/errors.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { BillogramWireError } from '../errors.ts'
import { ok } from '../wire/envelope.ts'
import { billogramById } from './billogram-lookup.ts'

function chosenInvoice(details: CaseDetails, query: Readonly<Record<string, unknown>>): Invoice | undefined {
  const { invoice_no: invoiceNo, letter_id: letterId } = query
  if (typeof invoiceNo === 'string' && invoiceNo !== '') {
    const invoice = details.invoices.find((candidate) => String(candidate.numberSeq) === invoiceNo)
    if (!invoice)
      throw new BillogramWireError('NOT_FOUND', `billogram has no invoice ${invoiceNo}`, ['invoice_no'])
    return invoice
  }
  if (typeof letterId === 'string' && letterId !== '') {
    const event = details.events.find((candidate) => candidate.eventId === letterId)
    const invoice = details.invoices.find((candidate) => candidate.invoiceId === event?.invoiceId)
    if (!invoice)
      throw new BillogramWireError('NOT_FOUND', `billogram has no letter ${letterId}`, ['letter_id'])
    return invoice
  }
  return primaryInvoiceOf(details)
}

async function logoOf(core: CoreContext, tenant: Tenant): Promise<Buffer | undefined> {
  try {
    return Buffer.from((await getLogo(core, tenant)).contentBase64, 'base64')
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return undefined
    throw error
  }
}

async function invoicePdf(
  core: CoreContext,
  tenant: Tenant,
  details: CaseDetails,
  query: Readonly<Record<string, unknown>>,
) {
  const invoice = chosenInvoice(details, query)
  if (!invoice || invoice.state === 'draft' || invoice.approvedAt === null)
    throw new BillogramWireError('NOT_AVAILABLE_YET', 'the invoice PDF is made when the billogram is sent')
  const [organization, logo] = await Promise.all([getOrganizationProfile(core, tenant), logoOf(core, tenant)])
  const credited = details.invoices.find((candidate) => candidate.invoiceId === invoice.creditedInvoiceId)
  const view = invoiceViewOf(
    invoice,
    {
      name: organization.name,
      country: organization.country,
      settings: organization.settings,
      ...(logo ? { logo } : {}),
    },
    credited?.number ?? undefined,
  )
  const pdf = await renderInvoicePdf(view)
  return { file_type: 'application/pdf', content: Buffer.from(pdf).toString('base64') }
}

export async function sendBillogramFile(
  reply: FastifyReply,
  core: CoreContext,
  tenant: Tenant,
  id: string,
  file: 'invoice' | 'attachment',
  query: Readonly<Record<string, unknown>>,
) {
  const details = await billogramById(core, tenant, id)
  if (file === 'invoice') return reply.send(ok(await invoicePdf(core, tenant, details, query)))
  if (details.attachmentFilename === null)
    throw new BillogramWireError('NOT_FOUND', `billogram ${id} has no attachment`, ['attachment'])
  const attachment = await getCaseAttachment(core, tenant, details.caseId)
  return reply.send(
    ok({ file_type: 'application/pdf', filename: attachment.filename, content: attachment.contentBase64 }),
  )
}
