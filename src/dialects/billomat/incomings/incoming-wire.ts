// Incomings (purchase invoices, appendix: eingangsrechnungen) between Billomat's wire and the
// core's bills. The supplier, date, due date, currency and the supplier's invoice number are the
// bill's own; address, label, note, quote, client_number, category and expense_account_number ride
// in `extra.billomat`. Items are the bill's lines: `total` is the line's amount, net or gross as
// `tax_included` says (one basis per incoming), booked to the item's expense account. An incoming
// given only `total_net`/`total_gross` gets one line carrying them, marked `from_totals`; its first
// real item replaces it.

import type { Bill, BillLine } from '../../../core/bills/bill-record.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { minorToDecimalString, parseDecimal, toMinorUnits } from '../../../domain/money/decimal.ts'
import { type BillLineInput, computeBillTotals } from '../../../domain/purchases/bill.ts'
import { ITEM_SPAN } from '../ids.ts'
import { mergeStrings, type WireStrings } from '../invoices/extra.ts'
import type { WireObject } from '../wire/body.ts'
import { readBoolean, readDecimal, readEnum, readInteger, readText } from '../wire/read.ts'
import {
  date,
  datetime,
  float,
  int,
  list,
  money,
  nested,
  record,
  str,
  type WireRecord,
} from '../wire/tree.ts'
import { accountOf, type ExpenseAccounts } from './expense-accounts.ts'

export const INCOMING_ELEMENTS = [
  'supplier_id',
  'address',
  'number',
  'date',
  'due_date',
  'note',
  'total_net',
  'total_gross',
  'currency_code',
  'quote',
  'base64file',
  'expense_account_number',
  'label',
  'client_number',
  'category',
  'customfield',
  'incoming-items',
]

export const ITEM_ELEMENTS = [
  'incoming_id',
  'position',
  'description',
  'total',
  'tax_name',
  'tax_rate',
  'tax_rate_reverse_charge',
  'tax_included',
  'category',
  'type',
  'cost_center',
  'expense_account_number',
  'customfield',
]

/** Rates tried when only total_net and total_gross are given: the account's taxes, then these. */
const COMMON_RATES = [
  '19',
  '7',
  '0',
  '16',
  '5',
  '20',
  '21',
  '25',
  '10',
  '12',
  '6',
  '9',
  '13',
  '8',
  '3',
  '2.5',
]

const bool = (value: boolean | undefined) => (value === undefined ? undefined : value ? '1' : '0')

/** The Billomat-only fields of an incoming body, merged over what is stored. */
export function incomingExtraFromWire(body: WireObject, current: WireStrings = {}): WireStrings {
  return mergeStrings(current, {
    address: readText(body, 'address'),
    label: readText(body, 'label', 1000),
    note: readText(body, 'note'),
    quote: readDecimal(body, 'quote'),
    client_number: readText(body, 'client_number', 255),
    category: readText(body, 'category', 255),
    expense_account_number: readInteger(body, 'expense_account_number')?.toString(),
    customfield: readText(body, 'customfield'),
  })
}

/** An item's fields as strings, merged over the stored ones on an edit. */
export function itemFromWire(body: WireObject, current: WireStrings = {}): WireStrings {
  return mergeStrings(current, {
    position: readInteger(body, 'position')?.toString(),
    description: readText(body, 'description', 2000),
    total: readDecimal(body, 'total'),
    tax_name: readText(body, 'tax_name', 100),
    tax_rate: readDecimal(body, 'tax_rate'),
    tax_rate_reverse_charge: readDecimal(body, 'tax_rate_reverse_charge'),
    tax_included: bool(readBoolean(body, 'tax_included')),
    category: readText(body, 'category', 255),
    type: readEnum(body, 'type', ['PRODUCT', 'SERVICE']),
    cost_center: readInteger(body, 'cost_center')?.toString(),
    expense_account_number: readInteger(body, 'expense_account_number')?.toString(),
    customfield: readText(body, 'customfield'),
  })
}

/**
 * An item's fields from its bill line: what the line holds (amount, rate, text, account) under
 * what Billomat stored beside it, so a bill made elsewhere (Billy) reads and rewrites the same.
 */
export function itemFieldsOf(line: BillLine): WireStrings {
  const stored = (line.extra.billomat ?? {}) as WireStrings
  return {
    ...stored,
    item_no: stored.item_no ?? String(line.lineNo),
    total: line.amount,
    description: line.description,
    ...(line.vatRatePercent === null ? {} : { tax_rate: line.vatRatePercent }),
    // A line made elsewhere keeps its account; Billomat's own follow their fields.
    ...(line.extra.billomat === undefined ? { expense_account_number: line.accountNumber } : {}),
  }
}

/** The bill line of an item; the item's own fields ride in its extra. */
export function lineOfItem(
  item: WireStrings,
  incoming: WireStrings,
  accounts: ExpenseAccounts,
): BillLineInput {
  return {
    accountNumber: accountOf(accounts, item, incoming),
    description: item.description ?? '',
    amount: item.total ?? '0',
    vatRatePercent: item.tax_rate ?? null,
    taxTreatment: null,
    extra: { billomat: item },
  }
}

/** NET unless every item has tax_included=1; a mix is refused (one basis per incoming). */
export function priceBasisOf(items: readonly WireStrings[]): 'net' | 'gross' {
  const included = new Set(items.map((item) => item.tax_included === '1'))
  if (included.size > 1)
    throw invalidField('tax_included', 'tax_included must be the same on every item of an incoming')
  return included.has(true) ? 'gross' : 'net'
}

function rateFitting(netMinor: bigint, vatMinor: bigint, currency: CurrencyCode, rates: readonly string[]) {
  const net = minorToDecimalString(netMinor, currency)
  return [...rates, ...COMMON_RATES].find(
    (rate) =>
      computeBillTotals(currency, 'net', [
        { accountNumber: '', description: '', amount: net, vatRatePercent: rate, taxTreatment: null },
      ]).vatMinor === vatMinor,
  )
}

/** The one item standing for `total_net`/`total_gross` when an incoming has no items. */
export function itemOfTotals(
  body: WireObject,
  currency: CurrencyCode,
  rates: readonly string[],
): WireStrings | undefined {
  const netText = readDecimal(body, 'total_net')
  const grossText = readDecimal(body, 'total_gross')
  if (netText === undefined && grossText === undefined) return undefined
  const toMinor = (text: string, field: string) =>
    toMinorUnits(parseDecimal(text, field), currency, 'half-up')
  const netMinor = toMinor(netText ?? grossText ?? '0', netText ? 'total_net' : 'total_gross')
  const grossMinor = grossText === undefined ? netMinor : toMinor(grossText, 'total_gross')
  const rate = rateFitting(netMinor, grossMinor - netMinor, currency, rates)
  if (rate === undefined)
    throw invalidField(
      'total_gross',
      'total_net and total_gross differ by no known tax rate; give incoming-items',
    )
  return { from_totals: '1', total: minorToDecimalString(netMinor, currency), tax_rate: rate }
}

export function itemIdOf(bill: Pick<Bill, 'billSeq'>, item: WireStrings): bigint {
  return bill.billSeq * ITEM_SPAN + BigInt(item.item_no ?? '0')
}

export type IncomingStatus = 'OPEN' | 'OVERDUE' | 'PAID'

export function incomingStatusOf(bill: Bill, today: string): IncomingStatus {
  if (bill.state === 'approved' && bill.balanceMinor === 0n) return 'PAID'
  if (bill.state === 'approved' && bill.dueDate !== null && bill.dueDate < today) return 'OVERDUE'
  return 'OPEN'
}

export function incomingToWire(
  bill: Bill,
  supplierNo: bigint | undefined,
  today: string,
  propertyValues: readonly WireRecord[],
  pageCount: number,
): WireRecord {
  const extra = (bill.extra.billomat ?? {}) as WireStrings
  const currency = bill.currency as CurrencyCode
  return record('incoming', [
    int('id', bill.billSeq),
    datetime('created', bill.createdAt),
    datetime('updated', bill.approvedAt ?? bill.createdAt),
    int('supplier_id', supplierNo),
    str('number', bill.suppliersInvoiceNo),
    str('client_number', extra.client_number),
    date('date', bill.entryDate),
    date('due_date', bill.dueDate),
    str('address', extra.address),
    str('status', incomingStatusOf(bill, today)),
    str('label', extra.label),
    str('note', extra.note),
    money('total_gross', bill.grossMinor, currency),
    money('total_net', bill.netMinor, currency),
    str('currency_code', bill.currency),
    float('quote', extra.quote ?? '1'),
    money('paid_amount', bill.paidMinor, currency),
    money('open_amount', bill.state === 'approved' ? bill.balanceMinor : bill.grossMinor, currency),
    int('expense_account_number', extra.expense_account_number),
    str('category', extra.category),
    int('page_count', pageCount),
    str('customfield', extra.customfield),
    nested(list('incoming-property-values', 'incoming-property-value', propertyValues)),
  ])
}

export function itemToWire(bill: Bill, line: BillLine): WireRecord {
  const item = itemFieldsOf(line)
  const currency = bill.currency as CurrencyCode
  return record('incoming-item', [
    int('id', itemIdOf(bill, item)),
    int('incoming_id', bill.billSeq),
    int('position', line.lineNo),
    str('description', line.description),
    float('total', item.total),
    money('total_net', line.netMinor, currency),
    money('total_gross', line.netMinor + line.vatMinor, currency),
    str('tax_name', item.tax_name),
    float('tax_rate', line.vatRatePercent),
    float('tax_rate_reverse_charge', item.tax_rate_reverse_charge),
    str('tax_included', bill.priceBasis === 'gross' ? '1' : '0'),
    str('category', item.category),
    str('type', item.type),
    int('cost_center', item.cost_center),
    int('expense_account_number', line.accountNumber),
    str('customfield', item.customfield),
  ])
}
