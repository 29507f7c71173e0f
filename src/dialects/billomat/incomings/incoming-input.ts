// Reads an incoming's create or edit body into the core's bill input: the supplier, dates,
// currency and number, the Billomat-only fields, and the lines from the items (inline on create),
// from total_net/total_gross, or, for an incoming of nothing yet, one zero line (a draft bill with
// nothing to post). What each request may load from the core is gathered in IncomingLookups.

import type { Bill } from '../../../core/bills/bill-record.ts'
import type { BillInput } from '../../../core/bills/save-bill.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { organizationToday } from '../../../core/organizations/organization-today.ts'
import { listRecords } from '../../../core/records/list-records.ts'
import { invalidField } from '../../../domain/errors.ts'
import { type CurrencyCode, parseCurrencyCode } from '../../../domain/money/currency.ts'
import type { WireStrings } from '../invoices/extra.ts'
import { nestedItems, type WireObject } from '../wire/body.ts'
import { readDate, readId, readText } from '../wire/read.ts'
import { type ExpenseAccounts, expenseAccountsOf } from './expense-accounts.ts'
import {
  incomingExtraFromWire,
  itemFieldsOf,
  itemFromWire,
  itemOfTotals,
  lineOfItem,
  priceBasisOf,
} from './incoming-wire.ts'

export type IncomingLookups = Readonly<{
  accounts: ExpenseAccounts
  /** The rates of the account's taxes (/taxes), tried first when totals stand for items. */
  rates: readonly string[]
  baseCurrency: string
  today: string
}>

export async function incomingLookupsOf(core: CoreContext, tenant: Tenant): Promise<IncomingLookups> {
  const [accounts, taxes, organization, today] = await Promise.all([
    expenseAccountsOf(core, tenant),
    listRecords(core, tenant, 'tax', { limit: 1000, offset: 0 }),
    getOrganization(core, tenant),
    organizationToday(core, tenant),
  ])
  const rates = taxes.items.map((tax) => String(tax.data.rate ?? '')).filter((rate) => rate !== '')
  return { accounts, rates, baseCurrency: organization.baseCurrency, today }
}

/** The items of a body, numbered from `firstNo`; none when the body has no incoming-items. */
export function itemsOfBody(body: WireObject, firstNo: number): WireStrings[] {
  return nestedItems(body['incoming-items'], 'incoming-item', 'incoming-items').map((item, index) => ({
    ...itemFromWire(item),
    item_no: String(firstNo + index),
  }))
}

/** The items the lines are made from: given ones, else the totals, else one zero item. */
function itemsFor(
  body: WireObject,
  current: Bill | undefined,
  currency: CurrencyCode,
  rates: readonly string[],
) {
  const given = itemsOfBody(body, 1)
  if (given.length > 0) return given
  const stored = (current?.lines ?? []).map(itemFieldsOf)
  const onlyTotals = stored.every((item) => item.from_totals === '1')
  const totals = onlyTotals ? itemOfTotals(body, currency, rates) : undefined
  if (totals) return [{ ...totals, item_no: '1' }]
  if (stored.length > 0) return stored
  return [{ from_totals: '1', total: '0', item_no: '1' }]
}

/** The bill lines of `items` under the incoming's fields `extra`. */
export function linesOf(items: readonly WireStrings[], extra: WireStrings, accounts: ExpenseAccounts) {
  return {
    priceBasis: priceBasisOf(items.filter((item) => item.from_totals !== '1')),
    lines: items.map((item) => lineOfItem(item, extra, accounts)),
  }
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw invalidField(field, `${field} is required`)
  return value
}

/** The bill input of a body; `current` for an edit, where nothing is required. */
export function billInputOf(
  body: WireObject,
  lookups: IncomingLookups,
  supplier: Readonly<{ contactId: string; currency: string | null }> | undefined,
  current?: Bill,
): BillInput {
  const extra = incomingExtraFromWire(body, (current?.extra.billomat ?? {}) as WireStrings)
  const number = readText(body, 'number', 255)
  const entryDate = readDate(body, 'date')
  const currencyText = readText(body, 'currency_code', 3)?.toUpperCase()
  const currency = parseCurrencyCode(
    currencyText ?? current?.currency ?? supplier?.currency ?? lookups.baseCurrency,
    'currency_code',
  )
  const { priceBasis, lines } = linesOf(
    itemsFor(body, current, currency, lookups.rates),
    extra,
    lookups.accounts,
  )
  const dueDate = readDate(body, 'due_date')
  return {
    ...(supplier ? { contactId: supplier.contactId } : {}),
    ...(current && number === undefined ? {} : { suppliersInvoiceNo: required(number, 'number') }),
    ...(current && entryDate === undefined ? {} : { entryDate: required(entryDate, 'date') }),
    ...(dueDate !== undefined ? { dueDate } : {}),
    currency,
    priceBasis,
    lines,
    extra: { ...(current?.extra ?? {}), billomat: extra },
  }
}

/** The supplier_id of a body, if given (required on create). */
export function supplierIdOf(body: WireObject): bigint | undefined {
  return readId(body, 'supplier_id')
}
