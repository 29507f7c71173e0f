// /v2/invoices: the core's invoices and credit notes. Lines are saved embedded (replacing the
// draft's lines); `state: "approved"` approves (numbering, posting receivables, revenue and output
// VAT), on create or by PUT; a credit note names `creditedInvoiceId`, is written as a draft or
// approved at once, and approving it issues it under the draft's id (numbered, posted as the
// mirror entry, applied to the invoice it credits).
// An approved invoice changes only in what it says about delivery (`sentState`, the person marked).

import { annotateInvoice } from '../../../core/invoices/annotate-invoice.ts'
import { approveHeldInvoice, approveInvoice } from '../../../core/invoices/approve-invoice.ts'
import { createInvoice } from '../../../core/invoices/create-invoice.ts'
import { deleteDraftInvoice } from '../../../core/invoices/delete-draft-invoice.ts'
import { getInvoices } from '../../../core/invoices/get-invoice.ts'
import { issueCreditDraft } from '../../../core/invoices/issue-credit-draft.ts'
import { listInvoices } from '../../../core/invoices/list-invoices.ts'
import type { DraftInvoiceInput } from '../../../core/invoices/resolve-draft.ts'
import { updateDraftInvoice } from '../../../core/invoices/update-draft-invoice.ts'
import { DomainError, invalidField, missingField } from '../../../domain/errors.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import type { Changes, RecordRef, RequestContext, Resource, WireInput } from '../engine/resource.ts'
import { baseCurrencyOf, billyFieldsOf, checkOrganization, ref, text, withBillyFields } from './common.ts'
import { saveWithAttachments, withAttachmentsRemoved } from './files.ts'
import { INVOICE_DEF } from './invoice-def.ts'
import { invoiceFilters, invoiceOrder, invoiceSearch } from './invoice-filters.ts'
import { currencyFor, draftFieldsOf, needsCurrency, orderedLines } from './invoice-input.ts'
import { voidApprovedInvoice } from './invoice-void.ts'
import { invoiceToWire, lineIdOf } from './invoice-wire.ts'

/** Domain invoices by id, through the request cache (lines and includes reuse them). */
export async function invoicesByIds(context: RequestContext, ids: readonly string[]): Promise<Invoice[]> {
  const missing = [...new Set(ids)].filter((id) => !context.cache.has(`invoice:domain:${id}`))
  for (let start = 0; start < missing.length; start += 1000) {
    for (const invoice of await getInvoices(context.core, context.tenant, missing.slice(start, start + 1000)))
      context.cache.set(`invoice:domain:${invoice.invoiceId}`, invoice)
  }
  return ids.flatMap((id) => {
    const invoice = context.cache.get(`invoice:domain:${id}`) as Invoice | undefined
    return invoice ? [invoice] : []
  })
}

function lineRefs(invoice: Invoice, clientIds: readonly unknown[] = []): RecordRef[] {
  return invoice.lines.map((line, index) =>
    ref('invoiceLine', lineIdOf(invoice.invoiceId, line), clientIds[index]),
  )
}

function changesOf(invoice: Invoice, input: WireInput, before?: Invoice): Changes {
  const lines = input.children.lines
  const clientIds = lines ? orderedLines(lines).map(({ line }) => line.clientId) : []
  const kept = new Set(invoice.lines.map((line) => lineIdOf(invoice.invoiceId, line)))
  const removed = (before?.lines ?? [])
    .map((line) => lineIdOf(invoice.invoiceId, line))
    .filter((id) => !kept.has(id))
  return {
    changed: [ref('invoice', invoice.invoiceId, input.clientId), ...lineRefs(invoice, clientIds)],
    deleted: removed.map((id) => ref('invoiceLine', id)),
  }
}

function chosenNumber(invoice: Invoice): { number?: string } {
  const number = billyFieldsOf(invoice.extra).invoiceNo
  return number === undefined || number === null ? {} : { number: String(number) }
}

async function creditedOf(context: RequestContext, input: WireInput): Promise<Invoice> {
  const creditedId = text(input, 'creditedInvoiceId')
  if (!creditedId) throw missingField('creditedInvoiceId')
  const [credited] = await invoicesByIds(context, [creditedId])
  if (!credited) throw invalidField('creditedInvoiceId', `invoice ${creditedId} does not exist`)
  return credited
}

/** A credit note is written for the contact and in the currency of the invoice it credits. */
function refuseOtherParty(input: WireInput, credited: Invoice): void {
  if (input.values.contactId !== undefined && input.values.contactId !== credited.contactId)
    throw invalidField('contactId', 'a credit note is for the contact of the invoice it credits')
  if (input.values.currencyId !== undefined && input.values.currencyId !== credited.currency)
    throw invalidField('currencyId', `a credit note is in the currency of its invoice, ${credited.currency}`)
  if (input.values.invoiceNo !== undefined)
    throw invalidField('invoiceNo', 'credit notes are numbered by their series')
}

/** Issues a draft credit note under its own id; the invoice it credits changes with it. */
async function issueCreditNote(context: RequestContext, draft: Invoice, input: WireInput, before?: Invoice) {
  const issued = await issueCreditDraft(context.core, context.tenant, draft.invoiceId)
  const changes = changesOf(issued, input, before)
  const credited = issued.creditedInvoiceId
  return credited ? { ...changes, changed: [...changes.changed, ref('invoice', credited)] } : changes
}

async function createCreditNote(context: RequestContext, input: WireInput, state: string): Promise<Changes> {
  const credited = await creditedOf(context, input)
  refuseOtherParty(input, credited)
  const fields = draftFieldsOf(input, undefined, credited.currency)
  const draft = await createInvoice(
    context.core,
    context.tenant,
    {
      ...fields,
      contactId: credited.contactId,
      currency: credited.currency,
      priceBasis: fields.priceBasis ?? credited.priceBasis,
      lines: fields.lines ?? [],
    } as DraftInvoiceInput,
    { kind: 'credit_note', creditedInvoiceId: credited.invoiceId },
  )
  return state === 'approved' ? issueCreditNote(context, draft, input) : changesOf(draft, input)
}

async function createBillyInvoice(context: RequestContext, input: WireInput): Promise<Changes> {
  checkOrganization(context, input)
  if (!input.children.lines || input.children.lines.length === 0) throw missingField('lines')
  const state = String(input.values.state ?? 'draft')
  if (state === 'voided') throw invalidField('state', 'an invoice is created as draft or approved')
  if (input.values.type === 'creditNote') return createCreditNote(context, input, state)
  if (input.values.creditedInvoiceId)
    throw invalidField('creditedInvoiceId', 'only a credit note credits an invoice')
  const currency = needsCurrency(input) ? await currencyFor(context, input) : ''
  const fields = draftFieldsOf(input, undefined, currency)
  const draft = await createInvoice(context.core, context.tenant, {
    ...fields,
    lines: fields.lines ?? [],
  } as DraftInvoiceInput)
  const invoice =
    state === 'approved'
      ? await approveHeldInvoice(context.core, context.tenant, draft, chosenNumber(draft))
      : draft
  return changesOf(invoice, input)
}

const INVOICE_OWNER = { resource: 'invoice', type: 'invoice' } as const

const ANNOTATIONS = new Set(['sentState', 'attContactPersonId', 'state', 'organizationId'])

async function updateApproved(context: RequestContext, invoice: Invoice, input: WireInput): Promise<Changes> {
  if (input.values.state === 'draft')
    throw new DomainError('wrong_state', 'an approved invoice does not go back to draft', { field: 'state' })
  if (input.values.state === 'voided') return changesOf(await voidApprovedInvoice(context, invoice), input)
  const refused = [...Object.keys(input.values), ...Object.keys(input.children)].find(
    (name) => !ANNOTATIONS.has(name),
  )
  if (refused)
    throw new DomainError(
      'wrong_state',
      `${refused} cannot change once the invoice is approved; credit it instead`,
      {
        field: refused,
      },
    )
  const billy = { sentState: input.values.sentState, attContactPersonId: input.values.attContactPersonId }
  const saved = await annotateInvoice(
    context.core,
    context.tenant,
    invoice.invoiceId,
    withBillyFields(invoice.extra, billy),
  )
  return changesOf(saved, input)
}

async function updateBillyInvoice(context: RequestContext, id: string, input: WireInput): Promise<Changes> {
  checkOrganization(context, input)
  const [invoice] = await invoicesByIds(context, [id])
  if (!invoice) throw invalidField('id', `invoice ${id} does not exist`)
  if (invoice.state !== 'draft') return updateApproved(context, invoice, input)
  if (input.values.state === 'voided') throw invalidField('state', 'a draft is deleted, not voided')
  if (invoice.kind === 'credit_note' && invoice.creditedInvoiceId) {
    const [credited] = await invoicesByIds(context, [invoice.creditedInvoiceId])
    if (credited) refuseOtherParty(input, credited)
  }
  const edits = [...Object.keys(input.values), ...Object.keys(input.children)].filter(
    (name) => name !== 'state',
  )
  let saved = invoice
  if (edits.length > 0) {
    const currency = needsCurrency(input) ? await currencyFor(context, input, invoice) : invoice.currency
    saved = await updateDraftInvoice(
      context.core,
      context.tenant,
      id,
      draftFieldsOf(input, invoice, currency),
    )
  }
  if (input.values.state !== 'approved') return changesOf(saved, input, invoice)
  if (saved.kind === 'credit_note') return issueCreditNote(context, saved, input, invoice)
  saved = await approveInvoice(context.core, context.tenant, id, chosenNumber(saved))
  return changesOf(saved, input, invoice)
}

export const invoices: Resource = {
  def: INVOICE_DEF,
  store: {
    fieldNames: {
      invoiceDate: 'entryDate',
      currency: 'currencyId',
      priceBasis: 'taxMode',
      notes: 'contactMessage',
      number: 'invoiceNo',
      vatRatePercent: 'taxRateId',
      taxTreatment: 'taxRateId',
      creditDate: 'entryDate',
      amount: 'amount',
    },
    async load(context, ids) {
      const found = await invoicesByIds(context, ids)
      const baseCurrency = await baseCurrencyOf(context)
      return found.map((invoice) => invoiceToWire(context, invoice, baseCurrency))
    },
    async list(context, query) {
      const baseCurrency = await baseCurrencyOf(context)
      const anyOf = invoiceSearch(query.q, baseCurrency)
      const page = await listInvoices(context.core, context.tenant, {
        filters: invoiceFilters(query, baseCurrency),
        ...(anyOf ? { anyOf } : {}),
        orderBy: invoiceOrder(query),
        limit: query.limit,
        offset: query.offset,
      })
      for (const invoice of page.items) context.cache.set(`invoice:domain:${invoice.invoiceId}`, invoice)
      return {
        records: page.items.map((invoice) => invoiceToWire(context, invoice, baseCurrency)),
        total: page.totalCount,
      }
    },
    create: (context, input) =>
      saveWithAttachments(context, INVOICE_OWNER, input, (rest) => createBillyInvoice(context, rest)),
    update: (context, id, input) =>
      saveWithAttachments(context, { ...INVOICE_OWNER, id }, input, (rest) =>
        updateBillyInvoice(context, id, rest),
      ),
    async delete(context, id) {
      const [invoice] = await invoicesByIds(context, [id])
      if (!invoice) return { changed: [], deleted: [] }
      await deleteDraftInvoice(context.core, context.tenant, id)
      return withAttachmentsRemoved(context, id, {
        changed: [],
        deleted: [ref('invoice', id), ...lineRefs(invoice)],
      })
    },
  },
}
