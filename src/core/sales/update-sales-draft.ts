// Edits a sales document while it is a draft: the draft is resolved again from the merged input,
// lines replaced when given, totals recomputed. A completed document is history, like an issued
// invoice, and changes only by its state actions.

import { DomainError } from '../../domain/errors.ts'
import { discountInputOf } from '../../domain/invoicing/draft.ts'
import type { SalesDocument } from '../../domain/sales/sales-document.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordEvent } from '../events/record-event.ts'
import { assertFound } from '../invoices/resolve-draft.ts'
import { lineAsDraftInput } from '../invoices/update-draft-invoice.ts'
import { resolveSalesDraft, type SalesDraftInput } from './resolve-sales-draft.ts'
import { salesDraftColumns } from './sales-columns.ts'
import { loadSalesDocument, salesLineRows } from './sales-record.ts'

export type SalesDraftPatch = Partial<SalesDraftInput>

function currentAsInput(document: SalesDocument): SalesDraftInput {
  return {
    contactId: document.contactId,
    currency: document.currency,
    documentDate: document.documentDate,
    validUntil: document.validUntil,
    priceBasis: document.priceBasis,
    roundingScope: document.roundingScope,
    documentDiscount: discountInputOf(document.documentDiscount),
    notes: document.notes,
    locale: document.locale,
    extra: document.extra,
    lines: document.lines.map((line) => ({ ...lineAsDraftInput(line), optional: line.optional })),
  }
}

/** Locks the document and refuses anything but a draft. */
export async function lockSalesDraft(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  documentId: string,
): Promise<SalesDocument> {
  const current = assertFound(
    await loadSalesDocument(tx, tenant.organizationId, documentId, { lockFor: context.storage }),
    'sales document',
    documentId,
  )
  if (current.state !== 'draft')
    throw new DomainError(
      'wrong_state',
      `${current.kind.replace('_', ' ')} ${current.number ?? current.documentSeq} is ${current.state}: only drafts can be edited`,
      { state: current.state },
    )
  return current
}

export async function updateSalesDraft(
  context: CoreContext,
  tenant: Tenant,
  documentId: string,
  patch: SalesDraftPatch,
): Promise<SalesDocument> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const current = await lockSalesDraft(context, tx, tenant, documentId)
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
    const merged: SalesDraftInput = {
      ...currentAsInput(current),
      ...defined,
      extra: { ...current.extra, ...patch.extra },
    }
    const draft = await resolveSalesDraft(tx, tenant, current.kind, merged)
    await tx
      .updateTable('sales_documents')
      .set({ ...salesDraftColumns(draft), version: current.version + 1, updated_at: nowIso(context) })
      .where('organization_id', '=', org)
      .where('document_id', '=', documentId)
      .execute()
    // Every line is written again: a changed price basis or discount changes every line's amounts.
    await tx
      .deleteFrom('sales_document_lines')
      .where('organization_id', '=', org)
      .where('document_id', '=', documentId)
      .execute()
    if (draft.lines.length > 0)
      await tx
        .insertInto('sales_document_lines')
        .values(salesLineRows(org, documentId, draft.lines, draft.totals, draft.optional))
        .execute()
  })
  return assertFound(
    await loadSalesDocument(context.storage.db, org, documentId),
    'sales document',
    documentId,
  )
}

/** Deletes a draft with its lines; a completed document stays (it may have been sent). */
export async function deleteSalesDraft(
  context: CoreContext,
  tenant: Tenant,
  documentId: string,
): Promise<void> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const current = await lockSalesDraft(context, tx, tenant, documentId)
    await tx
      .deleteFrom('sales_document_lines')
      .where('organization_id', '=', org)
      .where('document_id', '=', documentId)
      .execute()
    await tx
      .deleteFrom('sales_documents')
      .where('organization_id', '=', org)
      .where('document_id', '=', documentId)
      .execute()
    await recordEvent(tx, {
      organizationId: org,
      type: `${current.kind}.deleted`,
      data: { documentId },
      occurredAt: nowIso(context),
    })
  })
}
