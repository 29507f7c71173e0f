// Gives an invoice a number its sender chose by hand (Billy's invoiceNo, the official samples send
// 5003). The invariant it protects: an invoice number is never issued twice in an organization.
// The chosen text must be unused; when it is a number the series itself would print, the series
// moves past it, so automatic numbering never issues it again.

import { DomainError, invalidField } from '../../domain/errors.ts'
import { formatInvoiceNumber } from '../../domain/invoicing/numbering.ts'
import type { Tx } from '../../storage/database.ts'

export type ChosenNumber = Readonly<{ numberSeq: null; number: string }>

const MAX_NUMBER_LENGTH = 60

export async function takeChosenNumber(
  tx: Tx,
  organizationId: string,
  seriesKey: string,
  chosen: string,
): Promise<ChosenNumber> {
  const number = chosen.trim()
  if (number === '' || number.length > MAX_NUMBER_LENGTH)
    throw invalidField('number', `an invoice number has 1 to ${MAX_NUMBER_LENGTH} characters`)
  const taken = await tx
    .selectFrom('invoices')
    .select('invoice_id')
    .where('organization_id', '=', organizationId)
    .where('number', '=', number)
    .executeTakeFirst()
  if (taken)
    throw new DomainError('conflict', `invoice number ${number} is already used`, { field: 'number' })
  if (/^[1-9][0-9]{0,14}$/.test(number)) {
    const series = await tx
      .selectFrom('numbering_series')
      .select(['prefix', 'padding', 'next_number'])
      .where('organization_id', '=', organizationId)
      .where('series_key', '=', seriesKey)
      .executeTakeFirst()
    const sequence = BigInt(number)
    const printed = formatInvoiceNumber(
      { prefix: series?.prefix ?? '', padding: series?.padding ?? 0 },
      Number(sequence),
    )
    if (printed === number && (series?.next_number ?? 1n) <= sequence) {
      await tx
        .insertInto('numbering_series')
        .values({
          organization_id: organizationId,
          series_key: seriesKey,
          prefix: '',
          padding: 0,
          next_number: sequence + 1n,
        })
        .onConflict((conflict) =>
          conflict.columns(['organization_id', 'series_key']).doUpdateSet({ next_number: sequence + 1n }),
        )
        .execute()
    }
  }
  return { numberSeq: null, number }
}
