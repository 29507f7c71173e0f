// Edits a draft: the whole draft is resolved again from the merged input, lines replaced, totals
// recomputed. Only drafts can be edited; an approved invoice changes only by credit notes.

import { DomainError } from '../../domain/errors.ts'
import { discountInputOf } from '../../domain/invoicing/draft.ts'
import type { Invoice, InvoiceLine } from '../../domain/invoicing/invoice.ts'
import { forUpdate } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { draftColumns } from './create-invoice.ts'
import { lineRows, loadInvoice } from './invoice-record.ts'
import { assertFound, type DraftInvoiceInput, type DraftLineInput, resolveDraft } from './resolve-draft.ts'

export type DraftPatch = Partial<DraftInvoiceInput> & Readonly<{ expectedVersion?: number }>

function currentAsInput(invoice: Invoice): DraftInvoiceInput {
  return {
    contactId: invoice.contactId,
    currency: invoice.currency,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    deliveryDate: invoice.deliveryDate,
    paymentTermsDays: invoice.paymentTermsDays,
    priceBasis: invoice.priceBasis,
    roundingScope: invoice.roundingScope,
    documentDiscount: discountInputOf(invoice.documentDiscount),
    ourReference: invoice.ourReference,
    yourReference: invoice.yourReference,
    notes: invoice.notes,
    locale: invoice.locale,
    seriesKey: invoice.seriesKey,
    extra: invoice.extra,
    lines: invoice.lines.map(lineAsDraftInput),
  }
}

/** A stored line as the draft input that writes it back unchanged. */
export function lineAsDraftInput(line: InvoiceLine): DraftLineInput {
  return {
    productId: line.productId,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    discount: discountInputOf(line.discount),
    vatRatePercent: line.vatRatePercent,
    taxTreatment: line.taxTreatment,
    revenueAccountNumber: line.revenueAccountNumber,
    extra: line.extra,
  }
}

export async function updateDraftInvoice(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
  patch: DraftPatch,
): Promise<Invoice> {
  await context.storage.db.transaction().execute(async (tx) => {
    await forUpdate(
      context.storage,
      tx
        .selectFrom('invoices')
        .select('invoice_id')
        .where('organization_id', '=', tenant.organizationId)
        .where('invoice_id', '=', invoiceId),
    ).executeTakeFirst()
    const current = assertFound(await loadInvoice(tx, tenant.organizationId, invoiceId), 'invoice', invoiceId)
    if (current.state !== 'draft')
      throw new DomainError(
        'wrong_state',
        `invoice ${current.number ?? invoiceId} is ${current.state}: only drafts can be edited`,
        { state: current.state },
      )
    if (patch.expectedVersion !== undefined && patch.expectedVersion !== current.version) {
      throw new DomainError('conflict', 'the invoice was changed by someone else; reload it and try again', {
        field: 'version',
      })
    }
    const { expectedVersion: _ignored, ...changes } = patch
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
    const merged: DraftInvoiceInput = {
      ...currentAsInput(current),
      ...defined,
      extra: { ...current.extra, ...patch.extra },
    }
    const draft = await resolveDraft(tx, tenant, merged)
    await tx
      .updateTable('invoices')
      .set({ ...draftColumns(draft), version: current.version + 1, updated_at: nowIso(context) })
      .where('organization_id', '=', tenant.organizationId)
      .where('invoice_id', '=', invoiceId)
      .execute()
    if (patch.lines !== undefined) {
      await tx
        .deleteFrom('invoice_lines')
        .where('organization_id', '=', tenant.organizationId)
        .where('invoice_id', '=', invoiceId)
        .execute()
      if (draft.lines.length > 0)
        await tx
          .insertInto('invoice_lines')
          .values(lineRows(tenant.organizationId, invoiceId, draft.lines, draft.totals))
          .execute()
    } else {
      // Settings such as the price basis or discount change every line's amounts.
      for (const row of lineRows(tenant.organizationId, invoiceId, draft.lines, draft.totals)) {
        await tx
          .updateTable('invoice_lines')
          .set({
            net_minor: row.net_minor,
            vat_minor: row.vat_minor,
            gross_minor: row.gross_minor,
            discount_minor: row.discount_minor,
          })
          .where('organization_id', '=', tenant.organizationId)
          .where('invoice_id', '=', invoiceId)
          .where('line_no', '=', row.line_no)
          .execute()
      }
    }
  })
  return assertFound(
    await loadInvoice(context.storage.db, tenant.organizationId, invoiceId),
    'invoice',
    invoiceId,
  )
}
