// Takes the next number of a numbering series under a row lock: gap-free per organization and
// series, and never issued twice even with several server processes on one PostgreSQL.

import { formatInvoiceNumber } from '../../domain/invoicing/numbering.ts'
import { forUpdate, type Storage, type Tx } from '../../storage/database.ts'

export type TakenNumber = Readonly<{ numberSeq: bigint; number: string }>

export async function takeNumber(
  storage: Storage,
  tx: Tx,
  organizationId: string,
  seriesKey: string,
): Promise<TakenNumber> {
  // A missing series starts at 1 without a prefix; ON CONFLICT keeps two first approvals from colliding.
  await tx
    .insertInto('numbering_series')
    .values({
      organization_id: organizationId,
      series_key: seriesKey,
      prefix: '',
      padding: 0,
      next_number: 1n,
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'series_key']).doNothing())
    .execute()
  const series = await forUpdate(
    storage,
    tx
      .selectFrom('numbering_series')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('series_key', '=', seriesKey),
  ).executeTakeFirstOrThrow()
  await tx
    .updateTable('numbering_series')
    .set({ next_number: series.next_number + 1n })
    .where('organization_id', '=', organizationId)
    .where('series_key', '=', seriesKey)
    .execute()
  return {
    numberSeq: series.next_number,
    number: formatInvoiceNumber(
      { prefix: series.prefix, padding: series.padding },
      Number(series.next_number),
    ),
  }
}
