// /v2/daybooks, /v2/daybookTransactions and /v2/daybookTransactionLines: entries written by hand.
// A transaction is saved as a draft or approved; approving posts one balanced entry (Billy answers
// 422 to lines whose debits and credits differ), `state: "voided"` reverses it. Lines are given
// with the transaction and fixed from then on, as the seed marks them immutable.

import { removeBalanceAccounts } from '../../../core/daybooks/daybook-balance-accounts.ts'
import {
  getDaybooks,
  getDaybookTransactions,
  listDaybooks,
  listDaybookTransactions,
} from '../../../core/daybooks/list-daybooks.ts'
import { voidDaybookTransaction } from '../../../core/daybooks/post-daybook-transaction.ts'
import { createDaybook, deleteDaybook, updateDaybook } from '../../../core/daybooks/save-daybook.ts'
import {
  createDaybookTransaction,
  deleteDaybookTransaction,
  updateDaybookTransaction,
} from '../../../core/daybooks/save-daybook-transaction.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { DomainError, invalidField } from '../../../domain/errors.ts'
import {
  type Changes,
  mergeChanges,
  type RequestContext,
  type Resource,
  type WireInput,
} from '../engine/resource.ts'
import { accountOfId, chartOf, checkOrganization, definedOnly, flag, ref, text, textPatch } from './common.ts'
import { replaceBalanceAccounts } from './daybook-balance-accounts.ts'
import { daybookHeaderOf, daybookLinesOf } from './daybook-input.ts'
import {
  DAYBOOK_DEF,
  DAYBOOK_LINE_DEF,
  DAYBOOK_TRANSACTION_DEF,
  daybookLineToWire,
  daybookToWire,
  lineId,
  transactionToWire,
} from './daybook-wire.ts'
import { saveWithAttachments, withAttachmentsRemoved } from './files.ts'

const NONE: Changes = { changed: [], deleted: [] }

function transactionChanges(id: string, lineCount: number, input: WireInput): Changes {
  const lines = input.children.lines ?? []
  return {
    changed: [
      ref('daybookTransaction', id, input.clientId),
      ...Array.from({ length: lineCount }, (_, index) =>
        ref('daybookTransactionLine', lineId(id, index + 1), lines[index]?.clientId),
      ),
    ],
    deleted: [],
  }
}

async function createTransaction(context: RequestContext, input: WireInput): Promise<Changes> {
  checkOrganization(context, input)
  const state = input.values.state ?? 'draft'
  if (state === 'voided') throw invalidField('state', 'a transaction is created as draft or approved')
  const lines = await daybookLinesOf(context, input.children.lines ?? [])
  const saved = await createDaybookTransaction(
    context.core,
    context.tenant,
    { ...daybookHeaderOf(input), lines },
    { approve: state === 'approved' },
  )
  return transactionChanges(saved.transactionId, saved.lines.length, input)
}

async function updateTransaction(context: RequestContext, id: string, input: WireInput): Promise<Changes> {
  const [current] = await getDaybookTransactions(context.core, context.tenant, [id])
  if (!current) throw invalidField('id', `daybook transaction ${id} does not exist`)
  const state = input.values.state
  const edits = Object.keys(input.values).filter((name) => name !== 'state' && name !== 'organizationId')
  if (current.state === 'draft') {
    if (state === 'voided') throw invalidField('state', 'a draft is deleted, not voided')
    if (edits.length > 0 || state === 'approved')
      await updateDaybookTransaction(context.core, context.tenant, id, daybookHeaderOf(input), {
        approve: state === 'approved',
      })
  } else {
    const [edited] = edits
    if (edited)
      throw new DomainError('wrong_state', `the transaction is ${current.state}; only its state can change`, {
        field: edited,
      })
    if (state === 'draft')
      throw new DomainError('wrong_state', 'an approved transaction cannot go back to draft', {
        field: 'state',
      })
    if (state === 'voided') await voidDaybookTransaction(context.core, context.tenant, id)
  }
  return transactionChanges(id, current.lines.length, input)
}

export const daybooks: Resource = {
  def: DAYBOOK_DEF,
  store: {
    fieldNames: {
      defaultContraAccountNumber: 'defaultContraAccountId',
      isSummaryEnabled: 'isTransactionSummaryEnabled',
    },
    async load(context, ids) {
      return Promise.all(
        (await getDaybooks(context.core, context.tenant, ids)).map((daybook) =>
          daybookToWire(context, daybook),
        ),
      )
    },
    async list(context, query) {
      const page = await listDaybooks(context.core, context.tenant, {
        limit: query.limit,
        offset: query.offset,
        orderBy: [{ field: 'name', direction: 'asc' }],
      })
      return {
        records: await Promise.all(page.items.map((daybook) => daybookToWire(context, daybook))),
        total: page.totalCount,
      }
    },
    async create(context, input) {
      checkOrganization(context, input)
      const contraId = text(input, 'defaultContraAccountId')
      const daybook = await createDaybook(context.core, context.tenant, {
        name: text(input, 'name') ?? '',
        isSummaryEnabled: flag(input, 'isTransactionSummaryEnabled') ?? false,
        defaultContraAccountNumber: contraId
          ? (await accountOfId(context, contraId, 'defaultContraAccountId')).number
          : null,
      })
      const children = input.children.balanceAccounts
      const balance = children
        ? await replaceBalanceAccounts(context, daybook.daybookId, children)
        : undefined
      return mergeChanges(
        { changed: [ref('daybook', daybook.daybookId, input.clientId)], deleted: [] },
        balance ?? NONE,
      )
    },
    async update(context, id, input) {
      const contraId = textPatch(input, 'defaultContraAccountId')
      const contra = contraId
        ? (await accountOfId(context, contraId, 'defaultContraAccountId')).number
        : contraId
      await updateDaybook(
        context.core,
        context.tenant,
        id,
        definedOnly({
          name: text(input, 'name') ?? undefined,
          isSummaryEnabled: flag(input, 'isTransactionSummaryEnabled'),
          defaultContraAccountNumber: contra,
        }),
      )
      const children = input.children.balanceAccounts
      const balance = children ? await replaceBalanceAccounts(context, id, children) : undefined
      return mergeChanges({ changed: [ref('daybook', id, input.clientId)], deleted: [] }, balance ?? NONE)
    },
    async delete(context, id) {
      const removed = await removeBalanceAccounts(context.core, context.tenant, { daybookIds: [id] })
      const existed = await deleteDaybook(context.core, context.tenant, id)
      return {
        changed: [],
        deleted: existed
          ? [ref('daybook', id), ...removed.map((removedId) => ref('daybookBalanceAccount', removedId))]
          : [],
      }
    },
  },
}

function transactionFilters(filters: Readonly<Record<string, readonly string[]>>): Filter[] {
  const result: Filter[] = []
  for (const name of ['daybookId', 'apiType', 'state'] as const) {
    const values = filters[name]
    if (values) result.push({ field: name, op: 'in', value: values })
  }
  if (filters.minEntryDate?.[0])
    result.push({ field: 'entryDate', op: 'gte', value: filters.minEntryDate[0] })
  if (filters.maxEntryDate?.[0])
    result.push({ field: 'entryDate', op: 'lte', value: filters.maxEntryDate[0] })
  return result
}

const TRANSACTION_SORT: Readonly<Record<string, string>> = {
  priority: 'priority',
  entryDate: 'entryDate',
  createdTime: 'createdAt',
}

export const daybookTransactions: Resource = {
  def: DAYBOOK_TRANSACTION_DEF,
  store: {
    fieldNames: {
      'lines.*.amount': 'amount',
      'lines.*.accountNumber': 'accountId',
      'lines.*.contraAccountNumber': 'contraAccountId',
      'lines.*.currency': 'currencyId',
    },
    async load(context, ids) {
      return (await getDaybookTransactions(context.core, context.tenant, ids)).map((transaction) =>
        transactionToWire(context, transaction),
      )
    },
    async list(context, query) {
      const q = query.q
      const page = await listDaybookTransactions(context.core, context.tenant, {
        filters: transactionFilters(query.filters),
        ...(q
          ? {
              anyOf: ['description', 'extendedDescription', 'voucherNo'].map((field) => [
                { field, op: 'contains' as const, value: q, caseInsensitive: true },
              ]),
            }
          : {}),
        orderBy: query.sort
          ? [{ field: TRANSACTION_SORT[query.sort.property] ?? 'createdAt', direction: query.sort.direction }]
          : [],
        limit: query.limit,
        offset: query.offset,
      })
      return {
        records: page.items.map((transaction) => transactionToWire(context, transaction)),
        total: page.totalCount,
      }
    },
    create: (context, input) =>
      saveWithAttachments(
        context,
        { resource: 'daybookTransaction', type: 'daybook_transaction' },
        input,
        (rest) => createTransaction(context, rest),
      ),
    update: updateTransaction,
    async delete(context, id) {
      const [current] = await getDaybookTransactions(context.core, context.tenant, [id])
      const existed = await deleteDaybookTransaction(context.core, context.tenant, id)
      const lines = (current?.lines ?? []).map((line) =>
        ref('daybookTransactionLine', lineId(id, line.lineNo)),
      )
      return withAttachmentsRemoved(context, id, {
        changed: [],
        deleted: existed ? [ref('daybookTransaction', id), ...lines] : [],
      })
    },
  },
}

export const daybookTransactionLines: Resource = {
  def: DAYBOOK_LINE_DEF,
  store: {
    async load(context, ids) {
      const transactionIds = [...new Set(ids.map((id) => id.split('.')[0] ?? ''))]
      const wanted = new Set(ids)
      return (await daybookLineRecords(context, transactionIds)).filter((line) => wanted.has(line.id))
    },
    byParent: (context, _inverse, transactionIds) => daybookLineRecords(context, transactionIds),
    async list(context, query) {
      const transactionIds = query.filters.daybookTransactionId
      if (!transactionIds)
        throw invalidField(
          'daybookTransactionId',
          'lines are listed per transaction: give daybookTransactionId',
        )
      const lines = await daybookLineRecords(context, transactionIds)
      return { records: lines.slice(query.offset, query.offset + query.limit), total: lines.length }
    },
  },
}

async function daybookLineRecords(context: RequestContext, transactionIds: readonly string[]) {
  const transactions = await getDaybookTransactions(context.core, context.tenant, transactionIds)
  const chart = await chartOf(context)
  return transactions.flatMap((transaction) =>
    transaction.lines.map((line) => daybookLineToWire(transaction.transactionId, line, chart)),
  )
}
