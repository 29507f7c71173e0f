// Reads sales documents of the tenant by id or by their whole-number id within their kind; another
// tenant's document, or one of another kind, is simply not found.

import { invalidField, notFound } from '../../domain/errors.ts'
import type { SalesDocument, SalesDocumentKind } from '../../domain/sales/sales-document.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { assertFound } from '../invoices/resolve-draft.ts'
import { loadSalesDocument, loadSalesDocuments } from './sales-record.ts'

export async function getSalesDocument(
  context: CoreContext,
  tenant: Tenant,
  documentId: string,
): Promise<SalesDocument> {
  return assertFound(
    await loadSalesDocument(context.storage.db, tenant.organizationId, documentId),
    'sales document',
    documentId,
  )
}

export async function getSalesDocuments(
  context: CoreContext,
  tenant: Tenant,
  documentIds: readonly string[],
): Promise<SalesDocument[]> {
  return loadSalesDocuments(context.storage.db, tenant.organizationId, documentIds)
}

/** By kind and whole-number id; `field` names the id in the refusal (e.g. offer_id), a 400 not a 404. */
export async function getSalesDocumentBySeq(
  context: CoreContext,
  tenant: Tenant,
  kind: SalesDocumentKind,
  documentSeq: bigint,
  field?: string,
): Promise<SalesDocument> {
  const row = await context.storage.db
    .selectFrom('sales_documents')
    .select('document_id')
    .where('organization_id', '=', tenant.organizationId)
    .where('kind', '=', kind)
    .where('document_seq', '=', documentSeq)
    .executeTakeFirst()
  // A document named in a request's body or query is a bad field; one named by the path is absent.
  if (!row)
    throw field
      ? invalidField(field, `${kind.replace('_', ' ')} ${documentSeq} does not exist`)
      : notFound(kind, String(documentSeq))
  return getSalesDocument(context, tenant, row.document_id)
}
