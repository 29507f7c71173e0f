// Reads and sets a numbering series: the prefix and padding the next approval formats its number
// with, and the number it takes. Dialects whose clients choose a document's number (Billomat's
// number_pre, number and number_length) set the series inside the approval's transaction and put
// it back after, so a choice made for one document never leaks into the next.

import { DomainError } from '../../domain/errors.ts'
import { validateNumberingSeries } from '../../domain/invoicing/numbering.ts'
import { forUpdate } from '../../storage/database.ts'
import type { CoreContext, Tenant } from '../context.ts'

export type SeriesState = Readonly<{ seriesKey: string; prefix: string; padding: number; nextNumber: bigint }>

export async function getNumberingSeries(
  context: CoreContext,
  tenant: Tenant,
  seriesKey: string,
): Promise<SeriesState> {
  const row = await context.storage.db
    .selectFrom('numbering_series')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('series_key', '=', seriesKey)
    .executeTakeFirst()
  return row
    ? { seriesKey, prefix: row.prefix, padding: row.padding, nextNumber: row.next_number }
    : { seriesKey, prefix: '', padding: 0, nextNumber: 1n }
}

export type SeriesChange = Readonly<{ prefix?: string; padding?: number; nextNumber?: bigint }>

/** Creates the series if needed and applies the change; refuses a next number already issued. */
export async function setNumberingSeries(
  context: CoreContext,
  tenant: Tenant,
  seriesKey: string,
  change: SeriesChange,
): Promise<SeriesState> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('numbering_series')
      .values({ organization_id: org, series_key: seriesKey, prefix: '', padding: 0, next_number: 1n })
      .onConflict((conflict) => conflict.columns(['organization_id', 'series_key']).doNothing())
      .execute()
    const current = await forUpdate(
      context.storage,
      tx
        .selectFrom('numbering_series')
        .selectAll()
        .where('organization_id', '=', org)
        .where('series_key', '=', seriesKey),
    ).executeTakeFirstOrThrow()
    const next: SeriesState = {
      seriesKey,
      prefix: change.prefix ?? current.prefix,
      padding: change.padding ?? current.padding,
      nextNumber: change.nextNumber ?? current.next_number,
    }
    validateNumberingSeries(
      { prefix: next.prefix, padding: next.padding, nextNumber: Number(next.nextNumber) },
      'number',
    )
    if (change.nextNumber !== undefined) {
      const taken = await tx
        .selectFrom('invoices')
        .select('invoice_id')
        .where('organization_id', '=', org)
        .where('series_key', '=', seriesKey)
        .where('number_seq', '=', change.nextNumber)
        .executeTakeFirst()
      if (taken)
        throw new DomainError('conflict', `number ${change.nextNumber} is already used in this series`, {
          field: 'number',
        })
    }
    await tx
      .updateTable('numbering_series')
      .set({ prefix: next.prefix, padding: next.padding, next_number: next.nextNumber })
      .where('organization_id', '=', org)
      .where('series_key', '=', seriesKey)
      .execute()
    return next
  })
}
