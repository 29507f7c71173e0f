// Creates, renames and removes daybooks, the books manual entries are written in. A daybook that
// holds transactions is kept: its entries must still say where they were written.

import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { parseAccountNumber } from '../../domain/ledger/account.ts'
import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { type Daybook, daybookFromRow } from './daybook-record.ts'

export type DaybookInput = Readonly<{
  name?: string
  isSummaryEnabled?: boolean
  defaultContraAccountNumber?: string | null
  extra?: Readonly<Record<string, unknown>>
}>

async function checkInput(tx: Tx, organizationId: string, input: DaybookInput): Promise<void> {
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > 255))
    throw invalidField('name', 'a daybook needs a name of at most 255 characters')
  const number = input.defaultContraAccountNumber
  if (number) {
    const account = await tx
      .selectFrom('accounts')
      .select('account_id')
      .where('organization_id', '=', organizationId)
      .where('account_number', '=', parseAccountNumber(number, 'defaultContraAccountNumber'))
      .executeTakeFirst()
    if (!account) throw invalidField('defaultContraAccountNumber', `account ${number} does not exist`)
  }
}

async function loadDaybook(tx: Tx, organizationId: string, daybookId: string): Promise<Daybook | undefined> {
  const row = await tx
    .selectFrom('daybooks')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('daybook_id', '=', daybookId)
    .executeTakeFirst()
  return row ? daybookFromRow(row) : undefined
}

export async function createDaybook(
  context: CoreContext,
  tenant: Tenant,
  input: DaybookInput,
): Promise<Daybook> {
  if (input.name === undefined) throw invalidField('name', 'a daybook needs a name')
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    await checkInput(tx, org, input)
    const daybookId = newId()
    await tx
      .insertInto('daybooks')
      .values({
        organization_id: org,
        daybook_id: daybookId,
        name: (input.name ?? '').trim(),
        is_summary_enabled: input.isSummaryEnabled ?? false,
        default_contra_account_number: input.defaultContraAccountNumber ?? null,
        extra: JSON.stringify(input.extra ?? {}),
        created_at: nowIso(context),
      })
      .execute()
    return (await loadDaybook(tx, org, daybookId)) as Daybook
  })
}

export async function updateDaybook(
  context: CoreContext,
  tenant: Tenant,
  daybookId: string,
  input: DaybookInput,
): Promise<Daybook> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const current = await loadDaybook(tx, org, daybookId)
    if (!current) throw notFound('daybook', daybookId)
    await checkInput(tx, org, input)
    await tx
      .updateTable('daybooks')
      .set({
        name: input.name?.trim() ?? current.name,
        is_summary_enabled: input.isSummaryEnabled ?? current.isSummaryEnabled,
        default_contra_account_number:
          input.defaultContraAccountNumber === undefined
            ? current.defaultContraAccountNumber
            : input.defaultContraAccountNumber,
        extra: JSON.stringify({ ...current.extra, ...input.extra }),
      })
      .where('organization_id', '=', org)
      .where('daybook_id', '=', daybookId)
      .execute()
    return (await loadDaybook(tx, org, daybookId)) as Daybook
  })
}

/** Removes an empty daybook; answers whether it existed, since a repeated delete is not an error. */
export async function deleteDaybook(
  context: CoreContext,
  tenant: Tenant,
  daybookId: string,
): Promise<boolean> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    if (!(await loadDaybook(tx, org, daybookId))) return false
    const used = await tx
      .selectFrom('daybook_transactions')
      .select('transaction_id')
      .where('organization_id', '=', org)
      .where('daybook_id', '=', daybookId)
      .executeTakeFirst()
    if (used)
      throw new DomainError('conflict', 'the daybook holds transactions and cannot be deleted', {
        field: 'id',
      })
    await tx
      .deleteFrom('daybooks')
      .where('organization_id', '=', org)
      .where('daybook_id', '=', daybookId)
      .execute()
    return true
  })
}
