// Where an incoming's costs are booked. Billomat's incoming categories are read-only and name the
// expense account a cost goes to; here they are the organization's expense accounts, so the
// category list is the chart itself. An item names its account by `expense_account_number` or by
// `category`; otherwise the incoming's; otherwise the chart's lowest-numbered expense account that
// serves no role (goods bought: SKR03 3400, BAS 4010, Billy's 1210).

import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { LedgerAccount } from '../../../core/ledger/account-record.ts'
import { getChart } from '../../../core/ledger/list-accounts.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { WireStrings } from '../invoices/extra.ts'

export type ExpenseAccounts = Readonly<{
  /** Every account of the chart by number: an item may book to any of them. */
  chart: ReadonlyMap<string, LedgerAccount>
  /** The categories: the expense accounts, in number order. */
  categories: readonly LedgerAccount[]
  defaultNumber: string | undefined
}>

export async function expenseAccountsOf(core: CoreContext, tenant: Tenant): Promise<ExpenseAccounts> {
  const chart = (await getChart(core, tenant)).filter((account) => !account.isArchived)
  const categories = chart.filter((account) => account.nature === 'expense')
  return {
    chart: new Map(chart.map((account) => [account.number, account])),
    categories,
    defaultNumber: categories.find((account) => account.role === undefined)?.number,
  }
}

function byCategory(accounts: ExpenseAccounts, category: string): string {
  const wanted = category.trim().toLowerCase()
  const found = accounts.categories.find(
    (account) => account.name.toLowerCase() === wanted || account.number === wanted,
  )
  if (!found)
    throw invalidField(
      'category',
      `no incoming category ${JSON.stringify(category)}; see /incoming-categories`,
    )
  return found.number
}

function explicit(accounts: ExpenseAccounts, fields: WireStrings): string | undefined {
  const number = fields.expense_account_number
  if (number) {
    if (!accounts.chart.has(number))
      throw invalidField('expense_account_number', `account ${number} is not in the chart of accounts`)
    return number
  }
  return fields.category ? byCategory(accounts, fields.category) : undefined
}

/** The account an item's cost is booked to (see the file comment for the order). */
export function accountOf(accounts: ExpenseAccounts, item: WireStrings, incoming: WireStrings): string {
  const number = explicit(accounts, item) ?? explicit(accounts, incoming) ?? accounts.defaultNumber
  if (!number)
    throw invalidField(
      'expense_account_number',
      'the chart has no expense account; give expense_account_number',
    )
  return number
}
