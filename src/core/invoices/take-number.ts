// Takes the next number of a numbering series under a row lock: gap-free per organization and
// series, and never issued twice even with several server processes on one PostgreSQL.

import { formatInvoiceNumber } from '../../domain/invoicing/numbering.ts'
import type { Storage, Tx } from '../../storage/database.ts'

export type TakenNumber = Readonly<{ numberSeq: bigint; number: string }>

export async function takeNumber(
  _storage: Storage,
  tx: Tx,
  organizationId: string,
  seriesKey: string,
  issuedOn?: string,
): Promise<TakenNumber> {
  // The UPDATE locks the series row and takes the number in one round trip; the row lock is what
  // serializes concurrent approvals. A series used for the first time is created, then taken.
  const increment = () =>
    tx
      .updateTable('numbering_series')
      .set((eb) => ({ next_number: eb('next_number', '+', 1n) }))
      .where('organization_id', '=', organizationId)
      .where('series_key', '=', seriesKey)
      .returning(['prefix', 'padding', 'next_number'])
      .executeTakeFirst()
  let series = await increment()
  if (!series) {
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
    series = await increment()
  }
  if (!series) throw new Error(`numbering series ${seriesKey} could not be created`)
  const numberSeq = series.next_number - 1n
  return {
    numberSeq,
    number: formatInvoiceNumber(
      { prefix: series.prefix, padding: series.padding },
      Number(numberSeq),
      issuedOn,
    ),
  }
}
