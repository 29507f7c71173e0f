// /v2/transactions and /v2/postings: the core ledger, read-only, as Billy shows it. A transaction
// is one journal entry and names the document that posted it (`originatorReference`); a posting is
// one line, always a positive amount on a side. Entries undone by a reversal, and the reversals
// themselves, are `isVoided`, so summing the postings that are not void gives every balance.

import { bankMatchedEntries } from '../../../core/bank/approve-bank-match.ts'
import type { LedgerEntryHeader } from '../../../core/ledger/list-ledger.ts'
import {
  getLedgerEntries,
  type LedgerEntry,
  type LedgerLine,
  listLedgerEntries,
  listLedgerLines,
} from '../../../core/ledger/list-ledger.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { ListQuery, RequestContext, Resource, WireRecord } from '../engine/resource.ts'
import { moneyNumber, wireTime } from '../engine/wire-values.ts'
import { accountIdOfNumber, chartOf, ORGANIZATION } from './common.ts'
import { settledReturnsOf } from './sales-tax-returns.ts'

/** The Billy resource a ledger source is shown as. */
const ORIGINATORS: Readonly<Record<string, string>> = {
  invoice: 'invoice',
  credit_note: 'invoice',
  write_off: 'invoice',
  cancellation: 'invoice',
  reinstatement: 'invoice',
  payment: 'bankPayment',
  payment_void: 'bankPayment',
  // The core's dunning charges (a reminder's fee, compensation, interest) post under the invoice they raise.
  dunning_reminderFee: 'invoice',
  dunning_compensation: 'invoice',
  dunning_interest: 'invoice',
  late_fee: 'invoiceLateFee',
  late_fee_void: 'invoiceLateFee',
  bill: 'bill',
  bill_void: 'bill',
  daybook_transaction: 'daybookTransaction',
  daybook_transaction_void: 'daybookTransaction',
  contact_balance_payment: 'contactBalancePayment',
  contact_balance_payment_void: 'contactBalancePayment',
  vat_settlement: 'salesTaxReturn',
  vat_settlement_void: 'salesTaxReturn',
  vat_payment: 'salesTaxPayment',
  vat_payment_void: 'salesTaxPayment',
}

export function originatorOf(entry: LedgerEntryHeader): string {
  return `${ORIGINATORS[entry.sourceType] ?? entry.sourceType}:${entry.sourceId}`
}

function sourceFilter(reference: string): Filter[] {
  const [type = '', id = ''] = reference.split(/:(.*)/s)
  const sourceTypes = Object.entries(ORIGINATORS)
    .filter(([, shown]) => shown === type)
    .map(([source]) => source)
  if (!id || sourceTypes.length === 0)
    throw invalidField('originatorReference', `no document posts as ${JSON.stringify(reference)}`)
  return [
    { field: 'sourceType', op: 'in', value: sourceTypes },
    { field: 'sourceId', op: 'eq', value: id },
  ]
}

export function postingId(entryId: string, lineNo: number): string {
  return `${entryId}.${lineNo}`
}

/** The entries approved bank matches reconciled, read once per request. */
async function bankMatchedOf(context: RequestContext): Promise<ReadonlyMap<string, string>> {
  const cached = context.cache.get('bankMatched') as ReadonlyMap<string, string> | undefined
  if (cached) return cached
  const matched = await bankMatchedEntries(context.core, context.tenant)
  context.cache.set('bankMatched', matched)
  return matched
}

/** The settled VAT return a posting belongs to: its settlement, or a VAT posting in its period. */
async function salesTaxReturnIdOf(
  context: RequestContext,
  entry: LedgerEntryHeader,
  line: LedgerLine,
): Promise<string | null> {
  const settled = await settledReturnsOf(context)
  if (entry.sourceType === 'vat_settlement')
    return !entry.isVoid && settled.some((item) => item.returnId === entry.sourceId) ? entry.sourceId : null
  const account = (await chartOf(context)).find((item) => item.number === line.accountNumber)
  if (account?.role !== 'outputVat' && account?.role !== 'inputVat') return null
  const found = settled.find((item) => item.startDate <= entry.entryDate && entry.entryDate <= item.endDate)
  return found?.returnId ?? null
}

export async function postingToWire(
  context: RequestContext,
  entry: LedgerEntryHeader,
  line: LedgerLine,
): Promise<WireRecord> {
  const debit = line.debitMinor > 0n
  return {
    id: postingId(entry.entryId, line.lineNo),
    organizationId: context.tenant.organizationId,
    transactionId: entry.entryId,
    entryDate: entry.entryDate,
    text: line.description ?? entry.description,
    accountId: await accountIdOfNumber(context, line.accountNumber),
    amount: moneyNumber(debit ? line.debitMinor : line.creditMinor, entry.currency),
    side: debit ? 'debit' : 'credit',
    currencyId: entry.currency,
    salesTaxReturnId: await salesTaxReturnIdOf(context, entry, line),
    isVoided: entry.isVoid,
    isBankMatched: (await bankMatchedOf(context)).get(entry.entryId) === line.accountNumber,
    priority: line.lineNo,
  }
}

function transactionToWire(context: RequestContext, entry: LedgerEntry): WireRecord {
  return {
    id: entry.entryId,
    organizationId: context.tenant.organizationId,
    transactionNo: Number(entry.entryNo),
    voucherNo: null,
    createdTime: wireTime(entry.createdAt),
    entryDate: entry.entryDate,
    originatorReference: originatorOf(entry),
    originatorName: entry.description,
    isVoided: entry.isVoid,
    isVoid: entry.reversesEntryId !== null,
  }
}

export function entryFilters(query: ListQuery): Filter[] {
  const f = query.filters
  const filters: Filter[] = []
  if (f.originatorReference?.[0]) filters.push(...sourceFilter(f.originatorReference[0]))
  if (f.isVoided) filters.push({ field: 'isVoid', op: 'eq', value: f.isVoided[0] === 'true' })
  if (f.minEntryDate?.[0]) filters.push({ field: 'entryDate', op: 'gte', value: f.minEntryDate[0] })
  if (f.maxEntryDate?.[0]) filters.push({ field: 'entryDate', op: 'lte', value: f.maxEntryDate[0] })
  if (f.transactionId) filters.push({ field: 'entryId', op: 'in', value: f.transactionId })
  if (f.currencyId) filters.push({ field: 'currency', op: 'in', value: f.currencyId })
  return filters
}

const LEDGER_FILTERS = {
  originatorReference: { type: 'reference' },
  isVoided: { type: 'boolean' },
  minEntryDate: { type: 'date' },
  maxEntryDate: { type: 'date' },
  currencyId: { type: 'string' },
} as const

function orderOf(query: ListQuery) {
  if (!query.sort) return []
  const field = query.sort.property === 'entryDate' ? 'entryDate' : 'createdAt'
  return [{ field, direction: query.sort.direction }]
}

export const transactions: Resource = {
  def: {
    singular: 'transaction',
    plural: 'transactions',
    properties: {
      organizationId: ORGANIZATION,
      transactionNo: { type: 'integer', access: 'readonly' },
      voucherNo: { type: 'string', access: 'readonly' },
      createdTime: { type: 'datetime', access: 'readonly' },
      entryDate: { type: 'date', access: 'readonly' },
      originatorReference: { type: 'reference', access: 'readonly' },
      originatorName: { type: 'string', access: 'readonly' },
      isVoided: { type: 'boolean', access: 'readonly' },
      isVoid: { type: 'boolean', access: 'readonly' },
    },
    hasMany: { postings: { resource: 'posting', inverse: 'transactionId', save: 'readonly' } },
    operations: ['get', 'list'],
    filters: LEDGER_FILTERS,
    sortable: ['entryDate', 'createdTime'],
  },
  store: {
    async load(context, ids) {
      const entries = await getLedgerEntries(context.core, context.tenant, { ids })
      return entries.map((entry) => transactionToWire(context, entry))
    },
    async list(context, query) {
      const page = await listLedgerEntries(context.core, context.tenant, {
        filters: entryFilters(query),
        orderBy: orderOf(query),
        limit: query.limit,
        offset: query.offset,
      })
      return { records: page.items.map((entry) => transactionToWire(context, entry)), total: page.totalCount }
    },
  },
}

async function entryPostings(
  context: RequestContext,
  entries: readonly LedgerEntry[],
): Promise<WireRecord[]> {
  await chartOf(context)
  return Promise.all(
    entries.flatMap((entry) => entry.lines.map((line) => postingToWire(context, entry, line))),
  )
}

export const postings: Resource = {
  def: {
    singular: 'posting',
    plural: 'postings',
    properties: {
      organizationId: ORGANIZATION,
      transactionId: { type: 'id', resource: 'transaction', access: 'readonly' },
      entryDate: { type: 'date', access: 'readonly' },
      text: { type: 'string', access: 'readonly' },
      accountId: { type: 'id', resource: 'account', access: 'readonly' },
      amount: { type: 'float', access: 'readonly' },
      side: { type: 'enum', values: ['debit', 'credit'], access: 'readonly' },
      currencyId: { type: 'id', resource: 'currency', access: 'readonly' },
      salesTaxReturnId: { type: 'id', resource: 'salesTaxReturn', access: 'readonly' },
      isVoided: { type: 'boolean', access: 'readonly' },
      isBankMatched: { type: 'boolean', access: 'readonly' },
      priority: { type: 'integer', access: 'readonly' },
    },
    operations: ['get', 'list'],
    filters: { ...LEDGER_FILTERS, accountId: { type: 'string' }, transactionId: { type: 'string' } },
    sortable: ['entryDate', 'createdTime'],
  },
  store: {
    async load(context, ids) {
      const entryIds = ids.flatMap((id) => id.split('.')[0] ?? [])
      const wanted = new Set(ids)
      const entries = await getLedgerEntries(context.core, context.tenant, { ids: [...new Set(entryIds)] })
      return (await entryPostings(context, entries)).filter((posting) => wanted.has(posting.id))
    },
    async byParent(context, _inverse, transactionIds) {
      return entryPostings(
        context,
        await getLedgerEntries(context.core, context.tenant, { ids: transactionIds }),
      )
    },
    async list(context, query) {
      const filters = entryFilters(query)
      const accountIds = query.filters.accountId
      if (accountIds) {
        const chart = await chartOf(context)
        const numbers = chart
          .filter((account) => accountIds.includes(account.id))
          .map((account) => account.number)
        filters.push({ field: 'accountNumber', op: 'in', value: numbers })
      }
      const page = await listLedgerLines(context.core, context.tenant, {
        filters,
        orderBy: orderOf(query),
        limit: query.limit,
        offset: query.offset,
      })
      await chartOf(context)
      const records = await Promise.all(
        page.items.map((posting) => postingToWire(context, posting.entry, posting)),
      )
      return { records, total: page.totalCount }
    },
  },
}
