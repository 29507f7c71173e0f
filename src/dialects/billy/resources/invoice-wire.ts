// A core invoice or credit note, and its lines, as Billy shows them. Billy knows three states:
// draft, approved (open, overdue, paid, credited, written off alike: "paid" is `isPaid`, "sent" is
// `sentState`) and voided (../shared/reference/billy.md section 3.4). Amounts are net (`amount`),
// VAT (`tax`) and their sum (`grossAmount`); `balance` is what is still owed.

import { addDays } from '../../../domain/calendar/dates.ts'
import type { Invoice, InvoiceLine } from '../../../domain/invoicing/invoice.ts'
import type { InvoiceState } from '../../../domain/invoicing/lifecycle.ts'
import type { RequestContext, WireRecord } from '../engine/resource.ts'
import { decimalNumber, jsonNumber, moneyNumber, wireTime } from '../engine/wire-values.ts'
import { billyFieldsOf } from './common.ts'
import { taxRateIdOf } from './tax-rates.ts'

export type BillyState = 'draft' | 'approved' | 'voided'

export function billyState(state: InvoiceState): BillyState {
  if (state === 'draft') return 'draft'
  return state === 'cancelled' ? 'voided' : 'approved'
}

/** The core states behind a Billy state, for filtering. */
export function coreStatesOf(state: string): InvoiceState[] {
  if (state === 'draft') return ['draft']
  if (state === 'voided') return ['cancelled']
  return ['open', 'overdue', 'collection', 'paid', 'credited', 'written_off']
}

/** A line's key inside its invoice: kept in the line's extra so edits of other lines keep its id. */
export function lineKeyOf(line: InvoiceLine): string {
  const key = billyFieldsOf(line.extra).lineKey
  return typeof key === 'string' ? key : `n${line.lineNo}`
}

export function lineIdOf(invoiceId: string, line: InvoiceLine): string {
  return `${invoiceId}.${lineKeyOf(line)}`
}

export function parseLineId(id: string): { invoiceId: string; key: string } | undefined {
  const dot = id.lastIndexOf('.')
  if (dot <= 0 || dot === id.length - 1) return undefined
  return { invoiceId: id.slice(0, dot), key: id.slice(dot + 1) }
}

function discountOf(line: InvoiceLine, currency: string) {
  const discount = line.discount
  if (!discount) return { discountMode: null, discountValue: null }
  return discount.kind === 'percent'
    ? { discountMode: 'percent', discountValue: decimalNumber(discount.ratePercent) }
    : { discountMode: 'cash', discountValue: moneyNumber(discount.amountMinor, currency) }
}

export function invoiceLineToWire(invoice: Invoice, line: InvoiceLine): WireRecord {
  const billy = billyFieldsOf(line.extra)
  return {
    id: lineIdOf(invoice.invoiceId, line),
    invoiceId: invoice.invoiceId,
    productId: line.productId,
    description: billy.description === undefined ? line.description : billy.description,
    quantity: decimalNumber(line.quantity),
    unitPrice: decimalNumber(line.unitPrice),
    amount: moneyNumber(line.netMinor, invoice.currency),
    tax: moneyNumber(line.vatMinor, invoice.currency),
    taxRateId: taxRateIdOf(line),
    discountText: billy.discountText ?? null,
    ...discountOf(line, invoice.currency),
    priority: billy.priority ?? line.lineNo,
  }
}

function dueDateShown(invoice: Invoice): string | null {
  if (invoice.dueDate) return invoice.dueDate
  if (!invoice.invoiceDate || invoice.paymentTermsDays === null) return null
  return addDays(invoice.invoiceDate, invoice.paymentTermsDays)
}

/** The PDF, reachable without credentials by the invoice's unguessable page token. */
export function downloadUrlOf(context: RequestContext, invoice: Invoice): string | null {
  if (invoice.state === 'draft') return null
  return `${context.baseUrl}/invoices/${invoice.invoiceId}/pdf?token=${encodeURIComponent(invoice.pageToken)}`
}

export function invoiceToWire(context: RequestContext, invoice: Invoice, baseCurrency: string): WireRecord {
  const billy = billyFieldsOf(invoice.extra)
  const state = billyState(invoice.state)
  const balanceMinor = invoice.balanceMinor > 0n ? invoice.balanceMinor : 0n
  return {
    id: invoice.invoiceId,
    organizationId: context.tenant.organizationId,
    type: invoice.kind === 'credit_note' ? 'creditNote' : 'invoice',
    createdTime: wireTime(invoice.createdAt),
    approvedTime: wireTime(invoice.approvedAt),
    contactId: invoice.contactId,
    attContactPersonId: billy.attContactPersonId ?? null,
    entryDate: invoice.invoiceDate,
    paymentTermsMode: billy.paymentTermsMode ?? 'net',
    paymentTermsDays: invoice.paymentTermsDays,
    dueDate: dueDateShown(invoice),
    state,
    sentState: billy.sentState ?? 'unsent',
    invoiceNo: invoice.number ?? (billy.invoiceNo as string | undefined) ?? null,
    taxMode: invoice.priceBasis === 'gross' ? 'incl' : 'excl',
    amount: moneyNumber(invoice.netMinor, invoice.currency),
    tax: moneyNumber(invoice.vatMinor, invoice.currency),
    grossAmount: moneyNumber(invoice.grossMinor, invoice.currency),
    currencyId: invoice.currency,
    exchangeRate:
      invoice.currency === baseCurrency
        ? jsonNumber('1')
        : typeof billy.exchangeRate === 'string'
          ? decimalNumber(billy.exchangeRate)
          : null,
    balance: moneyNumber(state === 'draft' ? invoice.grossMinor : balanceMinor, invoice.currency),
    isPaid: state === 'approved' && balanceMinor === 0n,
    creditedInvoiceId: invoice.creditedInvoiceId,
    contactMessage: invoice.notes,
    lineDescription:
      (billy.lineDescription as string | undefined) ??
      invoice.lines
        .map((line) => line.description)
        .join(', ')
        .slice(0, 255),
    downloadUrl: downloadUrlOf(context, invoice),
  }
}
