// Resolves a sales document's draft by the invoice draft's rules (the contact's currency and
// locale, the products' prices and VAT, the checked lines and their totals), so an offer and the
// invoice made from it add up the same. A document without a contact (a letter to anyone) takes
// the organization's currency and locale and carries no lines.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { invalidField } from '../../domain/errors.ts'
import { computeDraft, parseDiscount } from '../../domain/invoicing/draft.ts'
import { parseCurrencyCode } from '../../domain/money/currency.ts'
import type { SalesDocumentKind } from '../../domain/sales/sales-document.ts'
import { computeSalesTotals } from '../../domain/sales/sales-pricing.ts'
import type { Executor } from '../../storage/database.ts'
import type { Tenant } from '../context.ts'
import {
  type DraftInvoiceInput,
  type DraftLineInput,
  type ResolvedDraft,
  resolveDraft,
} from '../invoices/resolve-draft.ts'

/** A line of a sales document; an optional one is priced but left out of the totals. */
export type SalesLineInput = DraftLineInput & Readonly<{ optional?: boolean }>

export type SalesDraftInput = Omit<DraftInvoiceInput, 'contactId' | 'invoiceDate' | 'seriesKey' | 'lines'> &
  Readonly<{
    contactId: string | null
    documentDate?: string | null
    validUntil?: string | null
    lines: readonly SalesLineInput[]
  }>

export type ResolvedSalesDraft = Omit<ResolvedDraft, 'contactId'> &
  Readonly<{ contactId: string | null; validUntil: string | null; optional: readonly boolean[] }>

async function withoutContact(db: Executor, tenant: Tenant, input: SalesDraftInput): Promise<ResolvedDraft> {
  if (input.lines.length > 0)
    throw invalidField('contactId', 'a document with items needs a client to price them for')
  const organization = await db
    .selectFrom('organizations')
    .select(['base_currency', 'locale'])
    .where('organization_id', '=', tenant.organizationId)
    .executeTakeFirstOrThrow()
  const currency = parseCurrencyCode(input.currency ?? organization.base_currency, 'currency')
  const priceBasis = input.priceBasis ?? 'net'
  const roundingScope = input.roundingScope ?? 'line'
  const { lines, totals } = computeDraft(
    {
      currency,
      priceBasis,
      roundingScope,
      documentDiscount: parseDiscount(input.documentDiscount, 'documentDiscount'),
    },
    [],
  )
  return {
    contactId: '',
    currency,
    invoiceDate: null,
    dueDate: null,
    deliveryDate: null,
    paymentTermsDays: null,
    priceBasis,
    roundingScope,
    documentDiscount: input.documentDiscount ?? null,
    ourReference: null,
    yourReference: null,
    notes: input.notes ?? null,
    locale: input.locale ?? organization.locale,
    seriesKey: '',
    lines,
    totals,
    extra: input.extra ?? {},
  }
}

export async function resolveSalesDraft(
  db: Executor,
  tenant: Tenant,
  kind: SalesDocumentKind,
  input: SalesDraftInput,
): Promise<ResolvedSalesDraft> {
  const { documentDate, validUntil, contactId, ...rest } = input
  const resolved =
    contactId === null
      ? await withoutContact(db, tenant, input)
      : await resolveDraft(db, tenant, { ...rest, contactId, invoiceDate: documentDate ?? null })
  const date = documentDate == null || documentDate === '' ? null : parseIsoDate(documentDate, 'documentDate')
  const until = validUntil == null || validUntil === '' ? null : parseIsoDate(validUntil, 'validUntil')
  if (date && until && until < date)
    throw invalidField('validUntil', 'the validity date must not be before the document date')
  const optional = input.lines.map((line) => line.optional === true)
  // Only optional lines change the invoice rules' totals; without them the draft is priced once.
  const totals = optional.includes(true)
    ? computeSalesTotals(
        {
          currency: resolved.currency,
          priceBasis: resolved.priceBasis,
          roundingScope: resolved.roundingScope,
          documentDiscount: parseDiscount(resolved.documentDiscount, 'documentDiscount'),
        },
        resolved.lines,
        optional,
      )
    : resolved.totals
  return { ...resolved, totals, optional, contactId, invoiceDate: date, validUntil: until, seriesKey: kind }
}
