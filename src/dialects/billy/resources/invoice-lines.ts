// /v2/invoiceLines: a draft's lines one at a time. Each write rewrites the draft through the core
// (totals are recomputed from all lines), so the response carries the invoice too, as the seed's
// example of POST /v2/invoiceLines shows. Lines of approved invoices are read-only.

import { updateDraftInvoice } from '../../../core/invoices/update-draft-invoice.ts'
import { DomainError, invalidField } from '../../../domain/errors.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { ref, text } from './common.ts'
import { INVOICE_LINE_DEF } from './invoice-def.ts'
import { lineAsInput, lineFromWire, newLineKey } from './invoice-input.ts'
import { invoiceLineToWire, lineIdOf, lineKeyOf, parseLineId } from './invoice-wire.ts'
import { invoicesByIds } from './invoices.ts'

function linesOf(invoices: readonly Invoice[]): WireRecord[] {
  return invoices.flatMap((invoice) => invoice.lines.map((line) => invoiceLineToWire(invoice, line)))
}

async function draftOf(context: RequestContext, invoiceId: string, field: string): Promise<Invoice> {
  const [invoice] = await invoicesByIds(context, [invoiceId])
  if (!invoice) throw invalidField(field, `invoice ${invoiceId} does not exist`)
  if (invoice.state !== 'draft')
    throw new DomainError(
      'wrong_state',
      'the lines of an approved invoice cannot change; credit it instead',
      { field },
    )
  return invoice
}

async function rewrite(
  context: RequestContext,
  invoice: Invoice,
  lines: ReturnType<typeof lineAsInput>[],
  clientId: unknown,
  lineId: string | undefined,
): Promise<Changes> {
  const saved = await updateDraftInvoice(context.core, context.tenant, invoice.invoiceId, {
    lines,
    taxByBuyerCountry: true,
  })
  const kept = new Set(saved.lines.map((line) => lineIdOf(saved.invoiceId, line)))
  return {
    changed: [
      ref('invoice', saved.invoiceId),
      ...saved.lines.map((line) => {
        const id = lineIdOf(saved.invoiceId, line)
        return ref('invoiceLine', id, id === lineId ? clientId : undefined)
      }),
    ],
    deleted: invoice.lines
      .map((line) => lineIdOf(invoice.invoiceId, line))
      .filter((id) => !kept.has(id))
      .map((id) => ref('invoiceLine', id)),
  }
}

function atPriority(
  lines: ReturnType<typeof lineAsInput>[],
  line: ReturnType<typeof lineAsInput>,
  input: WireInput,
) {
  const priority = input.values.priority
  if (typeof priority !== 'number') return [...lines, line]
  const index = Math.max(0, Math.min(lines.length, priority - 1))
  return [...lines.slice(0, index), line, ...lines.slice(index)]
}

export const invoiceLines: Resource = {
  def: INVOICE_LINE_DEF,
  store: {
    fieldNames: {
      vatRatePercent: 'taxRateId',
      taxTreatment: 'taxRateId',
      'lines.*.quantity': 'quantity',
      'lines.*.unitPrice': 'unitPrice',
      'lines.*.productId': 'productId',
      'lines.*.discount': 'discountValue',
      'lines.*.description': 'description',
    },
    async load(context, ids) {
      const parsed = ids.flatMap((id) => parseLineId(id) ?? [])
      const wanted = new Set(ids)
      return linesOf(
        await invoicesByIds(
          context,
          parsed.map((item) => item.invoiceId),
        ),
      ).filter((line) => wanted.has(line.id))
    },
    async byParent(context, _inverse, invoiceIds) {
      return linesOf(await invoicesByIds(context, invoiceIds))
    },
    async list(context, query) {
      const invoiceIds = query.filters.invoiceId
      if (!invoiceIds) throw invalidField('invoiceId', 'invoice lines are listed per invoice: give invoiceId')
      const lines = linesOf(await invoicesByIds(context, invoiceIds)).filter(
        (line) => !query.filters.productId || query.filters.productId.includes(String(line.productId)),
      )
      return { records: lines.slice(query.offset, query.offset + query.limit), total: lines.length }
    },
    async create(context, input) {
      const invoice = await draftOf(context, text(input, 'invoiceId') ?? '', 'invoiceId')
      const key = newLineKey()
      const line = lineFromWire(input, invoice.currency, invoice.lines.length, key)
      const lines = atPriority(invoice.lines.map(lineAsInput), line, input)
      return rewrite(context, invoice, lines, input.clientId, `${invoice.invoiceId}.${key}`)
    },
    async update(context, id, input) {
      const { invoiceId = '' } = parseLineId(id) ?? {}
      const invoice = await draftOf(context, invoiceId, 'invoiceId')
      const lines = invoice.lines.map((line, index) =>
        lineIdOf(invoiceId, line) === id
          ? lineFromWire(input, invoice.currency, index, lineKeyOf(line), line)
          : lineAsInput(line),
      )
      return rewrite(context, invoice, lines, input.clientId, id)
    },
    async delete(context, id) {
      const parsed = parseLineId(id)
      const [invoice] = parsed ? await invoicesByIds(context, [parsed.invoiceId]) : []
      if (!invoice?.lines.some((line) => lineIdOf(invoice.invoiceId, line) === id))
        return { changed: [], deleted: [] }
      await draftOf(context, invoice.invoiceId, 'id')
      const lines = invoice.lines.filter((line) => lineIdOf(invoice.invoiceId, line) !== id).map(lineAsInput)
      return rewrite(context, invoice, lines, undefined, undefined)
    },
  },
}
