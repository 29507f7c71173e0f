// Invoice and credit-note items between Billomat's wire and the core's lines. An item's own
// figures are shown as Billomat shows them: after the item's reduction and before the document's
// (../shared/reference/billomat.md §2.5, §3), computed from the stored line by the domain's money
// functions, in whole cents.

import type { DraftLineInput } from '../../../core/invoices/resolve-draft.ts'
import { lineAsDraftInput } from '../../../core/invoices/update-draft-invoice.ts'
import { DomainError, invalidField } from '../../../domain/errors.ts'
import type { DiscountInput } from '../../../domain/invoicing/draft.ts'
import type { Invoice, InvoiceLine } from '../../../domain/invoicing/invoice.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { multiplyDecimal, parseDecimal, toMinorUnits } from '../../../domain/money/decimal.ts'
import { percentOfMinor } from '../../../domain/money/percent.ts'
import type { Product } from '../../../domain/products/product.ts'
import { vatOfAmountMinor } from '../../../domain/tax/compute-vat.ts'
import { itemIdOf } from '../ids.ts'
import type { WireObject } from '../wire/body.ts'
import { readBoolean, readDecimal, readEnum, readId, readText } from '../wire/read.ts'
import { datetime, float, int, money, record, str, type WireField, type WireRecord } from '../wire/tree.ts'
import { itemNoOf, lineExtraOf, mergeStrings, type WireStrings } from './extra.ts'

export type TaxChoice = Readonly<{ name: string; ratePercent: string }>

export type ItemContext = Readonly<{
  currency: CurrencyCode
  /** The article named by article_id, already looked up. */
  article?: Product
  /** The tax an item gets when neither it nor its article names one. */
  defaultTax: TaxChoice
}>

/** "10%" is a percentage of the item, "10" an amount in the document's currency. */
export function reductionOf(text: string, currency: CurrencyCode, field: string): DiscountInput {
  const trimmed = text.trim()
  const percent = trimmed.endsWith('%')
  const value = parseDecimal(percent ? trimmed.slice(0, -1).trim() : trimmed, field)
  if (value.units < 0n) throw invalidField(field, `${field} must not be negative`)
  return percent
    ? { percent: trimmed.slice(0, -1).trim() }
    : { amountMinor: toMinorUnits(value, currency, 'half-up') }
}

/** Re-raises a refusal about `name` as one about `prefix` + `name`, for items inside a document. */
export function withFieldPrefix<T>(prefix: string, read: () => T): T {
  try {
    return read()
  } catch (error) {
    const field = error instanceof DomainError ? error.details.field : undefined
    if (!(error instanceof DomainError) || !field || prefix === '') throw error
    throw new DomainError(error.code, error.message.split(field).join(`${prefix}${field}`), {
      ...error.details,
      field: `${prefix}${field}`,
    })
  }
}

/** The item as the core stores it; `current` is the item being edited, whose values stay unless given. */
export function lineFromWire(
  body: WireObject,
  context: ItemContext,
  itemNo: number,
  current?: InvoiceLine,
): DraftLineInput {
  const article = context.article
  const stored = current ? lineExtraOf(current) : {}
  const reduction = readText(body, 'reduction', 40)
  const extra = mergeStrings(stored, {
    item_no: String(itemNo),
    title: readText(body, 'title', 2000) ?? (current ? undefined : article?.name),
    description: readText(body, 'description') ?? (current ? undefined : (article?.description ?? undefined)),
    type: readEnum(body, 'type', ['PRODUCT', 'SERVICE']) ?? (current ? undefined : articleType(article)),
    tax_name: readText(body, 'tax_name', 100) ?? (current ? undefined : context.defaultTax.name),
    tax_changed_manually: boolText(readBoolean(body, 'tax_changed_manually')),
    reduction,
    customfield: readText(body, 'customfield'),
  })
  const taxRate = readDecimal(body, 'tax_rate')
  return {
    productId: article?.productId ?? current?.productId ?? null,
    description: extra.title || extra.description || current?.description || '-',
    quantity: readDecimal(body, 'quantity') ?? current?.quantity ?? '0',
    unit: readText(body, 'unit', 40) ?? current?.unit ?? article?.unit ?? null,
    unitPrice:
      readDecimal(body, 'unit_price') ?? current?.unitPrice ?? articlePrice(article, context.currency),
    discount:
      reduction !== undefined
        ? reductionOf(reduction, context.currency, 'reduction')
        : current?.discount
          ? current.discount.kind === 'percent'
            ? { percent: current.discount.ratePercent }
            : { amountMinor: current.discount.amountMinor }
          : null,
    vatRatePercent:
      taxRate ?? current?.vatRatePercent ?? article?.vatRatePercent ?? context.defaultTax.ratePercent,
    taxTreatment: 'standard',
    revenueAccountNumber: current?.revenueAccountNumber ?? article?.revenueAccountNumber ?? null,
    extra: { billomat: extra },
  }
}

function boolText(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? '1' : '0'
}

function articleType(article: Product | undefined): string | undefined {
  const type = article ? (article.extra.billomat as WireStrings | undefined)?.type : undefined
  return type || undefined
}

function articlePrice(article: Product | undefined, currency: CurrencyCode): string {
  return (
    article?.prices.find((price) => price.currency === currency)?.unitPrice ??
    article?.prices[0]?.unitPrice ??
    '0'
  )
}

export type ItemAmounts = Readonly<{
  netUnreducedMinor: bigint
  grossUnreducedMinor: bigint
  netMinor: bigint
  grossMinor: bigint
}>

/** The item's figures after its own reduction and before the document's, in the price basis first. */
export function itemAmounts(
  line: InvoiceLine,
  invoice: Pick<Invoice, 'currency' | 'priceBasis'>,
): ItemAmounts {
  const currency = invoice.currency as CurrencyCode
  const basis = invoice.priceBasis
  const rate = parseDecimal(line.taxTreatment === 'standard' ? line.vatRatePercent : '0', 'tax_rate')
  const unreducedMinor = toMinorUnits(
    multiplyDecimal(parseDecimal(line.quantity, 'quantity'), parseDecimal(line.unitPrice, 'unit_price')),
    currency,
    'half-up',
  )
  const discount = line.discount
  const reductionMinor = !discount
    ? 0n
    : discount.kind === 'percent'
      ? percentOfMinor(unreducedMinor, parseDecimal(discount.ratePercent, 'reduction'), 'half-up')
      : unreducedMinor < 0n
        ? -discount.amountMinor
        : discount.amountMinor
  const split = (amountMinor: bigint) => {
    const vatMinor = vatOfAmountMinor(amountMinor, rate, basis, 'half-up')
    return basis === 'net'
      ? { net: amountMinor, gross: amountMinor + vatMinor }
      : { net: amountMinor - vatMinor, gross: amountMinor }
  }
  const unreduced = split(unreducedMinor)
  const reduced = split(unreducedMinor - reductionMinor)
  return {
    netUnreducedMinor: unreduced.net,
    grossUnreducedMinor: unreduced.gross,
    netMinor: reduced.net,
    grossMinor: reduced.gross,
  }
}

/** Where an item hangs: its element name, its parent's id field and whole-number id. */
export type ItemParent = Readonly<{
  item: string
  field: string
  seq: bigint
  document: Pick<Invoice, 'currency' | 'priceBasis' | 'createdAt'>
}>

export function invoiceItemParent(invoice: Invoice): ItemParent {
  const isInvoice = invoice.kind === 'invoice'
  return {
    item: isInvoice ? 'invoice-item' : 'credit-note-item',
    field: isInvoice ? 'invoice_id' : 'credit_note_id',
    seq: invoice.invoiceSeq,
    document: invoice,
  }
}

export function itemToWire(
  parent: ItemParent,
  line: InvoiceLine,
  articleSeq: bigint | undefined,
  tail: readonly WireField[] = [],
): WireRecord {
  const extra = lineExtraOf(line)
  const invoice = parent.document
  const currency = invoice.currency as CurrencyCode
  const amounts = itemAmounts(line, invoice)
  return record(parent.item, [
    int('id', itemIdOf(parent.seq, itemNoOf(line))),
    datetime('created', invoice.createdAt),
    int('article_id', articleSeq),
    int(parent.field, parent.seq),
    int('position', line.lineNo),
    str('unit', line.unit),
    float('quantity', line.quantity),
    float('unit_price', line.unitPrice),
    str('tax_name', extra.tax_name),
    float('tax_rate', line.taxTreatment === 'standard' ? line.vatRatePercent : '0'),
    str('tax_changed_manually', extra.tax_changed_manually ?? '0'),
    str('title', extra.title ?? (extra.item_no ? '' : line.description)),
    str('description', extra.description),
    str('reduction', extra.reduction),
    str('type', extra.type),
    money('total_net', amounts.netMinor, currency),
    money('total_gross', amounts.grossMinor, currency),
    money('total_net_unreduced', amounts.netUnreducedMinor, currency),
    money('total_gross_unreduced', amounts.grossUnreducedMinor, currency),
    ...tail,
    str('customfield', extra.customfield),
  ])
}

export function articleIdField(body: WireObject): bigint | undefined {
  return readId(body, 'article_id')
}

/** A stored line as the draft input that writes it back unchanged. */
export const lineAsInput = lineAsDraftInput
