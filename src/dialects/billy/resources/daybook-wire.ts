// Daybooks, daybook transactions and their lines as Billy shows them, and their descriptions.

import type { Daybook, DaybookLine, DaybookTransaction } from '../../../core/daybooks/daybook-record.ts'
import type { LedgerAccount } from '../../../core/ledger/account-record.ts'
import type { RequestContext, ResourceDef, WireRecord } from '../engine/resource.ts'
import { moneyNumber, wireTime } from '../engine/wire-values.ts'
import { accountIdOfNumber, billyFieldsOf, CREATED_TIME, ORGANIZATION } from './common.ts'
import { taxRateIdOf } from './tax-rates.ts'

export function lineId(transactionId: string, lineNo: number): string {
  return `${transactionId}.${lineNo}`
}

export async function daybookToWire(context: RequestContext, daybook: Daybook): Promise<WireRecord> {
  return {
    id: daybook.daybookId,
    organizationId: context.tenant.organizationId,
    isTransactionSummaryEnabled: daybook.isSummaryEnabled,
    name: daybook.name,
    defaultContraAccountId: await accountIdOfNumber(context, daybook.defaultContraAccountNumber),
  }
}

export function transactionToWire(context: RequestContext, transaction: DaybookTransaction): WireRecord {
  return {
    id: transaction.transactionId,
    organizationId: context.tenant.organizationId,
    daybookId: transaction.daybookId,
    createdTime: wireTime(transaction.createdAt),
    entryDate: transaction.entryDate,
    voucherNo: transaction.voucherNo,
    description: transaction.description,
    extendedDescription: transaction.extendedDescription,
    apiType: transaction.apiType,
    state: transaction.state,
    priority: transaction.priority,
  }
}

export function daybookLineToWire(
  transactionId: string,
  line: DaybookLine,
  chart: readonly LedgerAccount[],
): WireRecord {
  const idOf = (number: string | null) =>
    number ? (chart.find((account) => account.number === number)?.id ?? null) : null
  return {
    id: lineId(transactionId, line.lineNo),
    daybookTransactionId: transactionId,
    text: line.text,
    accountId: idOf(line.accountNumber),
    accountNo: Number(line.accountNumber),
    taxRateId: line.vat ? taxRateIdOf(line.vat, line.vat.direction) : null,
    contraAccountId: idOf(line.contraAccountNumber),
    amount: moneyNumber(line.amountMinor, line.currency),
    side: line.side,
    currencyId: line.currency,
    priority: (billyFieldsOf(line.extra).priority as number | undefined) ?? line.lineNo,
  }
}

export const DAYBOOK_DEF: ResourceDef = {
  singular: 'daybook',
  plural: 'daybooks',
  properties: {
    organizationId: ORGANIZATION,
    isTransactionSummaryEnabled: { type: 'boolean' },
    name: { type: 'string', required: true },
    defaultContraAccountId: { type: 'id', resource: 'account' },
  },
  hasMany: {
    balanceAccounts: { resource: 'daybookBalanceAccount', inverse: 'daybookId', save: 'replace' },
  },
  operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
}

export const DAYBOOK_TRANSACTION_DEF: ResourceDef = {
  singular: 'daybookTransaction',
  plural: 'daybookTransactions',
  properties: {
    organizationId: ORGANIZATION,
    daybookId: { type: 'id', resource: 'daybook' },
    createdTime: CREATED_TIME,
    entryDate: { type: 'date', access: 'immutable', required: true },
    voucherNo: { type: 'string' },
    description: { type: 'string' },
    extendedDescription: { type: 'string' },
    apiType: { type: 'string' },
    state: { type: 'enum', values: ['draft', 'approved', 'voided'] },
    priority: { type: 'integer' },
  },
  hasMany: {
    lines: { resource: 'daybookTransactionLine', inverse: 'daybookTransactionId', save: 'create' },
    attachments: { resource: 'attachment', inverse: 'ownerReference', save: 'create' },
  },
  operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
  filters: {
    daybookId: { type: 'string' },
    apiType: { type: 'string' },
    state: { type: 'enum', values: ['draft', 'approved', 'voided'] },
    minEntryDate: { type: 'date' },
    maxEntryDate: { type: 'date' },
  },
  sortable: ['priority', 'entryDate', 'createdTime'],
  search: true,
}

export const DAYBOOK_LINE_DEF: ResourceDef = {
  singular: 'daybookTransactionLine',
  plural: 'daybookTransactionLines',
  properties: {
    daybookTransactionId: { type: 'id', resource: 'daybookTransaction', access: 'immutable', required: true },
    text: { type: 'string' },
    accountId: {
      type: 'id',
      resource: 'account',
      access: 'immutable',
      description: 'Either accountId or accountNo.',
    },
    accountNo: { type: 'integer', access: 'immutable' },
    taxRateId: { type: 'id', resource: 'taxRate', access: 'immutable' },
    contraAccountId: { type: 'id', resource: 'account', access: 'immutable' },
    amount: { type: 'float', access: 'immutable', required: true },
    side: { type: 'enum', values: ['debit', 'credit'], access: 'immutable', required: true },
    currencyId: { type: 'id', resource: 'currency', access: 'immutable' },
    priority: { type: 'integer' },
  },
  operations: ['get', 'list'],
  filters: { daybookTransactionId: { type: 'string' } },
}
