// Refunds a credit note: pays back to the customer what the credit note gave them beyond what its
// invoice still owed (that part sits on the customer's balance). The refund is a payment going
// out: a payments row with a negative amount, tied to the credit note, and one entry (Dr customer
// balance, Cr bank). The invariants it protects: a credit note is never refunded for more than it
// put on the customer's balance less what was refunded on it before, nor for more than the
// balance still holds;
// the credit note row is locked, so two refunds apply one after the other. Voiding a refund
// reverses its entry and gives the amount back to the balance.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { accountNumberForRole } from '../../domain/ledger/chart-of-accounts.ts'
import { refundEntry } from '../../domain/ledger/refund-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice, organizationOf } from '../invoices/lock-invoice.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'

export type RefundCreditNoteInput = Readonly<{
  creditNoteId: string
  amountMinor: bigint
  paidOn?: string
  source?: string
  reference?: string | null
  extra?: Readonly<Record<string, unknown>>
}>

const REFUND_SOURCE = 'refund'

/** What the credit note's live refunds paid back so far. */
async function refundedMinor(tx: Tx, org: string, creditNoteId: string): Promise<bigint> {
  const rows = await tx
    .selectFrom('payment_associations')
    .innerJoin('payments', (join) =>
      join
        .onRef('payments.organization_id', '=', 'payment_associations.organization_id')
        .onRef('payments.payment_id', '=', 'payment_associations.payment_id'),
    )
    .select('payment_associations.amount_minor')
    .where('payment_associations.organization_id', '=', org)
    .where('payment_associations.invoice_id', '=', creditNoteId)
    .where('payments.is_voided', '=', false)
    .execute()
  return -rows.reduce((sum, row) => sum + row.amount_minor, 0n)
}

/**
 * What owing the customer is left to pay back: the credit side of a customer balance account, over
 * the entries `source` posted (a credit note's excess) or over everything of the customer.
 */
async function balanceCreditMinor(
  tx: Tx,
  org: string,
  account: string,
  contactId: string,
  source?: Readonly<{ type: string; id: string }>,
): Promise<bigint> {
  let query = tx
    .selectFrom('journal_lines')
    .innerJoin('journal_entries', (join) =>
      join
        .onRef('journal_entries.organization_id', '=', 'journal_lines.organization_id')
        .onRef('journal_entries.entry_id', '=', 'journal_lines.entry_id'),
    )
    .select(['journal_lines.debit_minor', 'journal_lines.credit_minor'])
    .where('journal_lines.organization_id', '=', org)
    .where('journal_lines.account_number', '=', account)
    .where('journal_lines.contact_id', '=', contactId)
  if (source)
    query = query
      .where('journal_entries.source_type', '=', source.type)
      .where('journal_entries.source_id', '=', source.id)
  const rows = await query.execute()
  return rows.reduce((sum, row) => sum + row.credit_minor - row.debit_minor, 0n)
}

async function refundableMinor(tx: Tx, org: string, account: string, creditNote: Invoice): Promise<bigint> {
  const source = { type: 'credit_note', id: creditNote.invoiceId }
  const [excess, refunded, balance] = await Promise.all([
    balanceCreditMinor(tx, org, account, creditNote.contactId, source),
    refundedMinor(tx, org, creditNote.invoiceId),
    balanceCreditMinor(tx, org, account, creditNote.contactId),
  ])
  const left = excess - refunded
  return left < balance ? left : balance
}

export async function refundCreditNote(
  context: CoreContext,
  tenant: Tenant,
  input: RefundCreditNoteInput,
): Promise<string> {
  const org = tenant.organizationId
  if (input.amountMinor <= 0n) throw invalidField('amount', 'a refunded amount must be positive')
  const paymentId = newId()
  const now = nowIso(context)
  await context.storage.db.transaction().execute(async (tx) => {
    const creditNote = await lockInvoice(context.storage, tx, org, input.creditNoteId)
    if (creditNote.kind !== 'credit_note' || creditNote.state === 'draft')
      throw new DomainError('wrong_state', 'only an issued credit note is refunded', {
        state: creditNote.state,
      })
    const chart = await loadChart(tx, org)
    const balanceAccount = accountNumberForRole(chart, 'customerBalance')
    // Only what the credit note put on the customer's balance, and is still there, goes back.
    if (input.amountMinor > (await refundableMinor(tx, org, balanceAccount, creditNote)))
      throw new DomainError(
        'amount_exceeds_balance',
        'the amount exceeds what the credit note has left to refund: only what it credited beyond what its invoice still owed is owed to the customer',
        { field: 'amount' },
      )
    const organization = await organizationOf(tx, org)
    const paidOn = input.paidOn
      ? parseIsoDate(input.paidOn, 'paidOn')
      : todayFor(context, organization.clock_offset_days)
    await tx
      .insertInto('payments')
      .values({
        organization_id: org,
        payment_id: paymentId,
        payment_seq: await takeCounter(context.storage, tx, org, 'payment'),
        contact_id: creditNote.contactId,
        currency: creditNote.currency,
        amount_minor: -input.amountMinor,
        fee_minor: 0n,
        overpaid_minor: 0n,
        paid_on: paidOn,
        source: input.source ?? REFUND_SOURCE,
        reference: input.reference ?? null,
        external_id: null,
        is_voided: false,
        extra: JSON.stringify(input.extra ?? {}),
        created_at: now,
      })
      .execute()
    await tx
      .insertInto('payment_associations')
      .values({
        organization_id: org,
        payment_id: paymentId,
        invoice_id: creditNote.invoiceId,
        amount_minor: -input.amountMinor,
      })
      .execute()
    const entry = refundEntry(chart, {
      entryDate: paidOn,
      description: `Refund of credit note ${creditNote.number ?? creditNote.invoiceId}`,
      currency: creditNote.currency as CurrencyCode,
      contactId: creditNote.contactId,
      amountMinor: input.amountMinor,
    })
    await postEntry(tx, org, entry, { type: REFUND_SOURCE, id: paymentId }, now)
    await recordAndAnnounce(tx, {
      organizationId: org,
      type: 'invoice.refunded',
      caseId: creditNote.caseId,
      invoiceId: creditNote.invoiceId,
      data: { paymentId, amountMinor: input.amountMinor, paidOn },
      visibleToRecipient: true,
      occurredAt: now,
    })
  })
  return paymentId
}

/** Voids a refund: its entry is reversed and the amount is owed to the customer again. */
export async function voidRefund(context: CoreContext, tenant: Tenant, paymentId: string): Promise<void> {
  const org = tenant.organizationId
  const now = nowIso(context)
  await context.storage.db.transaction().execute(async (tx) => {
    const payment = await forUpdate(
      context.storage,
      tx
        .selectFrom('payments')
        .select(['is_voided', 'amount_minor'])
        .where('organization_id', '=', org)
        .where('payment_id', '=', paymentId),
    ).executeTakeFirst()
    if (!payment || payment.amount_minor >= 0n) throw notFound('refund', paymentId)
    if (payment.is_voided) return
    await tx
      .updateTable('payments')
      .set({ is_voided: true })
      .where('organization_id', '=', org)
      .where('payment_id', '=', paymentId)
      .execute()
    await reverseEntriesOf(tx, org, { type: REFUND_SOURCE, id: paymentId }, `${REFUND_SOURCE}_void`, now)
  })
}
