// Totals of invoices grouped by customer, state and calendar periods, in the order the caller
// names them (Billomat's group_by=client,month), over exactly the rows a search with the same
// filters lists. Sums are exact bigint minor units per currency: amounts in different currencies
// never add up, so the currency is always part of a group.

import { type RawBuilder, sql } from 'kysely'
import { DomainError } from '../../domain/errors.ts'
import type { Engine } from '../../storage/database.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { type InvoiceSearch, searchBase } from './search-invoices.ts'

export const INVOICE_GROUPINGS = ['contact', 'state', 'day', 'week', 'month', 'year'] as const

export type InvoiceGrouping = (typeof INVOICE_GROUPINGS)[number]

export type InvoiceGroup = Readonly<{
  /** One value per grouping, in the order asked; a period is its first day (week: the Monday) or YYYY-MM / YYYY. */
  keys: Readonly<Partial<Record<InvoiceGrouping, string | null>>>
  currency: string
  count: number
  netMinor: bigint
  grossMinor: bigint
  paidMinor: bigint
}>

/** Bounds the answer: more groups than this is a query no page could show. */
export const MAX_INVOICE_GROUPS = 10_000

function groupExpression(engine: Engine, grouping: InvoiceGrouping): RawBuilder<string> {
  const date = sql.ref('invoices.invoice_date')
  const pg = engine === 'postgres'
  switch (grouping) {
    case 'contact':
      // Grouped by the id and named by contact_no afterwards: no join over every invoice.
      return sql<string>`${sql.ref('invoices.contact_id')}`
    case 'state':
      return sql<string>`${sql.ref('invoices.state')}`
    case 'day':
      return pg ? sql<string>`to_char(${date}, 'YYYY-MM-DD')` : sql<string>`${date}`
    case 'week':
      // ISO weeks start on Monday; SQLite reaches the Monday on or before by going back six days
      // and then forward to the next Monday.
      return pg
        ? sql<string>`to_char(date_trunc('week', ${date}), 'YYYY-MM-DD')`
        : sql<string>`date(${date}, '-6 days', 'weekday 1')`
    case 'month':
      return pg ? sql<string>`to_char(${date}, 'YYYY-MM')` : sql<string>`substr(${date}, 1, 7)`
    case 'year':
      return pg ? sql<string>`to_char(${date}, 'YYYY')` : sql<string>`substr(${date}, 1, 4)`
  }
}

function compareKeys(a: InvoiceGroup, b: InvoiceGroup, groupings: readonly InvoiceGrouping[]): number {
  for (const grouping of groupings) {
    const left = a.keys[grouping] ?? ''
    const right = b.keys[grouping] ?? ''
    if (left === right) continue
    if (grouping === 'contact') return Number(BigInt(left) - BigInt(right) > 0n) * 2 - 1
    return left < right ? -1 : 1
  }
  return a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0
}

async function contactNosOf(
  context: CoreContext,
  tenant: Tenant,
  contactIds: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(contactIds)]
  const rows =
    unique.length === 0
      ? []
      : await context.storage.db
          .selectFrom('contacts')
          .select(['contact_id', 'contact_no'])
          .where('organization_id', '=', tenant.organizationId)
          .where('contact_id', 'in', unique)
          .execute()
  return new Map(rows.map((row) => [row.contact_id, String(row.contact_no)]))
}

export async function aggregateInvoices(
  context: CoreContext,
  tenant: Tenant,
  search: Omit<InvoiceSearch, 'limit' | 'offset' | 'orderBy'>,
  groupings: readonly InvoiceGrouping[],
): Promise<InvoiceGroup[]> {
  const { query } = searchBase(context, tenant, search)
  const engine = context.storage.engine
  const keys = groupings.map((grouping, index) => ({
    grouping,
    alias: `g${index}`,
    expression: groupExpression(engine, grouping),
  }))
  const currency = sql.ref('invoices.currency')
  let grouped = query.select([
    ...keys.map((key) => key.expression.as(key.alias)),
    sql<string>`${currency}`.as('currency'),
    sql<bigint>`count(*)`.as('count'),
    sql<bigint>`sum(invoices.net_minor)`.as('net'),
    sql<bigint>`sum(invoices.gross_minor)`.as('gross'),
    sql<bigint>`sum(invoices.paid_minor)`.as('paid'),
  ])
  for (const key of keys) grouped = grouped.groupBy(key.expression).orderBy(key.expression)
  const rows = (await grouped
    .groupBy(currency)
    .orderBy(currency)
    .limit(MAX_INVOICE_GROUPS + 1)
    .execute()) as unknown as Record<string, unknown>[]
  if (rows.length > MAX_INVOICE_GROUPS)
    throw new DomainError('limit_exceeded', `more than ${MAX_INVOICE_GROUPS} groups; narrow the filters`, {
      field: 'groupings',
    })
  const contactKey = keys.find((key) => key.grouping === 'contact')?.alias
  const contactNos = contactKey
    ? await contactNosOf(
        context,
        tenant,
        rows.map((row) => String(row[contactKey])),
      )
    : new Map()
  const groups = rows.map((row) => ({
    keys: Object.fromEntries(
      keys.map((key) => {
        const value = row[key.alias] == null ? null : String(row[key.alias])
        return [key.grouping, key.grouping === 'contact' && value ? (contactNos.get(value) ?? null) : value]
      }),
    ),
    currency: String(row.currency),
    count: Number(row.count),
    netMinor: BigInt(String(row.net ?? 0)),
    grossMinor: BigInt(String(row.gross ?? 0)),
    paidMinor: BigInt(String(row.paid ?? 0)),
  }))
  // Contacts were grouped by id; their numbers give the order a client expects.
  return contactKey ? groups.sort((a, b) => compareKeys(a, b, groupings)) : groups
}
