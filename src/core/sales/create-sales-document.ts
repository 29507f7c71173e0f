// Creates a draft sales document (an offer, a confirmation, a delivery note or a letter). Nothing
// is numbered yet: that is completion. Nothing is posted, ever: a sales document owes nothing.

import type { SalesDocument, SalesDocumentKind } from '../../domain/sales/sales-document.ts'
import { newId, newToken } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { recordEvent } from '../events/record-event.ts'
import { assertFound } from '../invoices/resolve-draft.ts'
import { resolveSalesDraft, type SalesDraftInput } from './resolve-sales-draft.ts'
import { salesDraftColumns } from './sales-columns.ts'
import { loadSalesDocument, salesLineRows } from './sales-record.ts'

export async function createSalesDocument(
  context: CoreContext,
  tenant: Tenant,
  kind: SalesDocumentKind,
  input: SalesDraftInput,
): Promise<SalesDocument> {
  const org = tenant.organizationId
  const documentId = newId()
  await context.storage.db.transaction().execute(async (tx) => {
    const now = nowIso(context)
    const draft = await resolveSalesDraft(tx, tenant, kind, input)
    await tx
      .insertInto('sales_documents')
      .values({
        organization_id: org,
        document_id: documentId,
        kind,
        document_seq: await takeCounter(context.storage, tx, org, `sales:${kind}`),
        state: 'draft',
        prior_state: null,
        series_key: kind,
        number_seq: null,
        number: null,
        // A letter is only posted or mailed; the others have a page for their recipient.
        page_token: kind === 'letter' ? null : newToken(),
        ...salesDraftColumns(draft),
        version: 1,
        completed_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    if (draft.lines.length > 0)
      await tx
        .insertInto('sales_document_lines')
        .values(salesLineRows(org, documentId, draft.lines, draft.totals, draft.optional))
        .execute()
    await recordEvent(tx, {
      organizationId: org,
      type: `${kind}.created`,
      data: { documentId },
      occurredAt: now,
    })
  })
  return assertFound(await loadSalesDocument(context.storage.db, org, documentId), kind, documentId)
}
