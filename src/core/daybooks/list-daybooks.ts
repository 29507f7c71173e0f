// Reads daybooks and daybook transactions: by id, or a page by the shared list spec.

import type { CoreContext, Tenant } from '../context.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'
import {
  type Daybook,
  type DaybookTransaction,
  daybookFromRow,
  loadDaybookTransactions,
} from './daybook-record.ts'

export const DAYBOOK_FIELDS: FieldMap = {
  daybookId: 'daybooks.daybook_id',
  name: 'daybooks.name',
  createdAt: 'daybooks.created_at',
}

export const DAYBOOK_TRANSACTION_FIELDS: FieldMap = {
  transactionId: 'daybook_transactions.transaction_id',
  daybookId: 'daybook_transactions.daybook_id',
  entryDate: 'daybook_transactions.entry_date',
  voucherNo: 'daybook_transactions.voucher_no',
  description: 'daybook_transactions.description',
  extendedDescription: 'daybook_transactions.extended_description',
  apiType: 'daybook_transactions.api_type',
  state: 'daybook_transactions.state',
  priority: 'daybook_transactions.priority',
  createdAt: 'daybook_transactions.created_at',
}

export async function getDaybooks(
  context: CoreContext,
  tenant: Tenant,
  ids: readonly string[],
): Promise<Daybook[]> {
  if (ids.length === 0) return []
  const rows = await context.storage.db
    .selectFrom('daybooks')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('daybook_id', 'in', ids)
    .execute()
  return rows.map(daybookFromRow)
}

export async function listDaybooks(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<Daybook>> {
  const base = context.storage.db
    .selectFrom('daybooks')
    .where('daybooks.organization_id', '=', tenant.organizationId)
  const { rows, totalCount } = await fetchPage(base, DAYBOOK_FIELDS, spec, 'daybooks.daybook_id', (query) =>
    query.selectAll(),
  )
  return { items: rows.map(daybookFromRow), totalCount }
}

export function getDaybookTransactions(
  context: CoreContext,
  tenant: Tenant,
  ids: readonly string[],
): Promise<DaybookTransaction[]> {
  return loadDaybookTransactions(context.storage.db, tenant.organizationId, ids)
}

export async function listDaybookTransactions(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<DaybookTransaction>> {
  const base = context.storage.db
    .selectFrom('daybook_transactions')
    .where('daybook_transactions.organization_id', '=', tenant.organizationId)
  const { rows, totalCount } = await fetchPage(
    base,
    DAYBOOK_TRANSACTION_FIELDS,
    spec,
    'daybook_transactions.transaction_id',
    (query) => query.select('daybook_transactions.transaction_id'),
  )
  const items = await loadDaybookTransactions(
    context.storage.db,
    tenant.organizationId,
    rows.map((row) => row.transaction_id),
  )
  return { items, totalCount }
}
