// A Billy invoice request as the core's draft input. Billy rounds VAT once per document
// (`tax = round2(sum of line taxes)`, ../shared/reference/billy.md section 3.4), prices are net
// (`excl`) or gross (`incl`), a line's tax comes from its product, and payment terms may count
// from the end of the month or name a date. Billy-only fields ride in `extra.billy`.

import { randomBytes } from 'node:crypto'
import { getContact } from '../../../core/contacts/get-contact.ts'
import type { DraftInvoiceInput, DraftLineInput } from '../../../core/invoices/resolve-draft.ts'
import {
  dueDateFor,
  isPaymentTermsMode,
  type PaymentTermsMode,
} from '../../../domain/calendar/payment-terms.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { DiscountInput } from '../../../domain/invoicing/draft.ts'
import type { Invoice, InvoiceLine } from '../../../domain/invoicing/invoice.ts'
import type { RequestContext, WireInput } from '../engine/resource.ts'
import { amountToMinor } from '../engine/wire-values.ts'
import {
  baseCurrencyOf,
  billyFieldsOf,
  definedOnly,
  text,
  textPatch,
  whole,
  withBillyFields,
} from './common.ts'
import { lineKeyOf } from './invoice-wire.ts'

const CASH = ['cash', 'cash_discount']
const PERCENT = ['percent', 'percentage_discount']

export function newLineKey(): string {
  return randomBytes(6).toString('base64url')
}

function discountOf(line: WireInput, currency: string, index: number): DiscountInput | null | undefined {
  const mode = text(line, 'discountMode')
  const value = line.values.discountValue as string | null | undefined
  if (value === undefined && mode === undefined) return undefined
  if (value === null || value === undefined) return null
  if (mode && CASH.includes(mode))
    return { amountMinor: amountToMinor(value, currency, `lines.${index}.discountValue`) }
  if (mode && PERCENT.includes(mode)) return { percent: value }
  throw invalidField(
    `lines.${index}.discountMode`,
    'discountMode must be cash or percent when discountValue is set',
  )
}

/** Lines in Billy's `priority` order; lines without one keep their place. */
export function orderedLines(lines: readonly WireInput[]): { line: WireInput; index: number }[] {
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => Number(a.line.values.priority ?? a.index) - Number(b.line.values.priority ?? b.index))
}

/** Billy lines in `priority` order as core lines, each with a new key and its Billy fields. */
export function linesFromWire(lines: readonly WireInput[], currency: string): DraftLineInput[] {
  return orderedLines(lines).map(({ line, index }) => lineFromWire(line, currency, index, newLineKey()))
}

export function lineFromWire(
  line: WireInput,
  currency: string,
  index: number,
  lineKey: string,
  base?: InvoiceLine,
): DraftLineInput {
  const description = textPatch(line, 'description')
  const discount = discountOf(line, currency, index)
  const productId = text(line, 'productId')
  // A line's tax and revenue account come from its product, so a new product brings its own.
  const kept = base ? lineAsInput(base) : {}
  const { vatRatePercent: _rate, taxTreatment: _treatment, revenueAccountNumber: _account, ...untaxed } = kept
  return {
    ...(productId && base && productId !== base.productId ? untaxed : kept),
    ...definedOnly({
      productId: text(line, 'productId') ?? undefined,
      description: description ?? undefined,
      quantity: line.values.quantity as string | undefined,
      unitPrice: line.values.unitPrice as string | undefined,
      discount,
    }),
    extra: withBillyFields(base?.extra ?? {}, {
      lineKey,
      // A new line without a description shows none, though the core prints the product's name.
      description: description === undefined ? (base ? undefined : null) : description,
      discountText: line.values.discountText,
      priority: line.values.priority,
    }),
  }
}

/** A stored line as draft input again, keeping its key so its id survives edits of other lines. */
export function lineAsInput(line: InvoiceLine): DraftLineInput {
  return {
    productId: line.productId,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    discount:
      line.discount?.kind === 'percent'
        ? { percent: line.discount.ratePercent }
        : line.discount
          ? { amountMinor: line.discount.amountMinor }
          : null,
    vatRatePercent: line.vatRatePercent,
    taxTreatment: line.taxTreatment,
    revenueAccountNumber: line.revenueAccountNumber,
    extra: withBillyFields(line.extra, { lineKey: lineKeyOf(line) }),
  }
}

/** Whether the lines hold an amount in the invoice's currency (a cash discount) to read now. */
export function needsCurrency(input: WireInput): boolean {
  return (input.children.lines ?? []).some((line) => CASH.includes(String(line.values.discountMode ?? '')))
}

/** The currency a new or edited invoice is in, as the core will resolve it. */
export async function currencyFor(
  context: RequestContext,
  input: WireInput,
  current?: Invoice,
): Promise<string> {
  const given = text(input, 'currencyId')
  if (given) return given
  if (current) return current.currency
  const contactId = text(input, 'contactId')
  const contact = contactId
    ? await getContact(context.core, context.tenant, contactId).catch(() => undefined)
    : undefined
  return contact?.currency ?? (await baseCurrencyOf(context))
}

function termsOf(input: WireInput, current: Invoice | undefined) {
  const billy = billyFieldsOf(current?.extra ?? {})
  const modeText = text(input, 'paymentTermsMode') ?? (input.values.dueDate ? 'date' : undefined)
  const mode = (modeText ?? billy.paymentTermsMode ?? 'net') as PaymentTermsMode
  if (!isPaymentTermsMode(mode))
    throw invalidField('paymentTermsMode', 'paymentTermsMode must be net, netEndOfMonth or date')
  const days = whole(input, 'paymentTermsDays') ?? current?.paymentTermsDays ?? undefined
  const entryDate = text(input, 'entryDate') ?? current?.invoiceDate ?? undefined
  const fixed = text(input, 'dueDate') ?? (mode === 'date' ? current?.dueDate : undefined)
  if (mode === 'net') {
    if (input.values.dueDate)
      throw invalidField('dueDate', 'dueDate follows paymentTermsDays unless paymentTermsMode is date')
    return { mode, days, dueDate: null }
  }
  if (!entryDate) throw invalidField('entryDate', `entryDate is needed to count ${mode} payment terms`)
  return { mode, days, dueDate: dueDateFor(mode, days ?? 0, entryDate, fixed) }
}

/** The core draft fields a create or edit sets; absent fields are left out, so edits keep them. */
export function draftFieldsOf(
  input: WireInput,
  current: Invoice | undefined,
  currency: string,
): Partial<DraftInvoiceInput> {
  const terms = termsOf(input, current)
  const taxMode = text(input, 'taxMode')
  const exchangeRate = input.values.exchangeRate
  const billy = {
    paymentTermsMode: terms.mode,
    sentState: input.values.sentState,
    attContactPersonId: input.values.attContactPersonId,
    lineDescription: input.values.lineDescription,
    invoiceNo: input.values.invoiceNo,
    exchangeRate: exchangeRate === null ? undefined : exchangeRate,
  }
  return {
    ...definedOnly({
      contactId: text(input, 'contactId') ?? undefined,
      currency: text(input, 'currencyId') ?? undefined,
      invoiceDate: text(input, 'entryDate') ?? undefined,
      paymentTermsDays: terms.days,
      priceBasis:
        taxMode === undefined || taxMode === null
          ? undefined
          : taxMode === 'incl'
            ? ('gross' as const)
            : ('net' as const),
      notes: textPatch(input, 'contactMessage'),
      lines: input.children.lines ? linesFromWire(input.children.lines, currency) : undefined,
    }),
    dueDate: terms.dueDate,
    roundingScope: 'document',
    taxByBuyerCountry: true,
    extra: withBillyFields(current?.extra ?? {}, billy),
  }
}
