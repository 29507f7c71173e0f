// Reads the chart of accounts: accounts by id or number, or a page by the shared list spec.

import type { CoreContext, Tenant } from '../context.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'
import { accountFromRow, type LedgerAccount, loadAccounts } from './account-record.ts'

export const ACCOUNT_FIELDS: FieldMap = {
  accountId: 'accounts.account_id',
  number: 'accounts.account_number',
  name: 'accounts.name',
  nature: 'accounts.nature',
  role: 'accounts.role',
  isArchived: 'accounts.is_archived',
  createdAt: 'accounts.created_at',
}

export function getAccounts(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; numbers?: readonly string[] }>,
): Promise<LedgerAccount[]> {
  return loadAccounts(context.storage.db, tenant.organizationId, by)
}

/** Every account of the organization, in number order (a chart is a few hundred accounts). */
export async function getChart(context: CoreContext, tenant: Tenant): Promise<LedgerAccount[]> {
  const rows = await context.storage.db
    .selectFrom('accounts')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .orderBy('account_number')
    .execute()
  return rows.map(accountFromRow)
}

export async function listAccounts(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<LedgerAccount>> {
  const base = context.storage.db
    .selectFrom('accounts')
    .where('accounts.organization_id', '=', tenant.organizationId)
  const { rows, totalCount } = await fetchPage(
    base,
    ACCOUNT_FIELDS,
    spec,
    'accounts.account_number',
    (query) => query.selectAll(),
  )
  return { items: rows.map(accountFromRow), totalCount }
}
