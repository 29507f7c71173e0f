// /v2/daybookBalanceAccounts: the accounts a daybook watches, saved on their own or embedded in
// their daybook as `balanceAccounts` (which replaces the daybook's list, as has-many saves do).

import {
  addBalanceAccount,
  type BalanceAccount,
  getBalanceAccounts,
  removeBalanceAccounts,
  setBalanceAccountPriority,
} from '../../../core/daybooks/daybook-balance-accounts.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { listInMemory } from '../engine/static-store.ts'
import { accountIdOfNumber, accountOfId, ref, text } from './common.ts'

async function toWire(context: RequestContext, account: BalanceAccount): Promise<WireRecord> {
  return {
    id: account.balanceAccountId,
    daybookId: account.daybookId,
    accountId: await accountIdOfNumber(context, account.accountNumber),
    priority: account.priority,
  }
}

async function add(context: RequestContext, daybookId: string, input: WireInput): Promise<string> {
  const accountId = text(input, 'accountId') ?? ''
  const account = await accountOfId(context, accountId, 'accountId')
  const saved = await addBalanceAccount(context.core, context.tenant, daybookId, {
    accountNumber: account.number,
    ...(typeof input.values.priority === 'number' ? { priority: input.values.priority } : {}),
  })
  return saved.balanceAccountId
}

/** Replaces a daybook's balance accounts with the embedded ones, as the daybook's save asks. */
export async function replaceBalanceAccounts(
  context: RequestContext,
  daybookId: string,
  children: readonly WireInput[],
): Promise<Changes> {
  const removed = await removeBalanceAccounts(context.core, context.tenant, { daybookIds: [daybookId] })
  const changed = []
  for (const child of children)
    changed.push(ref('daybookBalanceAccount', await add(context, daybookId, child), child.clientId))
  return { changed, deleted: removed.map((id) => ref('daybookBalanceAccount', id)) }
}

export const daybookBalanceAccounts: Resource = {
  def: {
    singular: 'daybookBalanceAccount',
    plural: 'daybookBalanceAccounts',
    properties: {
      daybookId: { type: 'id', resource: 'daybook', access: 'immutable', required: true },
      accountId: { type: 'id', resource: 'account', access: 'immutable', required: true },
      priority: { type: 'integer', required: true },
    },
    operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
    filters: { daybookId: { type: 'string' } },
    sortable: ['priority'],
  },
  store: {
    fieldNames: { accountNumber: 'accountId' },
    async load(context, ids) {
      const found = await getBalanceAccounts(context.core, context.tenant, { ids })
      return Promise.all(found.map((account) => toWire(context, account)))
    },
    async byParent(context, _inverse, daybookIds) {
      const found = await getBalanceAccounts(context.core, context.tenant, { daybookIds })
      return Promise.all(found.map((account) => toWire(context, account)))
    },
    async list(context, query) {
      const daybookIds = query.filters.daybookId
      const found = await getBalanceAccounts(context.core, context.tenant, daybookIds ? { daybookIds } : {})
      const records = await Promise.all(found.map((account) => toWire(context, account)))
      return listInMemory(records, { ...query, filters: {} }, [])
    },
    async create(context, input) {
      const id = await add(context, text(input, 'daybookId') ?? '', input)
      return { changed: [ref('daybookBalanceAccount', id, input.clientId)], deleted: [] }
    },
    async update(context, id, input) {
      const priority = input.values.priority
      if (typeof priority === 'number')
        await setBalanceAccountPriority(context.core, context.tenant, id, priority)
      else if (priority === null) throw invalidField('priority', 'priority is required')
      return { changed: [ref('daybookBalanceAccount', id, input.clientId)], deleted: [] }
    },
    async delete(context, id) {
      const removed = await removeBalanceAccounts(context.core, context.tenant, { ids: [id] })
      return { changed: [], deleted: removed.map((removedId) => ref('daybookBalanceAccount', removedId)) }
    },
  },
}
