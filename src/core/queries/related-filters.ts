// Filters on what hangs off a row rather than on its own columns: an invoice with a line of some
// product, with a payment of some kind, a row with a dialect record (a tag) of some name. Each is
// an EXISTS over an indexed child table, so it composes with the list spec's column filters.

import { type RawBuilder, sql } from 'kysely'
import type { Engine } from '../../storage/database.ts'
import { jsonTextExpression } from './json-field.ts'

export type RelatedFilter =
  | Readonly<{ kind: 'lineProduct'; productIds: readonly string[] }>
  /** A sales document (offer, confirmation, ...) with a line of one of these products. */
  | Readonly<{ kind: 'salesLineProduct'; productIds: readonly string[] }>
  | Readonly<{ kind: 'paymentSource'; sources: readonly string[] }>
  | Readonly<{
      kind: 'record'
      resource: string
      /** Where the compared value sits in the record's JSON, e.g. ['name']. */
      path: readonly string[]
      values: readonly string[]
      caseInsensitive?: boolean
    }>
  /** Rows that have at least one invoice among these (a contact billed on them). */
  | Readonly<{ kind: 'invoiceSeq'; invoiceSeqs: readonly bigint[] }>

/** The condition for a row whose organization and id are `table.organization_id` and `idColumn`. */
export function relatedCondition(
  engine: Engine,
  table: string,
  idColumn: string,
  filter: RelatedFilter,
): RawBuilder<boolean> {
  const org = sql.ref(`${table}.organization_id`)
  const id = sql.ref(idColumn)
  switch (filter.kind) {
    case 'lineProduct':
      return sql<boolean>`exists (select 1 from invoice_lines rl where rl.organization_id = ${org}
        and rl.invoice_id = ${id} and rl.product_id in (${sql.join(nonEmpty(filter.productIds))}))`
    case 'salesLineProduct':
      return sql<boolean>`exists (select 1 from sales_document_lines rl where rl.organization_id = ${org}
        and rl.document_id = ${id} and rl.product_id in (${sql.join(nonEmpty(filter.productIds))}))`
    case 'paymentSource':
      return sql<boolean>`exists (select 1 from payment_associations ra join payments rp
        on rp.organization_id = ra.organization_id and rp.payment_id = ra.payment_id
        where ra.organization_id = ${org} and ra.invoice_id = ${id} and rp.is_voided = ${false}
        and rp.source in (${sql.join(nonEmpty(filter.sources))}))`
    case 'invoiceSeq':
      return sql<boolean>`exists (select 1 from invoices ri where ri.organization_id = ${org}
        and ri.contact_id = ${id} and ri.invoice_seq in (${sql.join(nonEmpty(filter.invoiceSeqs))}))`
    case 'record': {
      const value = sql.raw(jsonTextExpression(engine, 'rr.data', filter.path))
      const compared = filter.caseInsensitive ? sql`lower(${value})` : value
      const values = filter.caseInsensitive ? filter.values.map((v) => v.toLowerCase()) : filter.values
      return sql<boolean>`exists (select 1 from billomat_records rr where rr.organization_id = ${org}
        and rr.owner_id = ${id} and rr.resource = ${filter.resource}
        and ${compared} in (${sql.join(nonEmpty(values))}))`
    }
  }
}

/** `in ()` is not SQL; a list that matches nothing keeps the query valid and empty. */
function nonEmpty<T>(values: readonly T[]): readonly (T | string)[] {
  return values.length > 0 ? values : ['\u0000no match\u0000']
}
