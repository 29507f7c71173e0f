// The state actions of a completed sales document: an offer is won or lost, an offer or a
// confirmation is cancelled or cleared (invoiced), and each of those is undone back to the state
// it left. The domain's lifecycle table decides; this records the change and its event.

import {
  nextSalesState,
  priorStateAfter,
  type SalesAction,
  type SalesDocument,
} from '../../domain/sales/sales-document.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordEvent } from '../events/record-event.ts'
import { assertFound } from '../invoices/resolve-draft.ts'
import { loadSalesDocument } from './sales-record.ts'

export type SalesStateAction = Exclude<SalesAction, 'complete'>

/** Applies `action` inside the caller's transaction (clearing an offer with the invoice made from it). */
export async function changeSalesStateWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  documentId: string,
  action: SalesStateAction,
  extra?: Readonly<Record<string, unknown>>,
  /** Who or what changed it, kept with the event (the recipient's answer on the offer's page). */
  eventData?: Readonly<Record<string, unknown>>,
): Promise<void> {
  const org = tenant.organizationId
  const document = assertFound(
    await loadSalesDocument(tx, org, documentId, { lockFor: context.storage }),
    'sales document',
    documentId,
  )
  const state = nextSalesState(document, action)
  const now = nowIso(context)
  await tx
    .updateTable('sales_documents')
    .set({
      state,
      prior_state: priorStateAfter(document, action),
      ...(extra ? { extra: JSON.stringify({ ...document.extra, ...extra }) } : {}),
      version: document.version + 1,
      updated_at: now,
    })
    .where('organization_id', '=', org)
    .where('document_id', '=', documentId)
    .execute()
  await recordEvent(tx, {
    organizationId: org,
    type: `${document.kind}.status`,
    data: { documentId, action, from: document.state, to: state, ...eventData },
    occurredAt: now,
  })
}

export async function changeSalesState(
  context: CoreContext,
  tenant: Tenant,
  documentId: string,
  action: SalesStateAction,
): Promise<SalesDocument> {
  await context.storage.db
    .transaction()
    .execute((tx) => changeSalesStateWithin(context, tx, tenant, documentId, action))
  return assertFound(
    await loadSalesDocument(context.storage.db, tenant.organizationId, documentId),
    'sales document',
    documentId,
  )
}

/** Merges fields into the dialect-owned `extra` (texts, references); amounts and state never change here. */
export async function setSalesDocumentExtra(
  context: CoreContext,
  tenant: Tenant,
  documentId: string,
  change: (document: SalesDocument) => Readonly<Record<string, unknown>>,
): Promise<SalesDocument> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const document = assertFound(
      await loadSalesDocument(tx, org, documentId, { lockFor: context.storage }),
      'sales document',
      documentId,
    )
    await tx
      .updateTable('sales_documents')
      .set({
        extra: JSON.stringify(change(document)),
        version: document.version + 1,
        updated_at: nowIso(context),
      })
      .where('organization_id', '=', org)
      .where('document_id', '=', documentId)
      .execute()
  })
  return assertFound(
    await loadSalesDocument(context.storage.db, org, documentId),
    'sales document',
    documentId,
  )
}
