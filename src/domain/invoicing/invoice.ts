// The invoice as the core hands it to dialects: a debit invoice or a credit note, its lines with
// their computed amounts, its state from the lifecycle and its running balance.

import type { PaymentReferenceKind } from '../payments/payment-reference.ts'
import type { PriceBasis, RoundingScope } from '../tax/compute-vat.ts'
import type { TaxTreatment } from '../tax/tax-treatment.ts'
import type { InvoiceState } from './lifecycle.ts'

export type InvoiceKind = 'invoice' | 'credit_note'

/** Stored form of a discount: a percentage as a decimal string, or an amount in minor units. */
export type StoredDiscount =
  | Readonly<{ kind: 'percent'; ratePercent: string }>
  | Readonly<{ kind: 'amount'; amountMinor: bigint }>

export type InvoiceLine = Readonly<{
  lineNo: number
  productId: string | null
  description: string
  quantity: string
  unit: string | null
  unitPrice: string
  discount: StoredDiscount | null
  vatRatePercent: string
  taxTreatment: TaxTreatment
  revenueAccountNumber: string | null
  creditedLineNo: number | null
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
  discountMinor: bigint
  extra: Readonly<Record<string, unknown>>
}>

export type TaxBreakdownLine = Readonly<{
  vatRatePercent: string
  taxTreatment: TaxTreatment
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
}>

export type Recipient = Readonly<{
  name?: string
  attention?: string
  street?: string | null
  street2?: string | null
  zip?: string | null
  city?: string | null
  country?: string | null
  email?: string | null
}>

export type Invoice = Readonly<{
  invoiceId: string
  /** A whole number unique in the organization, for vendors whose ids are integers. */
  invoiceSeq: bigint
  caseId: string
  caseNo: bigint
  pageToken: string
  kind: InvoiceKind
  creditedInvoiceId: string | null
  state: InvoiceState
  contactId: string
  currency: string
  exchangeRate: string | null
  seriesKey: string
  numberSeq: bigint | null
  number: string | null
  invoiceDate: string | null
  dueDate: string | null
  deliveryDate: string | null
  paymentTermsDays: number | null
  priceBasis: PriceBasis
  roundingScope: RoundingScope
  documentDiscount: StoredDiscount | null
  paymentReference: string | null
  paymentReferenceKind: PaymentReferenceKind | null
  ourReference: string | null
  yourReference: string | null
  locale: string
  recipient: Recipient
  notes: string | null
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
  paidMinor: bigint
  creditedMinor: bigint
  writtenOffMinor: bigint
  feesMinor: bigint
  /** What is still owed; never negative for a debit invoice. */
  balanceMinor: bigint
  /** Net, VAT and gross after the line discounts and before the document discount. */
  unreducedNetMinor: bigint
  unreducedGrossMinor: bigint
  documentDiscountMinor: bigint
  breakdown: readonly TaxBreakdownLine[]
  lines: readonly InvoiceLine[]
  extra: Readonly<Record<string, unknown>>
  version: number
  approvedAt: string | null
  createdAt: string
  updatedAt: string
}>
