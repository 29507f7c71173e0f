// Issues a credit note against an approved invoice, numbered and posted at once, and applies it:
// it reduces what the invoice owes, and anything it credits beyond that (an invoice already paid)
// moves to the contact's balance. One transaction; the invoice row is locked throughout.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState, settlementAction } from '../../domain/invoicing/lifecycle.ts'
import { creditNoteEntry } from '../../domain/ledger/invoice-entry.ts'
import { reverseEntry } from '../../domain/ledger/journal-entry.ts'
import { balanceApplicationEntry } from '../../domain/ledger/payment-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { draftColumns } from './create-invoice.ts'
import { type CreditSelection, creditDraftFor } from './credit-lines.ts'
import { invoicePosting } from './invoice-posting.ts'
import { lineRows, loadInvoice } from './invoice-record.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from './lock-invoice.ts'
import { assertFound, resolveDraft } from './resolve-draft.ts'
import { takeNumber } from './take-number.ts'

export type CreditInvoiceInput = Readonly<{
  invoiceId: string
  selection: CreditSelection
  reason?: string
  seriesKey?: string
  /** The credit note's date (its entry date in the ledger); today when absent. */
  creditDate?: string
  /** The credit note's own dialect fields, as a draft's `extra`. */
  extra?: Readonly<Record<string, unknown>>
}>

export type IssuedCredit = Readonly<{ creditNote: Invoice; invoice: Invoice; toBalanceMinor: bigint }>

/** The series credit notes are numbered in unless a dialect names another. */
export const CREDIT_NOTE_SERIES = 'credit_note'

/** An issued credit note is settled at once: what it credits is applied to its invoice. */
export const ISSUED_CREDIT_STATE = nextState(nextState('draft', 'approve'), 'payInFull')

/** Refuses to credit what is not an approved debit invoice. */
export function refuseUncreditable(invoice: Invoice): void {
  if (invoice.kind !== 'invoice')
    throw new DomainError('wrong_state', 'a credit note cannot itself be credited', { field: 'invoiceId' })
  if (invoice.state === 'draft')
    throw new DomainError('wrong_state', 'a draft is deleted or edited, not credited', {
      state: invoice.state,
    })
}

/** Refuses a credit of nothing, or of more than the invoice has left to credit. */
export function refuseCreditAmount(invoice: Invoice, creditMinor: bigint): void {
  if (creditMinor <= 0n)
    throw new DomainError('invalid_field', 'the credit note must credit a positive amount', {
      field: 'lines',
    })
  if (creditMinor > invoice.grossMinor - invoice.creditedMinor)
    throw new DomainError(
      'amount_exceeds_balance',
      'the credit exceeds what the invoice has left to credit',
      { field: 'lines' },
    )
}

export type AppliedCredit = Readonly<{
  /** The credited invoice, locked by the caller's transaction. */
  invoice: Invoice
  /** The credit note as issued (numbered, in its issued state), written by the same transaction. */
  creditNote: Invoice
  creditDate: string
  now: string
}>

/**
 * Applies an issued credit note to its locked invoice and posts it: the invoice owes less, and
 * what the credit note credits beyond what it owed (an invoice already paid) leaves its payments
 * for the customer's balance. Returns that excess.
 */
export async function applyCreditWithin(tx: Tx, org: string, applied: AppliedCredit): Promise<bigint> {
  const { invoice, creditNote, creditDate, now } = applied
  const creditMinor = creditNote.grossMinor
  const number = creditNote.number ?? ''
  const openMinor = invoice.balanceMinor > 0n ? invoice.balanceMinor : 0n
  const excessMinor = creditMinor > openMinor ? creditMinor - openMinor : 0n
  const state = nextState(invoice.state, settlementAction('credit', openMinor - creditMinor))
  await saveLockedInvoice(
    tx,
    org,
    invoice,
    {
      credited_minor: invoice.creditedMinor + creditMinor,
      paid_minor: invoice.paidMinor - excessMinor,
      state,
    },
    now,
  )
  const chart = await loadChart(tx, org)
  const source = { type: 'credit_note', id: creditNote.invoiceId }
  await postEntry(
    tx,
    org,
    creditNoteEntry(
      chart,
      invoicePosting(creditNote, creditDate, `Credit note ${number}`, invoice.invoiceId),
    ),
    source,
    now,
  )
  if (excessMinor > 0n) {
    const application = balanceApplicationEntry(chart, {
      entryDate: creditDate,
      description: `Credit note ${number} to the customer's balance`,
      currency: invoice.currency as CurrencyCode,
      contactId: invoice.contactId,
      invoiceId: invoice.invoiceId,
      amountMinor: excessMinor,
    })
    await postEntry(tx, org, reverseEntry(application, creditDate), source, now)
  }
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: 'invoice.credited',
    caseId: invoice.caseId,
    invoiceId: invoice.invoiceId,
    data: { creditNoteId: creditNote.invoiceId, number, creditMinor, toBalanceMinor: excessMinor },
    visibleToRecipient: true,
    occurredAt: now,
  })
  return excessMinor
}

export async function creditInvoice(
  context: CoreContext,
  tenant: Tenant,
  input: CreditInvoiceInput,
): Promise<IssuedCredit> {
  const org = tenant.organizationId
  const now = nowIso(context)
  const creditNoteId = newId()
  const toBalanceMinor = await context.storage.db.transaction().execute(async (tx) => {
    const invoice = await lockInvoice(context.storage, tx, org, input.invoiceId)
    refuseUncreditable(invoice)
    const organization = await organizationOf(tx, org)
    const creditDate = input.creditDate
      ? parseIsoDate(input.creditDate, 'creditDate')
      : todayFor(context, organization.clock_offset_days)
    const plan = creditDraftFor(
      invoice,
      input.selection,
      input.reason ?? `Credit of invoice ${invoice.number}`,
    )
    const draft = await resolveDraft(tx, tenant, {
      contactId: invoice.contactId,
      currency: invoice.currency,
      priceBasis: plan.priceBasis,
      roundingScope: invoice.roundingScope,
      documentDiscount: plan.documentDiscount,
      locale: invoice.locale,
      seriesKey: input.seriesKey ?? CREDIT_NOTE_SERIES,
      invoiceDate: creditDate,
      dueDate: creditDate,
      ourReference: invoice.ourReference,
      yourReference: invoice.yourReference,
      notes: input.reason ?? null,
      lines: plan.lines,
      ...(input.extra ? { extra: input.extra } : {}),
    })
    const creditMinor = draft.totals.totals.grossMinor
    refuseCreditAmount(invoice, creditMinor)
    const { numberSeq, number } = await takeNumber(context.storage, tx, org, draft.seriesKey)
    await tx
      .insertInto('invoices')
      .values({
        organization_id: org,
        invoice_id: creditNoteId,
        invoice_seq: await takeCounter(context.storage, tx, org, 'invoice'),
        case_id: invoice.caseId,
        kind: 'credit_note',
        credited_invoice_id: invoice.invoiceId,
        state: ISSUED_CREDIT_STATE,
        exchange_rate: invoice.exchangeRate,
        number_seq: numberSeq,
        number,
        payment_reference: null,
        payment_reference_kind: null,
        recipient: JSON.stringify(invoice.recipient),
        paid_minor: creditMinor,
        credited_minor: 0n,
        written_off_minor: 0n,
        fees_minor: 0n,
        ...draftColumns(draft),
        version: 1,
        approved_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const rows = lineRows(org, creditNoteId, draft.lines, draft.totals).map((row, index) => ({
      ...row,
      credited_line_no: plan.lines[index]?.creditedLineNo ?? null,
    }))
    await tx.insertInto('invoice_lines').values(rows).execute()
    const creditNote = assertFound(await loadInvoice(tx, org, creditNoteId), 'credit note', creditNoteId)
    return applyCreditWithin(tx, org, { invoice, creditNote, creditDate, now })
  })
  const [creditNote, invoice] = await Promise.all([
    loadInvoice(context.storage.db, org, creditNoteId),
    loadInvoice(context.storage.db, org, input.invoiceId),
  ])
  return {
    creditNote: assertFound(creditNote, 'credit note', creditNoteId),
    invoice: assertFound(invoice, 'invoice', input.invoiceId),
    toBalanceMinor,
  }
}
