// An organization's chart of accounts as the posting rules see it, and the lookup from role (and
// VAT rate) to account. The invariant it protects: every role resolves to exactly one account of a
// fitting nature, so a posting rule never guesses where money goes.

import { DomainError } from '../errors.ts'
import {
  ACCOUNT_ROLES,
  type Account,
  type AccountRole,
  canonicalVatRatePercent,
  ROLE_NATURES,
} from './account.ts'

/** All accounts of one organization (archived ones included: old entries still point at them). */
export type ChartOfAccounts = readonly Account[]

const RATE_ROLES: readonly AccountRole[] = ['revenue', 'outputVat', 'inputVat']

/** Roles a chart may leave out: without a VAT settlement account, VAT periods are not settled. */
const OPTIONAL_ROLES: readonly AccountRole[] = ['vatSettlement']

/**
 * The account for `role`: the one for `vatRatePercent` when the chart has one, otherwise the role's
 * default (its account without a rate). A chart missing the role is the organization's setup, not
 * the request, to blame; it is refused as a conflict with the role named.
 */
export function accountForRole(chart: ChartOfAccounts, role: AccountRole, vatRatePercent?: string): Account {
  const rate = vatRatePercent === undefined ? undefined : canonicalVatRatePercent(vatRatePercent)
  const forRate =
    rate === undefined ? undefined : chart.find((a) => a.role === role && a.vatRatePercent === rate)
  const account = forRate ?? chart.find((a) => a.role === role && a.vatRatePercent === undefined)
  if (account === undefined) {
    throw new DomainError('conflict', `the chart of accounts has no account for the role ${role}`, { role })
  }
  return account
}

export function accountNumberForRole(
  chart: ChartOfAccounts,
  role: AccountRole,
  vatRatePercent?: string,
): string {
  return accountForRole(chart, role, vatRatePercent).number
}

export function findAccount(chart: ChartOfAccounts, accountNumber: string): Account | undefined {
  return chart.find((account) => account.number === accountNumber)
}

/** Everything wrong with a chart, in words; empty when posting rules can use it. */
export function chartProblems(chart: ChartOfAccounts): readonly string[] {
  const problems: string[] = []
  const numbers = new Set<string>()
  const roleKeys = new Set<string>()
  for (const account of chart) {
    if (numbers.has(account.number)) problems.push(`account ${account.number} appears twice`)
    numbers.add(account.number)
    if (account.role === undefined) {
      if (account.vatRatePercent !== undefined)
        problems.push(`account ${account.number} has a rate but no role`)
      continue
    }
    const natures: readonly string[] = ROLE_NATURES[account.role]
    if (!natures.includes(account.nature)) {
      problems.push(
        `account ${account.number} is ${account.nature} but ${account.role} needs ${natures.join(' or ')}`,
      )
    }
    if (account.vatRatePercent !== undefined && !RATE_ROLES.includes(account.role)) {
      problems.push(`account ${account.number} has a VAT rate but ${account.role} does not vary by rate`)
    }
    if (account.vatRatePercent !== undefined && !isCanonicalRate(account.vatRatePercent)) {
      problems.push(`account ${account.number} has the non-canonical rate ${account.vatRatePercent}`)
    }
    const key = `${account.role} ${account.vatRatePercent ?? 'default'}`
    if (roleKeys.has(key)) problems.push(`two accounts serve ${key}`)
    roleKeys.add(key)
  }
  for (const role of ACCOUNT_ROLES) {
    if (OPTIONAL_ROLES.includes(role)) continue
    if (!roleKeys.has(`${role} default`)) problems.push(`no default account for the role ${role}`)
  }
  return problems
}

function isCanonicalRate(rate: string): boolean {
  try {
    return canonicalVatRatePercent(rate) === rate
  } catch {
    return false
  }
}
