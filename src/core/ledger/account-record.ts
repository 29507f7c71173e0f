// Maps account rows to the ledger accounts dialects read and write; the one place that knows the
// accounts columns outside the posting rules' chart.

import type { Account, AccountNature, AccountRole } from '../../domain/ledger/account.ts'
import type { Executor } from '../../storage/database.ts'
import type { AccountsTable } from '../../storage/schema.ts'

export type LedgerAccount = Account &
  Readonly<{ id: string; isArchived: boolean; extra: Readonly<Record<string, unknown>>; createdAt: string }>

export function accountFromRow(row: AccountsTable): LedgerAccount {
  return {
    id: row.account_id,
    number: row.account_number,
    name: row.name,
    nature: row.nature as AccountNature,
    ...(row.role ? { role: row.role as AccountRole } : {}),
    ...(row.vat_rate_percent ? { vatRatePercent: row.vat_rate_percent } : {}),
    isArchived: row.is_archived,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    createdAt: row.created_at,
  }
}

export async function loadAccounts(
  db: Executor,
  organizationId: string,
  by: Readonly<{ ids?: readonly string[]; numbers?: readonly string[] }>,
): Promise<LedgerAccount[]> {
  const ids = by.ids ?? []
  const numbers = by.numbers ?? []
  if (ids.length === 0 && numbers.length === 0) return []
  let query = db.selectFrom('accounts').selectAll().where('organization_id', '=', organizationId)
  if (ids.length > 0) query = query.where('account_id', 'in', ids)
  if (numbers.length > 0) query = query.where('account_number', 'in', numbers)
  const rows = await query.orderBy('account_number').execute()
  return rows.map(accountFromRow)
}
