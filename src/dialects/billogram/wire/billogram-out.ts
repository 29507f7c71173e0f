// The billogram as clients read it (../shared/reference/billogram.md §3): the compact form of
// lists and the full form of GET one and of every command's answer. A billogram is a case: its
// state, number and dates are its primary invoice's, its sums those of all its invoices.

import { type CaseRecord, primaryInvoiceOf } from '../../../core/cases/case-details.ts'
import type { CaseDetails } from '../../../core/cases/get-case.ts'
import { respiteOf } from '../../../core/cases/respite.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import type { Invoice, InvoiceLine } from '../../../domain/invoicing/invoice.ts'
import { billogramIdOf } from '../ids.ts'
import { eventsToWire, lastDeliveryMethodOf, reminderCountOf } from './billogram-events.ts'
import { billogramStateOf } from './billogram-state.ts'
import { type CaseSums, isHiddenLine, sumsOf } from './billogram-sums.ts'
import { decimalOut, moneyOut, timestampOut, wholeOut } from './values.ts'

export type WireContext = Readonly<{ publicBaseUrl: string }>

/** What this dialect keeps in the primary invoice's extra: the fields the core has no column for. */
export type BillogramExtra = Readonly<{
  info?: Readonly<Record<string, string | null>>
  reminderFee?: string
  interestRate?: string
  automaticReminders?: boolean
  automaticRemindersSettings?: unknown
  automaticCollection?: unknown
  regionalSweden?: unknown
  creditorUniqueValue?: string
  contract?: unknown
  showItemGrossPrices?: boolean
  pdf?: unknown
}>

export function billogramExtraOf(invoice: Invoice): BillogramExtra {
  const own = invoice.extra.billogram
  return typeof own === 'object' && own !== null ? (own as BillogramExtra) : {}
}

type LineExtra = Readonly<{ itemNo?: string; description?: string; rotavdrag?: boolean; vatAccount?: string }>

function lineExtraOf(line: InvoiceLine): LineExtra {
  const own = line.extra.billogram
  return typeof own === 'object' && own !== null ? (own as LineExtra) : {}
}

function whole(value: string): ReturnType<typeof decimalOut> {
  return decimalOut(value)
}

export function itemsToWire(invoice: Invoice) {
  return invoice.lines
    .filter((line) => !isHiddenLine(line.extra))
    .map((line) => {
      const extra = lineExtraOf(line)
      const discountMinor =
        line.discount?.kind === 'amount' ? line.discount.amountMinor : line.discount ? line.discountMinor : 0n
      return {
        item_no: extra.itemNo ?? null,
        title: line.description,
        description: extra.description ?? '',
        price: decimalOut(line.unitPrice),
        vat: whole(line.taxTreatment === 'standard' ? line.vatRatePercent : '0'),
        unit: line.unit ?? 'unit',
        count: decimalOut(line.quantity),
        discount: moneyOut(discountMinor < 0n ? -discountMinor : discountMinor, invoice.currency),
        bookkeeping: { income_account: line.revenueAccountNumber ?? '', vat_account: extra.vatAccount ?? '' },
        regional_sweden: { rotavdrag: extra.rotavdrag ?? false },
      }
    })
}

/** The customer as a billogram shows it: the customer record's current details. */
export function customerSnapshotOf(contact: Contact) {
  return {
    customer_no: wholeOut(contact.contactNo),
    name: contact.name,
    org_no: contact.orgNo ?? '',
    vat_no: contact.vatNo ?? '',
    phone: contact.phone ?? '',
    email: contact.email ?? '',
    address: {
      street_address: contact.address.street ?? '',
      careof: contact.address.street2 ?? '',
      zipcode: contact.address.zip ?? '',
      city: contact.address.city ?? '',
      country: contact.address.country ?? '',
    },
  }
}

function flagsOf(primary: Invoice, messages: boolean): string[] {
  return [
    ...(primary.paidMinor !== 0n && primary.balanceMinor !== 0n ? ['partly paid'] : []),
    ...(messages ? ['message'] : []),
  ]
}

export function billogramCompactToWire(record: CaseRecord) {
  const primary = primaryInvoiceOf(record)
  if (!primary) throw new Error(`case ${record.caseId} has no invoice`)
  const sums = sumsOf(record)
  const money = (amountMinor: bigint) => moneyOut(amountMinor, sums.currency)
  const respite = respiteOf(primary)
  return {
    id: billogramIdOf(record.caseNo),
    invoice_no: primary.numberSeq === null ? null : wholeOut(primary.numberSeq),
    ocr_number: primary.paymentReference ?? '',
    state: billogramStateOf(primary, record.dunning.get(primary.invoiceId)?.level),
    flags: flagsOf(primary, false),
    currency: sums.currency,
    invoice_date: primary.invoiceDate,
    due_date: respite?.originalDueDate ?? primary.dueDate,
    total_sum: money(sums.totalMinor),
    remaining_sum: money(sums.remainingMinor),
    attested_at: timestampOut(primary.approvedAt),
    created_at: timestampOut(record.createdAt),
    updated_at: timestampOut(latest(record)),
    customer: customerSnapshotOf(record.contact),
  }
}

function latest(record: CaseRecord): string {
  return (
    [record.updatedAt, ...record.invoices.map((invoice) => invoice.updatedAt)].sort().at(-1) ??
    record.updatedAt
  )
}

function detailedSums(sums: CaseSums, feeVat: string) {
  const money = (amountMinor: bigint) => moneyOut(amountMinor, sums.currency)
  return {
    invoice_fee: money(sums.invoiceFeeMinor),
    invoice_fee_vat: whole(feeVat),
    net_sum: money(sums.netMinor),
    vat_sum: money(sums.vatMinor),
    gross_sum: money(sums.grossMinor),
    rounding: money(sums.roundingMinor),
    reminder_fee: money(sums.reminderFeesMinor),
    interest_fee: money(sums.interestEarnedMinor),
    paid_sum: money(-sums.paidMinor),
    collector_paid_sum: money(0n),
    credited_sum: money(sums.creditedMinor),
    remaining_sum: money(sums.remainingMinor),
    regional_sweden: { rotavdrag_sum: money(0n) },
  }
}

function infoOf(primary: Invoice, extra: BillogramExtra) {
  const info = extra.info ?? {}
  return {
    order_no: info.order_no ?? '',
    order_date: info.order_date ?? null,
    our_reference: primary.ourReference ?? '',
    your_reference: primary.yourReference ?? '',
    shipping_date: info.shipping_date ?? null,
    delivery_date: primary.deliveryDate,
    reference_number: info.reference_number ?? '',
    message: primary.notes ?? '',
  }
}

export function billogramToWire(details: CaseDetails, context: WireContext) {
  const compact = billogramCompactToWire(details)
  const primary = primaryInvoiceOf(details)
  if (!primary) throw new Error(`case ${details.caseId} has no invoice`)
  const sums = sumsOf(details)
  const money = (amountMinor: bigint) => moneyOut(amountMinor, sums.currency)
  const extra = billogramExtraOf(primary)
  const events = eventsToWire(details, details.events)
  const feeVat = sums.invoiceFeeVatPercent ?? '25'
  return {
    ...compact,
    flags: flagsOf(
      primary,
      events.some((event) => event.type === 'CustomerMessage'),
    ),
    url: primary.approvedAt ? `${context.publicBaseUrl}/i/${details.pageToken}` : null,
    delivery_method: lastDeliveryMethodOf(details.events),
    reminder_count: wholeOut(reminderCountOf(details.events)),
    respite_date: respiteOf(primary)?.respiteUntil ?? null,
    due_days: primary.paymentTermsDays === null ? null : wholeOut(primary.paymentTermsDays),
    invoice_fee: money(sums.invoiceFeeMinor),
    invoice_fee_vat: whole(feeVat),
    reminder_fee: extra.reminderFee ?? '0',
    interest_rate: decimalOut(extra.interestRate ?? '0'),
    interest_fee: money(sums.interestEarnedMinor),
    rounding_value: money(sums.roundingMinor),
    automatic_reminders: extra.automaticReminders ?? false,
    automatic_reminders_settings: extra.automaticRemindersSettings ?? [],
    automatic_collection: extra.automaticCollection ?? null,
    detailed_sums: detailedSums(sums, feeVat),
    info: infoOf(primary, extra),
    items: itemsToWire(primary),
    regional_sweden: extra.regionalSweden ?? {
      rotavdrag: false,
      rotavdrag_personal_number: '',
      rotavdrag_description: '',
      reversed_vat: false,
    },
    callbacks: details.callback
      ? { url: details.callback.url, sign_key: details.callback.signKey, custom: details.callback.custom }
      : null,
    attachment: details.attachmentFilename,
    creditor_unique_value: extra.creditorUniqueValue ?? null,
    ...(extra.contract === undefined ? {} : { contract: extra.contract }),
    show_item_gross_prices: extra.showItemGrossPrices ?? false,
    ...(extra.pdf === undefined ? {} : { pdf: extra.pdf }),
    events: events.slice(-100),
  }
}
