// Fills a draft's gaps from the contact, its products and the organization (currency, prices,
// VAT, payment terms), then checks and totals it. Shared by create and edit, so a draft is
// resolved by the same rules however it was written.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { invalidField, notFound } from '../../domain/errors.ts'
import type { CheckedLine } from '../../domain/invoicing/draft.ts'
import {
  computeDraft,
  type DiscountInput,
  parseDiscount,
  type ResolvedLineInput,
} from '../../domain/invoicing/draft.ts'
import type { InvoiceTotals } from '../../domain/invoicing/totals.ts'
import { type CurrencyCode, parseCurrencyCode } from '../../domain/money/currency.ts'
import type { Product } from '../../domain/products/product.ts'
import type { PriceBasis, RoundingScope } from '../../domain/tax/compute-vat.ts'
import { type SalesTaxZone, salesTaxZone, taxForZone } from '../../domain/tax/sales-tax-rule.ts'
import type { Executor } from '../../storage/database.ts'
import type { Tenant } from '../context.ts'
import { loadProduct } from '../products/product-record.ts'

export type DraftLineInput = Readonly<{
  productId?: string | null
  description?: string | null
  quantity?: string | number | null
  unit?: string | null
  unitPrice?: string | number | null
  discount?: DiscountInput | null
  vatRatePercent?: string | number | null
  taxTreatment?: string | null
  revenueAccountNumber?: string | null
  extra?: Readonly<Record<string, unknown>>
}>

export type DraftInvoiceInput = Readonly<{
  contactId: string
  currency?: string | null
  invoiceDate?: string | null
  dueDate?: string | null
  deliveryDate?: string | null
  paymentTermsDays?: number | null
  priceBasis?: PriceBasis | null
  roundingScope?: RoundingScope | null
  documentDiscount?: DiscountInput | null
  ourReference?: string | null
  yourReference?: string | null
  notes?: string | null
  locale?: string | null
  seriesKey?: string | null
  lines: readonly DraftLineInput[]
  extra?: Readonly<Record<string, unknown>>
  /**
   * A line that takes its tax from its product is taxed by the contact's country and kind (reverse
   * charge for an EU business, zero-rated export outside the EU), as Billy's rulesets do.
   */
  taxByBuyerCountry?: boolean
}>

export type ResolvedDraft = Readonly<{
  contactId: string
  currency: CurrencyCode
  invoiceDate: string | null
  dueDate: string | null
  deliveryDate: string | null
  paymentTermsDays: number | null
  priceBasis: PriceBasis
  roundingScope: RoundingScope
  documentDiscount: DiscountInput | null
  ourReference: string | null
  yourReference: string | null
  notes: string | null
  locale: string
  seriesKey: string
  lines: readonly CheckedLine[]
  totals: InvoiceTotals
  extra: Readonly<Record<string, unknown>>
}>

const optionalDate = (value: string | null | undefined, field: string) =>
  value == null || value === '' ? null : parseIsoDate(value, field)

type ProductLoader = (productId: string) => Promise<Product | undefined>

/** Loads each product once per draft, however many of its lines name it. */
function productLoader(db: Executor, tenant: Tenant): ProductLoader {
  const loaded = new Map<string, Promise<Product | undefined>>()
  return (productId) => {
    let product = loaded.get(productId)
    if (!product) {
      product = loadProduct(db, tenant.organizationId, productId)
      loaded.set(productId, product)
    }
    return product
  }
}

async function resolveLine(
  loadLineProduct: ProductLoader,
  currency: CurrencyCode,
  zone: SalesTaxZone,
  line: DraftLineInput,
  index: number,
): Promise<ResolvedLineInput> {
  const product = line.productId ? await loadLineProduct(line.productId) : undefined
  if (line.productId && !product)
    throw invalidField(`lines.${index}.productId`, `product ${line.productId} does not exist`)
  const productPrice = product?.prices.find((price) => price.currency === currency)?.unitPrice
  const unitPrice = line.unitPrice ?? productPrice
  if (unitPrice == null) {
    throw invalidField(
      `lines.${index}.unitPrice`,
      product
        ? `product ${product.productNo} has no price in ${currency}: give a unit price`
        : 'unit price is required',
    )
  }
  const productTax = product && line.vatRatePercent == null && line.taxTreatment == null ? product : undefined
  const tax = productTax ? taxForZone(productTax, zone) : undefined
  return {
    productId: product?.productId ?? null,
    description: line.description ?? product?.name ?? '',
    quantity: line.quantity ?? '1',
    unit: line.unit ?? product?.unit ?? null,
    unitPrice,
    discount: line.discount ?? null,
    vatRatePercent: tax?.vatRatePercent ?? line.vatRatePercent ?? product?.vatRatePercent ?? '0',
    taxTreatment: tax?.taxTreatment ?? line.taxTreatment ?? product?.taxTreatment ?? 'standard',
    revenueAccountNumber: line.revenueAccountNumber ?? product?.revenueAccountNumber ?? null,
    extra: line.extra ?? {},
  }
}

export async function resolveDraft(
  db: Executor,
  tenant: Tenant,
  input: DraftInvoiceInput,
): Promise<ResolvedDraft> {
  const [contact, organization] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['currency', 'locale', 'payment_terms_days', 'country', 'kind'])
      .where('organization_id', '=', tenant.organizationId)
      .where('contact_id', '=', input.contactId ?? '')
      .executeTakeFirst(),
    db
      .selectFrom('organizations')
      .select(['base_currency', 'locale', 'settings', 'country'])
      .where('organization_id', '=', tenant.organizationId)
      .executeTakeFirstOrThrow(),
  ])
  if (!contact) throw invalidField('contactId', `contact ${input.contactId} does not exist`)
  if (!Array.isArray(input.lines)) throw invalidField('lines', 'lines must be a list')
  const currency = parseCurrencyCode(
    input.currency ?? contact.currency ?? organization.base_currency,
    'currency',
  )
  const priceBasis = input.priceBasis ?? 'net'
  if (priceBasis !== 'net' && priceBasis !== 'gross')
    throw invalidField('priceBasis', 'priceBasis must be net or gross')
  const roundingScope = input.roundingScope ?? 'line'
  if (roundingScope !== 'line' && roundingScope !== 'document')
    throw invalidField('roundingScope', 'roundingScope must be line or document')
  const settings = JSON.parse(organization.settings) as { paymentTermsDays?: number }
  const paymentTermsDays =
    input.paymentTermsDays ?? contact.payment_terms_days ?? settings.paymentTermsDays ?? 30
  if (!Number.isInteger(paymentTermsDays) || paymentTermsDays < 0 || paymentTermsDays > 3650) {
    throw invalidField('paymentTermsDays', 'payment terms must be a whole number of days between 0 and 3650')
  }
  const resolvedLines: ResolvedLineInput[] = []
  const loadLineProduct = productLoader(db, tenant)
  const zone = input.taxByBuyerCountry
    ? salesTaxZone({
        sellerCountry: organization.country,
        buyerCountry: contact.country,
        buyerKind: contact.kind === 'person' ? 'person' : 'company',
      })
    : 'domestic'
  for (const [index, line] of input.lines.entries())
    resolvedLines.push(await resolveLine(loadLineProduct, currency, zone, line, index))
  const documentDiscount = input.documentDiscount ?? null
  const { lines, totals } = computeDraft(
    {
      currency,
      priceBasis,
      roundingScope,
      documentDiscount: parseDiscount(documentDiscount, 'documentDiscount'),
    },
    resolvedLines,
  )
  const invoiceDate = optionalDate(input.invoiceDate, 'invoiceDate')
  const dueDate = optionalDate(input.dueDate, 'dueDate')
  if (invoiceDate && dueDate && dueDate < invoiceDate)
    throw invalidField('dueDate', 'due date must not be before the invoice date')
  return {
    contactId: input.contactId,
    currency,
    invoiceDate,
    dueDate,
    deliveryDate: optionalDate(input.deliveryDate, 'deliveryDate'),
    paymentTermsDays,
    priceBasis,
    roundingScope,
    documentDiscount,
    ourReference: input.ourReference ?? null,
    yourReference: input.yourReference ?? null,
    notes: input.notes ?? null,
    locale: input.locale ?? contact.locale ?? organization.locale,
    seriesKey: input.seriesKey ?? 'invoice',
    lines,
    totals,
    extra: input.extra ?? {},
  }
}

export function assertFound<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw notFound(what, id)
  return value
}
