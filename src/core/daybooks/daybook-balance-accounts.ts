// The accounts a daybook keeps an eye on (a bank or cash account whose balance the bookkeeper
// checks while writing entries), in the order they are shown. The invariants it protects: each
// names an account of the chart and a daybook of the same organization, once per daybook.

import { invalidField } from '../../domain/errors.ts'
import { parseAccountNumber } from '../../domain/ledger/account.ts'
import type { Executor } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import type { DaybookBalanceAccountsTable } from '../../storage/schema-billy.ts'
import type { CoreContext, Tenant } from '../context.ts'

export type BalanceAccount = Readonly<{
  balanceAccountId: string
  daybookId: string
  accountNumber: string
  priority: number
}>

export type BalanceAccountInput = Readonly<{ accountNumber: string; priority?: number }>

function fromRow(row: DaybookBalanceAccountsTable): BalanceAccount {
  return {
    balanceAccountId: row.balance_account_id,
    daybookId: row.daybook_id,
    accountNumber: row.account_number,
    priority: row.priority,
  }
}

export async function getBalanceAccounts(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; daybookIds?: readonly string[] }>,
): Promise<BalanceAccount[]> {
  let query = context.storage.db
    .selectFrom('daybook_balance_accounts')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
  if (by.ids) query = query.where('balance_account_id', 'in', [...by.ids, ''])
  if (by.daybookIds) query = query.where('daybook_id', 'in', [...by.daybookIds, ''])
  const rows = await query.orderBy('daybook_id').orderBy('priority').orderBy('balance_account_id').execute()
  return rows.map(fromRow)
}

async function checkAccount(db: Executor, org: string, daybookId: string, input: BalanceAccountInput) {
  const number = parseAccountNumber(input.accountNumber, 'accountNumber')
  const priority = input.priority ?? 0
  if (!Number.isInteger(priority) || priority < 0 || priority > 1_000_000)
    throw invalidField('priority', 'priority must be a whole number from 0')
  const [daybook, account, taken] = await Promise.all([
    db
      .selectFrom('daybooks')
      .select('daybook_id')
      .where('organization_id', '=', org)
      .where('daybook_id', '=', daybookId)
      .executeTakeFirst(),
    db
      .selectFrom('accounts')
      .select('account_id')
      .where('organization_id', '=', org)
      .where('account_number', '=', number)
      .executeTakeFirst(),
    db
      .selectFrom('daybook_balance_accounts')
      .select('balance_account_id')
      .where('organization_id', '=', org)
      .where('daybook_id', '=', daybookId)
      .where('account_number', '=', number)
      .executeTakeFirst(),
  ])
  if (!daybook) throw invalidField('daybookId', `daybook ${daybookId} does not exist`)
  if (!account) throw invalidField('accountNumber', `account ${number} does not exist`)
  if (taken)
    throw invalidField('accountNumber', `account ${number} is already a balance account of the daybook`)
  return { number, priority }
}

export async function addBalanceAccount(
  context: CoreContext,
  tenant: Tenant,
  daybookId: string,
  input: BalanceAccountInput,
): Promise<BalanceAccount> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const { number, priority } = await checkAccount(tx, org, daybookId, input)
    const row: DaybookBalanceAccountsTable = {
      organization_id: org,
      balance_account_id: newId(),
      daybook_id: daybookId,
      account_number: number,
      priority,
    }
    await tx.insertInto('daybook_balance_accounts').values(row).execute()
    return fromRow(row)
  })
}

export async function setBalanceAccountPriority(
  context: CoreContext,
  tenant: Tenant,
  balanceAccountId: string,
  priority: number,
): Promise<void> {
  if (!Number.isInteger(priority) || priority < 0 || priority > 1_000_000)
    throw invalidField('priority', 'priority must be a whole number from 0')
  await context.storage.db
    .updateTable('daybook_balance_accounts')
    .set({ priority })
    .where('organization_id', '=', tenant.organizationId)
    .where('balance_account_id', '=', balanceAccountId)
    .execute()
}

/** Removes balance accounts by id, or all of some daybooks; returns the ids removed. */
export async function removeBalanceAccounts(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; daybookIds?: readonly string[] }>,
): Promise<string[]> {
  let query = context.storage.db
    .deleteFrom('daybook_balance_accounts')
    .where('organization_id', '=', tenant.organizationId)
  if (by.ids) query = query.where('balance_account_id', 'in', [...by.ids, ''])
  if (by.daybookIds) query = query.where('daybook_id', 'in', [...by.daybookIds, ''])
  const rows = await query.returning('balance_account_id').execute()
  return rows.map((row) => row.balance_account_id)
}
