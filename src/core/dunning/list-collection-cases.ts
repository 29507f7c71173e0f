// The invoices an organization has in collection, with what the partner was handed: what the
// operator works through when it is the collection partner itself.

import type { CoreContext, Tenant } from '../context.ts'

export type CollectionCase = Readonly<{
  invoiceId: string
  number: string | null
  currency: string
  balanceMinor: bigint
  partner: string | null
  reference: string | null
  startedOn: string | null
}>

/** Bounds the listing; an operator with more cases pages with `afterSeq`. */
const PAGE_SIZE = 500

export async function listCollectionCases(
  context: CoreContext,
  tenant: Tenant,
  afterSeq?: bigint,
): Promise<CollectionCase[]> {
  const rows = await context.storage.db
    .selectFrom('invoices as i')
    .leftJoin('dunning_invoices as d', (join) =>
      join.onRef('d.organization_id', '=', 'i.organization_id').onRef('d.invoice_id', '=', 'i.invoice_id'),
    )
    .select(['i.invoice_id', 'i.invoice_seq', 'i.number', 'i.currency'])
    .select(['i.gross_minor', 'i.fees_minor', 'i.paid_minor', 'i.credited_minor', 'i.written_off_minor'])
    .select(['d.collection_partner', 'd.collection_reference', 'd.collection_started_on'])
    .where('i.organization_id', '=', tenant.organizationId)
    .where('i.state', '=', 'collection')
    .where('i.invoice_seq', '>', afterSeq ?? -1n)
    .orderBy('i.invoice_seq')
    .limit(PAGE_SIZE)
    .execute()
  return rows.map((row) => ({
    invoiceId: row.invoice_id,
    number: row.number,
    currency: row.currency,
    balanceMinor:
      row.gross_minor + row.fees_minor - row.paid_minor - row.credited_minor - row.written_off_minor,
    partner: row.collection_partner,
    reference: row.collection_reference,
    startedOn: row.collection_started_on,
  }))
}
