// A billogram create or update body as the core's draft invoice: customer, items, dates, texts,
// the invoice fee and öre rounding as lines of their own, and the fields only Billogram has in
// the invoice's extra. Items naming an item_no take what they leave out from that item, as the
// vendor's do.

import type { DraftLineInput } from '../../../core/invoices/resolve-draft.ts'
import type { DraftPatch } from '../../../core/invoices/update-draft-invoice.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import {
  addDecimal,
  decimal,
  multiplyDecimal,
  parseDecimal,
  toMinorUnits,
} from '../../../domain/money/decimal.ts'
import type { Product } from '../../../domain/products/product.ts'
import { BillogramWireError, type FieldNames } from '../errors.ts'
import { type BillogramExtra, billogramExtraOf } from './billogram-out.ts'
import { isHiddenLine, isInvoiceFeeLine } from './billogram-sums.ts'
import { checkUnit, checkVat } from './item.ts'
import { withOreRounding } from './ore-rounding.ts'
import { readDate, readDecimal, readList, readObject, readText, readWhole } from './read.ts'
import type { JsonObject } from './strict-body.ts'

export type ItemLookup = ReadonlyMap<string, Product>

function invalid(path: readonly (string | number)[], message: string): BillogramWireError {
  return new BillogramWireError('INVALID_PARAMETER', message, path)
}

function lineOf(item: JsonObject, index: number, products: ItemLookup, currency: string): DraftLineInput {
  const at = ['items', index]
  const itemNo = readText(item, 'item_no', at, 60)
  const product = itemNo === undefined ? undefined : products.get(itemNo)
  if (itemNo !== undefined && !product) throw invalid([...at, 'item_no'], `item ${itemNo} does not exist`)
  const title = readText(item, 'title', at, 2000)
  const price = readDecimal(item, 'price', at)
  const vat = readWhole(item, 'vat', at)
  checkVat(vat, at)
  const unit = readText(item, 'unit', at, 40)
  checkUnit(unit, at)
  if (!product && (title === undefined || title.trim() === ''))
    throw invalid([...at, 'title'], 'Title not set')
  if (!product && price === undefined)
    throw invalid([...at, 'price'], 'price is required for an item without item_no')
  if (!product && vat === undefined)
    throw invalid([...at, 'vat'], 'vat is required for an item without item_no')
  const discount = readDecimal(item, 'discount', at)
  const discountMinor =
    discount === undefined
      ? 0n
      : toMinorUnits(parseDecimal(discount, 'discount'), currency as CurrencyCode, 'half-up')
  if (discountMinor < 0n) throw invalid([...at, 'discount'], 'discount must not be negative')
  const bookkeeping = readObject(item, 'bookkeeping', at) ?? {}
  const income = readText(bookkeeping, 'income_account', [...at, 'bookkeeping'], 20)
  const rotavdrag = readObject(item, 'regional_sweden', at)?.rotavdrag
  const description = readText(item, 'description', at, 2000)
  return {
    productId: product?.productId ?? null,
    ...(title === undefined ? {} : { description: title }),
    quantity: readDecimal(item, 'count', at) ?? '1',
    ...(price === undefined ? {} : { unitPrice: price }),
    ...(vat === undefined ? {} : { vatRatePercent: vat }),
    unit: unit ?? product?.unit ?? 'unit',
    discount: discountMinor > 0n ? { amountMinor: discountMinor } : null,
    ...(income ? { revenueAccountNumber: income } : {}),
    extra: {
      billogram: {
        ...(itemNo === undefined ? {} : { itemNo }),
        description: description ?? product?.description ?? '',
        rotavdrag: rotavdrag === true,
        vatAccount: readText(bookkeeping, 'vat_account', [...at, 'bookkeeping'], 20) ?? '',
      },
    },
  }
}

/** Billogram's invoice_fee is a line of its own, marked so the wire shows it as the fee, not an item. */
function feeLine(body: JsonObject, current: Invoice | undefined): DraftLineInput | undefined {
  const fee = readDecimal(body, 'invoice_fee')
  const vat = readWhole(body, 'invoice_fee_vat')
  checkVat(vat, [])
  const existing = current?.lines.find((line) => isInvoiceFeeLine(line.extra))
  const amount = fee ?? existing?.unitPrice
  if (amount === undefined || parseDecimal(amount, 'invoice_fee').units === 0n) return undefined
  if (parseDecimal(amount, 'invoice_fee').units < 0n)
    throw invalid(['invoice_fee'], 'invoice_fee must not be negative')
  return {
    description: 'Fakturaavgift',
    quantity: '1',
    unitPrice: amount,
    vatRatePercent: vat ?? existing?.vatRatePercent ?? 25,
    unit: 'unit',
    extra: { billogram: { invoiceFee: true } },
  }
}

function currentLines(current: Invoice): DraftLineInput[] {
  return current.lines
    .filter((line) => !isHiddenLine(line.extra))
    .map((line) => ({
      productId: line.productId,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      discount: line.discount?.kind === 'amount' ? { amountMinor: line.discount.amountMinor } : null,
      vatRatePercent: line.vatRatePercent,
      revenueAccountNumber: line.revenueAccountNumber,
      extra: line.extra,
    }))
}

function extraFrom(body: JsonObject, current: Invoice | undefined): BillogramExtra {
  const info = readObject(body, 'info') ?? {}
  const previous = current ? billogramExtraOf(current) : {}
  const infoText = (key: string, max = 255) => readText(info, key, ['info'], max)
  const infoDate = (key: string) =>
    info[key] === undefined ? undefined : (readDate(info, key, ['info']) ?? null)
  const keep = (wireKey: string, key: string) => (body[wireKey] === undefined ? {} : { [key]: body[wireKey] })
  const reminderFee = readDecimal(body, 'reminder_fee')
  const interestRate = readDecimal(body, 'interest_rate')
  const settings = body.automatic_reminders_settings
  return {
    ...previous,
    info: {
      ...previous.info,
      ...defined('order_no', infoText('order_no')),
      ...defined('order_date', infoDate('order_date')),
      ...defined('shipping_date', infoDate('shipping_date')),
      ...defined('reference_number', infoText('reference_number')),
    },
    ...(reminderFee === undefined ? {} : { reminderFee: String(reminderFee) }),
    ...(interestRate === undefined ? {} : { interestRate: String(interestRate) }),
    // A list of reminder settings implies automatic reminders; an empty one turns them off.
    ...(Array.isArray(settings)
      ? { automaticReminders: settings.length > 0, automaticRemindersSettings: settings }
      : {}),
    ...(typeof body.automatic_reminders === 'boolean'
      ? { automaticReminders: body.automatic_reminders }
      : {}),
    ...keep('automatic_collection', 'automaticCollection'),
    ...keep('regional_sweden', 'regionalSweden'),
    ...defined('creditorUniqueValue', readText(body, 'creditor_unique_value', [], 40)),
    ...keep('contract', 'contract'),
    ...(typeof body.show_item_gross_prices === 'boolean'
      ? { showItemGrossPrices: body.show_item_gross_prices }
      : {}),
    ...keep('pdf', 'pdf'),
  }
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

/** The draft fields of a body; on update only those the body names. */
export type DraftContext = Readonly<{
  products: ItemLookup
  currency: string
  /** The chart's account for öre rounding. */
  roundingAccount?: string | undefined
}>

export function draftPatchFromWire(
  body: JsonObject,
  contactId: string | undefined,
  { products, currency, roundingAccount }: DraftContext,
  current: Invoice | undefined,
): DraftPatch {
  const items = readList(body, 'items')
  if (!current && (!items || items.length === 0))
    throw invalid(['items'], 'a billogram needs at least one item')
  const dueDate = readDate(body, 'due_date')
  const dueDays = readWhole(body, 'due_days')
  if (dueDate !== undefined && dueDays !== undefined)
    throw new BillogramWireError('INVALID_PARAMETER_COMBINATION', 'give due_date or due_days, not both', [
      'due_days',
    ])
  const fee = feeLine(body, current)
  const feeChanged = body.invoice_fee !== undefined || body.invoice_fee_vat !== undefined
  const given =
    items || feeChanged
      ? [
          ...(items
            ? items.map((item, index) => lineOf(item, index, products, currency))
            : current
              ? currentLines(current)
              : []),
          ...(fee ? [fee] : []),
        ]
      : undefined
  if (given && current) keepTotalSign(given, products, current)
  const lines = given && withOreRounding(given, [...products.values()], currency, roundingAccount)
  const info = readObject(body, 'info') ?? {}
  return {
    ...(contactId === undefined ? {} : { contactId }),
    ...defined('currency', readText(body, 'currency', [], 3)),
    ...defined('invoiceDate', readDate(body, 'invoice_date')),
    ...(dueDate === undefined ? {} : { dueDate }),
    ...(dueDays === undefined ? {} : { paymentTermsDays: dueDays, dueDate: null }),
    ...(info.delivery_date === undefined
      ? {}
      : { deliveryDate: readDate(info, 'delivery_date', ['info']) ?? null }),
    ...defined('ourReference', readText(info, 'our_reference', ['info'])),
    ...defined('yourReference', readText(info, 'your_reference', ['info'])),
    ...defined('notes', readText(info, 'message', ['info'], 4000)),
    ...(lines ? { lines } : {}),
    extra: { billogram: extraFrom(body, current) },
  }
}

/**
 * A billogram with a negative total is a stand-alone credit invoice
 * (../shared/reference/billogram.md §4, seed 001 workflow 3): the core's credit note that credits
 * no invoice.
 */
export function hasNegativeTotal(lines: readonly DraftLineInput[], products: ItemLookup): boolean {
  let net = decimal(0n)
  for (const line of lines) {
    const product = [...products.values()].find((candidate) => candidate.productId === line.productId)
    const price = line.unitPrice ?? product?.prices[0]?.unitPrice ?? '0'
    net = addDecimal(
      net,
      multiplyDecimal(parseDecimal(line.quantity ?? '1', 'count'), parseDecimal(price, 'price')),
    )
  }
  return net.units < 0n
}

/** A stand-alone credit never becomes a debit invoice, nor a debit invoice a credit, by an update. */
function keepTotalSign(lines: readonly DraftLineInput[], products: ItemLookup, current: Invoice): void {
  const credit = current.kind === 'credit_note'
  if (hasNegativeTotal(lines, products) === credit) return
  throw invalid(
    ['items'],
    credit
      ? 'a stand-alone credit invoice keeps a negative total; it cannot become a debit invoice'
      : 'a debit billogram keeps a positive total; create a stand-alone credit as a billogram of its own',
  )
}

/** Core field names as the billogram resource names them. */
export const BILLOGRAM_FIELD_NAMES: FieldNames = [
  [/^lines\.(\d+)\.description$/, 'items.$1.title'],
  [/^lines\.(\d+)\.unitPrice$/, 'items.$1.price'],
  [/^lines\.(\d+)\.quantity$/, 'items.$1.count'],
  [/^lines\.(\d+)\.vatRatePercent$/, 'items.$1.vat'],
  [/^lines\.(\d+)\.(\w+)$/, 'items.$1.$2'],
  [/^lines$/, 'items'],
  [/^contactId$/, 'customer.customer_no'],
  [/^invoiceDate$/, 'invoice_date'],
  [/^dueDate$/, 'due_date'],
  [/^paymentTermsDays$/, 'due_days'],
  [/^deliveryDate$/, 'info.delivery_date'],
  [/^interestRate$/, 'interest_rate'],
  [/^reminderFee$/, 'reminder_fee'],
  [/^reminderDays\.(\d+)$/, 'automatic_reminders_settings.$1.delay_days'],
  [/^collectionAfterDays$/, 'automatic_collection.delay_days'],
  [/^email$/, 'customer.email'],
  [/^phone$/, 'customer.phone'],
  [/^address$/, 'customer.address'],
  [/^(url|custom)$/, 'callbacks.$1'],
  [/^signKey$/, 'callbacks.sign_key'],
  [/^filename$/, 'attachment'],
  [/^content$/, 'attachment_content'],
]
