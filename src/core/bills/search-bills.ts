// Finds bills the way dialects with whole-number ids and custom fields ask for them: by the bill's
// number, by fields of `extra` (written `extra.<key>…`) and by records hung on the bill (a tag), and
// totals what the organization owes each supplier on its approved bills.

import { sql } from 'kysely'
import type { CoreContext, Tenant } from '../context.ts'
import { withJsonFields } from '../queries/json-field.ts'
import { applyFilters, applyOrder, checkPage, type ListSpec, type Page } from '../queries/list-spec.ts'
import { type RelatedFilter, relatedCondition } from '../queries/related-filters.ts'
import { type Bill, loadBills } from './bill-record.ts'
import { BILL_FIELDS } from './list-bills.ts'

export type BillSearch = ListSpec & Readonly<{ related?: readonly RelatedFilter[] }>

export async function searchBills(
  context: CoreContext,
  tenant: Tenant,
  search: BillSearch,
): Promise<Page<Bill>> {
  checkPage(search)
  const engine = context.storage.engine
  const fields = withJsonFields(BILL_FIELDS, engine, 'extra', 'bills.extra', search)
  let base = context.storage.db.selectFrom('bills').where('bills.organization_id', '=', tenant.organizationId)
  for (const filter of search.related ?? [])
    base = base.where(relatedCondition(engine, 'bills', 'bills.bill_id', filter))
  const filtered = applyFilters(base, fields, search)
  const [countRow, rows] = await Promise.all([
    filtered.select(sql<bigint>`count(*)`.as('count')).executeTakeFirstOrThrow(),
    applyOrder(filtered.select('bills.bill_id'), fields, search.orderBy ?? [], 'bills.bill_seq')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
  ])
  const items = await loadBills(
    context.storage.db,
    tenant.organizationId,
    rows.map((row) => row.bill_id),
  )
  return { items, totalCount: Number(countRow.count) }
}

export async function findBillBySeq(
  context: CoreContext,
  tenant: Tenant,
  billSeq: bigint,
): Promise<Bill | undefined> {
  const row = await context.storage.db
    .selectFrom('bills')
    .select('bill_id')
    .where('organization_id', '=', tenant.organizationId)
    .where('bill_seq', '=', billSeq)
    .executeTakeFirst()
  if (!row) return undefined
  const [bill] = await loadBills(context.storage.db, tenant.organizationId, [row.bill_id])
  return bill
}

export type ContactBillTotals = Readonly<{ netMinor: bigint; grossMinor: bigint }>

/** Net and gross of each contact's approved bills in `currency`, in one grouped query. */
export async function billTotalsByContact(
  context: CoreContext,
  tenant: Tenant,
  contactIds: readonly string[],
  currency: string,
): Promise<Map<string, ContactBillTotals>> {
  if (contactIds.length === 0) return new Map()
  const rows = await context.storage.db
    .selectFrom('bills')
    .select((eb) => [
      'contact_id',
      eb.fn.sum<bigint>('net_minor').as('net_minor'),
      eb.fn.sum<bigint>('gross_minor').as('gross_minor'),
    ])
    .where('organization_id', '=', tenant.organizationId)
    .where('contact_id', 'in', contactIds)
    .where('state', '=', 'approved')
    .where('currency', '=', currency)
    .groupBy('contact_id')
    .execute()
  return new Map(
    rows.map((row) => [
      row.contact_id,
      { netMinor: BigInt(row.net_minor ?? 0), grossMinor: BigInt(row.gross_minor ?? 0) },
    ]),
  )
}

export type BillGroup = Readonly<{
  contactId: string
  currency: string
  netMinor: bigint
  grossMinor: bigint
}>

/** Net and gross of the bills a search finds, per contact and currency, in contact order. */
export async function sumBillsByContact(
  context: CoreContext,
  tenant: Tenant,
  search: Omit<BillSearch, 'limit' | 'offset' | 'orderBy'>,
): Promise<BillGroup[]> {
  const engine = context.storage.engine
  const fields = withJsonFields(BILL_FIELDS, engine, 'extra', 'bills.extra', search)
  let base = context.storage.db.selectFrom('bills').where('bills.organization_id', '=', tenant.organizationId)
  for (const filter of search.related ?? [])
    base = base.where(relatedCondition(engine, 'bills', 'bills.bill_id', filter))
  const rows = await applyFilters(base, fields, search)
    .select((eb) => [
      'bills.contact_id',
      'bills.currency',
      eb.fn.sum<bigint>('bills.net_minor').as('net_minor'),
      eb.fn.sum<bigint>('bills.gross_minor').as('gross_minor'),
    ])
    .groupBy(['bills.contact_id', 'bills.currency'])
    .orderBy('bills.contact_id')
    .execute()
  return rows.map((row) => ({
    contactId: row.contact_id,
    currency: row.currency,
    netMinor: BigInt(row.net_minor ?? 0),
    grossMinor: BigInt(row.gross_minor ?? 0),
  }))
}
