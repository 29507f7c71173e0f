// Bills and bill lines as Billy shows them, and their descriptions. A bill's `amount` is net,
// `tax` its VAT; `balance` is what the supplier is still owed.

import type { Bill, BillLine } from '../../../core/bills/bill-record.ts'
import type { RequestContext, ResourceDef, WireRecord } from '../engine/resource.ts'
import { decimalNumber, jsonNumber, moneyNumber, wireTime } from '../engine/wire-values.ts'
import { billyFieldsOf, CREATED_TIME, ORGANIZATION } from './common.ts'
import { taxRateIdOf } from './tax-rates.ts'

export function billLineKey(line: BillLine): string {
  const key = billyFieldsOf(line.extra).lineKey
  return typeof key === 'string' ? key : `n${line.lineNo}`
}

export function billLineId(billId: string, line: BillLine): string {
  return `${billId}.${billLineKey(line)}`
}

export function billLineToWire(
  bill: Bill,
  line: BillLine,
  accountIdOf: (number: string) => string | null,
): WireRecord {
  const billy = billyFieldsOf(line.extra)
  return {
    id: billLineId(bill.billId, line),
    billId: bill.billId,
    accountId: accountIdOf(line.accountNumber),
    taxRateId:
      line.vatRatePercent === null
        ? null
        : taxRateIdOf(
            { vatRatePercent: line.vatRatePercent, taxTreatment: line.taxTreatment ?? 'standard' },
            'purchase',
          ),
    description: line.description,
    amount: decimalNumber(line.amount),
    tax: moneyNumber(line.vatMinor, bill.currency),
    priority: billy.priority ?? line.lineNo,
  }
}

export function billToWire(context: RequestContext, bill: Bill, baseCurrency: string): WireRecord {
  const billy = billyFieldsOf(bill.extra)
  const balanceMinor =
    bill.state === 'approved' ? bill.balanceMinor : bill.state === 'draft' ? bill.grossMinor : 0n
  return {
    id: bill.billId,
    organizationId: context.tenant.organizationId,
    type: 'bill',
    createdTime: wireTime(bill.createdAt),
    approvedTime: wireTime(bill.approvedAt),
    contactId: bill.contactId,
    contactName: billy.contactName ?? null,
    entryDate: bill.entryDate,
    paymentAccountId: billy.paymentAccountId ?? null,
    paymentDate: billy.paymentDate ?? null,
    dueDate: bill.dueDate,
    isBare: billy.isBare ?? false,
    state: bill.state,
    suppliersInvoiceNo: bill.suppliersInvoiceNo,
    taxMode: bill.priceBasis === 'gross' ? 'incl' : 'excl',
    voucherNo: bill.voucherNo,
    amount: moneyNumber(bill.netMinor, bill.currency),
    tax: moneyNumber(bill.vatMinor, bill.currency),
    grossAmount: moneyNumber(bill.grossMinor, bill.currency),
    currencyId: bill.currency,
    exchangeRate: bill.currency === baseCurrency ? jsonNumber('1') : null,
    balance: moneyNumber(balanceMinor, bill.currency),
    isPaid: bill.state === 'approved' && bill.balanceMinor === 0n,
    lineDescription: bill.lines
      .map((line) => line.description)
      .join(', ')
      .slice(0, 255),
    creditedBillId: null,
    source: null,
    subject: null,
  }
}

export const BILL_DEF: ResourceDef = {
  singular: 'bill',
  plural: 'bills',
  properties: {
    organizationId: ORGANIZATION,
    type: { type: 'enum', values: ['bill', 'creditNote'], access: 'immutable' },
    createdTime: CREATED_TIME,
    approvedTime: { type: 'datetime', access: 'readonly' },
    contactId: { type: 'id', resource: 'contact', access: 'immutable', required: true },
    contactName: { type: 'string' },
    entryDate: { type: 'date', required: true },
    paymentAccountId: {
      type: 'id',
      resource: 'account',
      access: 'immutable',
      description: 'Paid at once from this account when approved.',
    },
    paymentDate: { type: 'date', access: 'immutable' },
    dueDate: { type: 'date' },
    isBare: { type: 'boolean' },
    state: { type: 'enum', values: ['draft', 'approved', 'voided'] },
    suppliersInvoiceNo: { type: 'string' },
    taxMode: { type: 'enum', values: ['incl', 'excl'] },
    voucherNo: { type: 'string' },
    amount: { type: 'float', access: 'readonly' },
    tax: { type: 'float', access: 'readonly' },
    grossAmount: { type: 'float', access: 'readonly' },
    currencyId: { type: 'id', resource: 'currency' },
    exchangeRate: { type: 'float', access: 'readonly' },
    balance: { type: 'float', access: 'readonly' },
    isPaid: { type: 'boolean', access: 'readonly' },
    lineDescription: { type: 'string', access: 'readonly' },
    creditedBillId: {
      type: 'id',
      resource: 'bill',
      access: 'immutable',
      description: 'Bill credit notes are not offered.',
    },
    source: { type: 'string', access: 'readonly' },
    subject: { type: 'string', access: 'readonly' },
  },
  hasMany: {
    attachments: { resource: 'attachment', inverse: 'ownerReference', save: 'replace' },
    lines: { resource: 'billLine', inverse: 'billId', save: 'replace' },
    balanceModifiers: { resource: 'balanceModifier', inverse: 'subjectReference', save: 'readonly' },
  },
  operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
  filters: {
    contactId: { type: 'string' },
    state: { type: 'enum', values: ['draft', 'approved', 'voided'] },
    minEntryDate: { type: 'date' },
    maxEntryDate: { type: 'date' },
    minDueDate: { type: 'date' },
    maxDueDate: { type: 'date' },
    isPaid: { type: 'boolean' },
    currencyId: { type: 'string' },
    suppliersInvoiceNo: { type: 'string' },
    amount: { type: 'float' },
  },
  sortable: [
    'entryDate',
    'dueDate',
    'createdTime',
    'amount',
    'grossAmount',
    'balance',
    'voucherNo',
    'suppliersInvoiceNo',
  ],
  search: true,
}

export const BILL_LINE_DEF: ResourceDef = {
  singular: 'billLine',
  plural: 'billLines',
  properties: {
    billId: { type: 'id', resource: 'bill', access: 'immutable', required: true },
    accountId: { type: 'id', resource: 'account', required: true },
    taxRateId: { type: 'id', resource: 'taxRate' },
    description: { type: 'string', required: true },
    amount: { type: 'float', required: true },
    tax: { type: 'float', access: 'readonly' },
    priority: { type: 'integer' },
  },
  operations: ['get', 'list'],
  filters: { billId: { type: 'string' } },
}
