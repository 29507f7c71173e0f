// Adds, edits and removes accounts of an organization's chart. The invariant it protects: the
// accounts posting rules depend on (those with a role) keep their number and nature and are never
// removed, and an account with postings is never renumbered or removed, so every posted line
// keeps pointing at the account it was posted to.

import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { type AccountNature, isAccountNature, parseAccountNumber } from '../../domain/ledger/account.ts'
import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { type LedgerAccount, loadAccounts } from './account-record.ts'

export type AccountInput = Readonly<{
  number?: string | number
  name?: string
  nature?: AccountNature
  isArchived?: boolean
  extra?: Readonly<Record<string, unknown>>
}>

function checkName(name: string | undefined): string {
  const trimmed = (name ?? '').trim()
  if (trimmed === '') throw invalidField('name', 'an account needs a name')
  if (trimmed.length > 255) throw invalidField('name', 'name must be at most 255 characters')
  return trimmed
}

async function numberTaken(tx: Tx, organizationId: string, number: string): Promise<boolean> {
  const row = await tx
    .selectFrom('accounts')
    .select('account_id')
    .where('organization_id', '=', organizationId)
    .where('account_number', '=', number)
    .executeTakeFirst()
  return row !== undefined
}

async function hasPostings(tx: Tx, organizationId: string, number: string): Promise<boolean> {
  const row = await tx
    .selectFrom('journal_lines')
    .select('entry_id')
    .where('organization_id', '=', organizationId)
    .where('account_number', '=', number)
    .executeTakeFirst()
  return row !== undefined
}

export async function createAccount(
  context: CoreContext,
  tenant: Tenant,
  input: AccountInput,
): Promise<LedgerAccount> {
  const number = parseAccountNumber(input.number, 'number')
  const name = checkName(input.name)
  if (!isAccountNature(input.nature))
    throw invalidField('nature', 'nature must be asset, liability, equity, revenue or expense')
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    if (await numberTaken(tx, org, number))
      throw new DomainError('conflict', `account number ${number} is already used`, { field: 'number' })
    const accountId = newId()
    await tx
      .insertInto('accounts')
      .values({
        organization_id: org,
        account_id: accountId,
        account_number: number,
        name,
        nature: input.nature as AccountNature,
        role: null,
        vat_rate_percent: null,
        is_archived: input.isArchived ?? false,
        extra: JSON.stringify(input.extra ?? {}),
        created_at: nowIso(context),
      })
      .execute()
    const [account] = await loadAccounts(tx, org, { ids: [accountId] })
    if (!account) throw new Error('created account vanished inside its own transaction')
    return account
  })
}

export async function updateAccount(
  context: CoreContext,
  tenant: Tenant,
  accountId: string,
  input: AccountInput,
): Promise<LedgerAccount> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const [current] = await loadAccounts(tx, org, { ids: [accountId] })
    if (!current) throw notFound('account', accountId)
    const number = input.number === undefined ? current.number : parseAccountNumber(input.number, 'number')
    if (input.nature !== undefined && input.nature !== current.nature)
      throw invalidField('nature', 'the nature of an account cannot be changed')
    if (number !== current.number) {
      if (current.role || (await hasPostings(tx, org, current.number)))
        throw new DomainError('conflict', `account ${current.number} is in use and keeps its number`, {
          field: 'number',
        })
      if (await numberTaken(tx, org, number))
        throw new DomainError('conflict', `account number ${number} is already used`, { field: 'number' })
    }
    if (input.isArchived === true && current.role)
      throw new DomainError(
        'conflict',
        `account ${current.number} is used by the posting rules and cannot be archived`,
        {
          field: 'isArchived',
        },
      )
    await tx
      .updateTable('accounts')
      .set({
        account_number: number,
        name: input.name === undefined ? current.name : checkName(input.name),
        is_archived: input.isArchived ?? current.isArchived,
        extra: JSON.stringify({ ...current.extra, ...input.extra }),
      })
      .where('organization_id', '=', org)
      .where('account_id', '=', accountId)
      .execute()
    const [account] = await loadAccounts(tx, org, { ids: [accountId] })
    if (!account) throw new Error('updated account vanished inside its own transaction')
    return account
  })
}

/** Removes an unused account; answers whether it existed, since a repeated delete is not an error. */
export async function deleteAccount(
  context: CoreContext,
  tenant: Tenant,
  accountId: string,
): Promise<boolean> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const [current] = await loadAccounts(tx, org, { ids: [accountId] })
    if (!current) return false
    if (current.role || (await hasPostings(tx, org, current.number)))
      throw new DomainError(
        'conflict',
        `account ${current.number} is in use and cannot be deleted; archive it`,
        {
          field: 'id',
        },
      )
    await tx
      .deleteFrom('accounts')
      .where('organization_id', '=', org)
      .where('account_id', '=', accountId)
      .execute()
    return true
  })
}
