// Applies a customer's balance (money paid in advance or overpaid, held on the customer-balance
// account) to its invoices, and undoes that. The invariants it protects: no more is applied than
// the contact's balance in the invoices' currency holds, nor more to an invoice than it owes; each
// application posts Dr customer balance, Cr receivables and adds to the invoice's payments in the
// same transaction; a voided application reverses both and is not reinstated.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { accountNumberForRole } from '../../domain/ledger/chart-of-accounts.ts'
import { balanceApplicationEntry } from '../../domain/ledger/payment-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import type { ContactBalancePaymentsTable } from '../../storage/schema-billy.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice, saveLockedInvoice } from '../invoices/lock-invoice.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'

export const CONTACT_BALANCE_SOURCE = 'contact_balance_payment'

export type ContactBalancePayment = Readonly<{
  paymentId: string
  contactId: string
  currency: string
  entryDate: string
  amountMinor: bigint
  isVoided: boolean
  createdAt: string
  applied: readonly Readonly<{ invoiceId: string; amountMinor: bigint }>[]
}>

/** What the contact has on the customer-balance account in a currency (credit positive). */
async function balanceOf(tx: Tx, org: string, accountNumber: string, contactId: string, currency: string) {
  const row = await tx
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', (join) =>
      join.onRef('e.organization_id', '=', 'l.organization_id').onRef('e.entry_id', '=', 'l.entry_id'),
    )
    .select((eb) => eb.fn.sum<bigint>(eb('l.credit_minor', '-', eb.ref('l.debit_minor'))).as('balance'))
    .where('l.organization_id', '=', org)
    .where('l.account_number', '=', accountNumber)
    .where('l.contact_id', '=', contactId)
    .where('e.currency', '=', currency)
    .executeTakeFirst()
  return BigInt(row?.balance ?? 0)
}

async function lockAll(context: CoreContext, tx: Tx, org: string, invoiceIds: readonly string[]) {
  if (invoiceIds.length === 0)
    throw invalidField('associations', 'a balance payment names the invoices it pays')
  if (new Set(invoiceIds).size !== invoiceIds.length)
    throw invalidField('associations', 'an invoice appears twice')
  const locked = new Map<string, Invoice>()
  for (const id of [...invoiceIds].sort()) locked.set(id, await lockInvoice(context.storage, tx, org, id))
  const invoices = invoiceIds.map((id) => locked.get(id) as Invoice)
  const [first] = invoices
  for (const invoice of invoices) {
    if (invoice.kind !== 'invoice' || invoice.balanceMinor <= 0n)
      throw invalidField('associations', `invoice ${invoice.number ?? invoice.invoiceId} owes nothing`)
    if (invoice.contactId !== first?.contactId || invoice.currency !== first.currency)
      throw invalidField('associations', 'the invoices must be of one contact and currency')
  }
  return invoices
}

export async function applyContactBalance(
  context: CoreContext,
  tenant: Tenant,
  input: Readonly<{ invoiceIds: readonly string[]; amountMinor: bigint; entryDate: string }>,
): Promise<ContactBalancePayment> {
  const org = tenant.organizationId
  const entryDate = parseIsoDate(input.entryDate, 'entryDate')
  if (input.amountMinor <= 0n) throw invalidField('amount', 'the amount applied must be positive')
  const now = nowIso(context)
  const paymentId = newId()
  return context.storage.db.transaction().execute(async (tx) => {
    const invoices = await lockAll(context, tx, org, input.invoiceIds)
    const { contactId, currency } = invoices[0] as Invoice
    const chart = await loadChart(tx, org)
    const available = await balanceOf(
      tx,
      org,
      accountNumberForRole(chart, 'customerBalance'),
      contactId,
      currency,
    )
    if (input.amountMinor > available)
      throw invalidField('amount', `the contact's balance holds ${available} minor units of ${currency}`)
    let remaining = input.amountMinor
    const applied: { invoiceId: string; amountMinor: bigint }[] = []
    for (const invoice of invoices) {
      const amountMinor = remaining < invoice.balanceMinor ? remaining : invoice.balanceMinor
      if (amountMinor <= 0n) break
      remaining -= amountMinor
      applied.push({ invoiceId: invoice.invoiceId, amountMinor })
      const full = amountMinor === invoice.balanceMinor
      await saveLockedInvoice(
        tx,
        org,
        invoice,
        {
          paid_minor: invoice.paidMinor + amountMinor,
          state: nextState(invoice.state, full ? 'payInFull' : 'payPartly'),
        },
        now,
      )
      const entry = balanceApplicationEntry(chart, {
        entryDate,
        description: `Customer balance applied to invoice ${invoice.number ?? invoice.invoiceId}`,
        currency: currency as CurrencyCode,
        contactId,
        invoiceId: invoice.invoiceId,
        amountMinor,
      })
      await postEntry(tx, org, entry, { type: CONTACT_BALANCE_SOURCE, id: paymentId }, now)
      await recordAndAnnounce(tx, {
        organizationId: org,
        type: 'invoice.balance_applied',
        caseId: invoice.caseId,
        invoiceId: invoice.invoiceId,
        data: { paymentId, amountMinor },
        visibleToRecipient: false,
        occurredAt: now,
      })
    }
    if (remaining > 0n) throw invalidField('amount', 'the amount is more than the invoices owe')
    const row: ContactBalancePaymentsTable = {
      organization_id: org,
      payment_id: paymentId,
      contact_id: contactId,
      currency,
      entry_date: entryDate,
      amount_minor: input.amountMinor,
      is_voided: false,
      created_at: now,
    }
    await tx.insertInto('contact_balance_payments').values(row).execute()
    await tx
      .insertInto('contact_balance_applications')
      .values(
        applied.map((item) => ({
          organization_id: org,
          payment_id: paymentId,
          invoice_id: item.invoiceId,
          amount_minor: item.amountMinor,
        })),
      )
      .execute()
    return { ...paymentOf(row), applied }
  })
}

function paymentOf(row: ContactBalancePaymentsTable): Omit<ContactBalancePayment, 'applied'> {
  return {
    paymentId: row.payment_id,
    contactId: row.contact_id,
    currency: row.currency,
    entryDate: row.entry_date,
    amountMinor: row.amount_minor,
    isVoided: row.is_voided,
    createdAt: row.created_at,
  }
}

/** Voids an application for good: the invoices owe the amounts again and the entries are reversed. */
export async function voidContactBalancePayment(
  context: CoreContext,
  tenant: Tenant,
  paymentId: string,
): Promise<string[]> {
  const org = tenant.organizationId
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      context.storage,
      tx
        .selectFrom('contact_balance_payments')
        .selectAll()
        .where('organization_id', '=', org)
        .where('payment_id', '=', paymentId),
    ).executeTakeFirst()
    if (!row) throw notFound('contact balance payment', paymentId)
    const applications = await tx
      .selectFrom('contact_balance_applications')
      .selectAll()
      .where('organization_id', '=', org)
      .where('payment_id', '=', paymentId)
      .orderBy('invoice_id')
      .execute()
    if (row.is_voided) return applications.map((item) => item.invoice_id)
    for (const item of applications) {
      const invoice = await lockInvoice(context.storage, tx, org, item.invoice_id)
      if (invoice.paidMinor < item.amount_minor)
        throw new DomainError(
          'wrong_state',
          'the invoice was credited since; the application cannot be voided',
          {
            field: 'isVoided',
          },
        )
      await saveLockedInvoice(
        tx,
        org,
        invoice,
        {
          paid_minor: invoice.paidMinor - item.amount_minor,
          state: nextState(invoice.state, 'reversePayment'),
        },
        now,
      )
    }
    await reverseEntriesOf(
      tx,
      org,
      { type: CONTACT_BALANCE_SOURCE, id: paymentId },
      `${CONTACT_BALANCE_SOURCE}_void`,
      now,
    )
    await tx
      .updateTable('contact_balance_payments')
      .set({ is_voided: true })
      .where('organization_id', '=', org)
      .where('payment_id', '=', paymentId)
      .execute()
    return applications.map((item) => item.invoice_id)
  })
}

export async function getContactBalancePayments(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; contactIds?: readonly string[]; invoiceIds?: readonly string[] }>,
): Promise<ContactBalancePayment[]> {
  const org = tenant.organizationId
  const db = context.storage.db
  let ids = by.ids
  if (by.invoiceIds) {
    const rows = await db
      .selectFrom('contact_balance_applications')
      .select('payment_id')
      .where('organization_id', '=', org)
      .where('invoice_id', 'in', [...by.invoiceIds, ''])
      .execute()
    ids = rows.map((row) => row.payment_id)
  }
  let query = db.selectFrom('contact_balance_payments').selectAll().where('organization_id', '=', org)
  if (ids) query = query.where('payment_id', 'in', [...ids, ''])
  if (by.contactIds) query = query.where('contact_id', 'in', [...by.contactIds, ''])
  const rows = await query.orderBy('created_at').limit(10_000).execute()
  if (rows.length === 0) return []
  const applications = await db
    .selectFrom('contact_balance_applications')
    .selectAll()
    .where('organization_id', '=', org)
    .where(
      'payment_id',
      'in',
      rows.map((row) => row.payment_id),
    )
    .execute()
  return rows.map((row) => ({
    ...paymentOf(row),
    applied: applications
      .filter((item) => item.payment_id === row.payment_id)
      .map((item) => ({ invoiceId: item.invoice_id, amountMinor: item.amount_minor })),
  }))
}
