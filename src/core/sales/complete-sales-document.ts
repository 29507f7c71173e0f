// Completes a draft sales document: the next number of its kind's series (gap-free, taken under
// the series' row lock), or a number its sender chose that the series has not issued, the date
// defaulted to today, and the state OPEN. Letters carry no number. One transaction.

import { DomainError } from '../../domain/errors.ts'
import { formatInvoiceNumber } from '../../domain/invoicing/numbering.ts'
import { nextSalesState, type SalesDocument } from '../../domain/sales/sales-document.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordEvent } from '../events/record-event.ts'
import { assertFound } from '../invoices/resolve-draft.ts'
import { takeNumber } from '../invoices/take-number.ts'
import { organizationToday } from '../organizations/organization-today.ts'
import { loadSalesDocument } from './sales-record.ts'
import { lockSalesDraft } from './update-sales-draft.ts'

/**
 * How the number is printed, a number chosen by the sender instead of the next one, and the series
 * to number from when not the kind's own (one series per prefix, as a vendor may count them).
 */
export type SalesNumbering = Readonly<{
  prefix: string
  padding: number
  chosen?: bigint
  seriesKey?: string
}>

async function chosenNumber(tx: Tx, org: string, seriesKey: string, chosen: bigint): Promise<bigint> {
  const taken = await tx
    .selectFrom('sales_documents')
    .select('document_id')
    .where('organization_id', '=', org)
    .where('series_key', '=', seriesKey)
    .where('number_seq', '=', chosen)
    .executeTakeFirst()
  if (taken) throw new DomainError('conflict', `number ${chosen} is already used`, { field: 'number' })
  // The series moves past a chosen number, so it is never issued again.
  await tx
    .insertInto('numbering_series')
    .values({ organization_id: org, series_key: seriesKey, prefix: '', padding: 0, next_number: chosen + 1n })
    .onConflict((conflict) =>
      conflict.columns(['organization_id', 'series_key']).doUpdateSet((eb) => ({
        next_number: eb
          .case()
          .when('numbering_series.next_number', '<=', chosen)
          .then(chosen + 1n)
          .else(eb.ref('numbering_series.next_number'))
          .end(),
      })),
    )
    .execute()
  return chosen
}

async function numberOf(
  context: CoreContext,
  tx: Tx,
  document: SalesDocument,
  org: string,
  numbering: SalesNumbering | undefined,
  issuedOn: string,
) {
  if (!numbering) return { number_seq: null, number: null }
  const seriesKey = numbering.seriesKey ?? document.seriesKey
  const numberSeq =
    numbering.chosen === undefined
      ? (await takeNumber(context.storage, tx, org, seriesKey)).numberSeq
      : await chosenNumber(tx, org, seriesKey, numbering.chosen)
  return {
    series_key: seriesKey,
    number_seq: numberSeq,
    number: formatInvoiceNumber(numbering, Number(numberSeq), issuedOn),
  }
}

export async function completeSalesDocument(
  context: CoreContext,
  tenant: Tenant,
  documentId: string,
  numbering: SalesNumbering | undefined,
): Promise<SalesDocument> {
  const org = tenant.organizationId
  const today = await organizationToday(context, tenant)
  await context.storage.db.transaction().execute(async (tx) => {
    const draft = await lockSalesDraft(context, tx, tenant, documentId).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'wrong_state'
        ? new DomainError('wrong_state', 'only a DRAFT can be completed', error.details)
        : error
    })
    const state = nextSalesState(draft, 'complete')
    const issuedOn = draft.documentDate ?? today
    const now = nowIso(context)
    await tx
      .updateTable('sales_documents')
      .set({
        ...(await numberOf(context, tx, draft, org, numbering, issuedOn)),
        state,
        document_date: issuedOn,
        completed_at: now,
        version: draft.version + 1,
        updated_at: now,
      })
      .where('organization_id', '=', org)
      .where('document_id', '=', documentId)
      .execute()
    await recordEvent(tx, {
      organizationId: org,
      type: `${draft.kind}.completed`,
      data: { documentId },
      occurredAt: now,
    })
  })
  return assertFound(
    await loadSalesDocument(context.storage.db, org, documentId),
    'sales document',
    documentId,
  )
}
