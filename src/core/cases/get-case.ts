// Reads one case of the tenant by its number, with everything a dialect's full view of it shows:
// its invoices and contact, its whole event log, its callback subscription and attachment name.
// Another tenant's case is simply not found.

import { notFound } from '../../domain/errors.ts'
import type { Executor } from '../../storage/database.ts'
import { type CallbackSubscription, caseCallbackOf } from '../callbacks/callback-subscriptions.ts'
import type { CoreContext, Tenant } from '../context.ts'
import type { CaseEvent } from '../events/list-events.ts'
import { type CaseRecord, caseIdOfNo, loadCase } from './case-details.ts'
import { loadCaseEvents } from './case-events.ts'

export type CaseDetails = CaseRecord &
  Readonly<{
    events: readonly CaseEvent[]
    callback: CallbackSubscription | null
    attachmentFilename: string | null
  }>

export async function caseDetailsOf(db: Executor, tenant: Tenant, caseId: string): Promise<CaseDetails> {
  const org = tenant.organizationId
  const record = await loadCase(db, org, caseId)
  if (!record || record.invoices.length === 0) throw notFound('case', caseId)
  const [events, callback, attachment] = await Promise.all([
    loadCaseEvents(db, org, caseId),
    caseCallbackOf(db, org, caseId),
    db
      .selectFrom('case_attachments')
      .select('filename')
      .where('organization_id', '=', org)
      .where('case_id', '=', caseId)
      .executeTakeFirst(),
  ])
  return {
    ...record,
    events,
    callback,
    attachmentFilename: attachment?.filename ?? null,
  }
}

export async function getCaseByNo(
  context: CoreContext,
  tenant: Tenant,
  caseNo: bigint,
): Promise<CaseDetails> {
  const caseId = await caseIdOfNo(context.storage.db, tenant.organizationId, caseNo)
  if (!caseId) throw notFound('case', String(caseNo))
  return caseDetailsOf(context.storage.db, tenant, caseId)
}
