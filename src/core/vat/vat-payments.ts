// Paying a settled VAT return: the settlement's balance leaves (or, for a refund, reaches) a bank
// account. The invariants it protects: only a settled return with something to pay is paid, at
// most once while the payment stands, from an asset account; voiding reverses the entry for good.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { forUpdate } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import type { VatPaymentsTable } from '../../storage/schema-billy.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'
import { VAT_PAYMENT_SOURCE } from './vat-returns.ts'

export type VatPayment = Readonly<{
  paymentId: string
  returnId: string
  entryDate: string
  accountNumber: string
  /** Positive: paid to the authorities; negative: a refund received. */
  amountMinor: bigint
  currency: string
  isVoided: boolean
  createdAt: string
}>

function fromRow(row: VatPaymentsTable, currency: string): VatPayment {
  return {
    paymentId: row.payment_id,
    returnId: row.return_id,
    entryDate: row.entry_date,
    accountNumber: row.account_number,
    amountMinor: row.amount_minor,
    currency,
    isVoided: row.is_voided,
    createdAt: row.created_at,
  }
}

export async function getVatPayments(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; returnIds?: readonly string[] }>,
): Promise<VatPayment[]> {
  let query = context.storage.db
    .selectFrom('vat_payments as p')
    .innerJoin('vat_returns as r', (join) =>
      join.onRef('r.organization_id', '=', 'p.organization_id').onRef('r.return_id', '=', 'p.return_id'),
    )
    .selectAll('p')
    .select('r.currency')
    .where('p.organization_id', '=', tenant.organizationId)
  if (by.ids) query = query.where('p.payment_id', 'in', [...by.ids, ''])
  if (by.returnIds) query = query.where('p.return_id', 'in', [...by.returnIds, ''])
  const rows = await query.orderBy('p.created_at').limit(10_000).execute()
  return rows.map((row) => fromRow(row, row.currency))
}

export async function payVatReturn(
  context: CoreContext,
  tenant: Tenant,
  input: Readonly<{ returnId: string; entryDate: string; accountNumber: string }>,
): Promise<VatPayment> {
  const org = tenant.organizationId
  const entryDate = parseIsoDate(input.entryDate, 'entryDate')
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const found = await forUpdate(
      context.storage,
      tx
        .selectFrom('vat_returns')
        .selectAll()
        .where('organization_id', '=', org)
        .where('return_id', '=', input.returnId),
    ).executeTakeFirst()
    if (!found?.is_settled)
      throw invalidField('salesTaxReturnId', 'only a settled VAT return is paid; settle it first')
    if (found.settlement_minor === 0n)
      throw invalidField('salesTaxReturnId', 'the VAT return has nothing to pay')
    const standing = await tx
      .selectFrom('vat_payments')
      .select('payment_id')
      .where('organization_id', '=', org)
      .where('return_id', '=', input.returnId)
      .where('is_voided', '=', false)
      .executeTakeFirst()
    if (standing)
      throw new DomainError('conflict', 'the VAT return is paid already', { field: 'salesTaxReturnId' })
    const chart = await loadChart(tx, org)
    const account = chart.find((item) => item.number === input.accountNumber)
    if (account?.nature !== 'asset') throw invalidField('accountNumber', 'VAT is paid from an asset account')
    const settlement = chart.find((item) => item.role === 'vatSettlement')
    if (!settlement) throw invalidField('salesTaxReturnId', 'the chart has no VAT settlement account')
    const amountMinor = found.settlement_minor
    const paymentId = newId()
    await postEntry(
      tx,
      org,
      {
        entryDate,
        description: `VAT payment ${found.start_date} to ${found.end_date}`,
        currency: found.currency as CurrencyCode,
        lines: [
          { accountNumber: settlement.number, amountMinor },
          { accountNumber: account.number, amountMinor: -amountMinor },
        ],
      },
      { type: VAT_PAYMENT_SOURCE, id: paymentId },
      now,
    )
    const row: VatPaymentsTable = {
      organization_id: org,
      payment_id: paymentId,
      return_id: input.returnId,
      entry_date: entryDate,
      account_number: account.number,
      amount_minor: amountMinor,
      is_voided: false,
      created_at: now,
    }
    await tx.insertInto('vat_payments').values(row).execute()
    return fromRow(row, found.currency)
  })
}

/** Voids a VAT payment for good: its entry is reversed and the return counts as unpaid again. */
export async function voidVatPayment(context: CoreContext, tenant: Tenant, paymentId: string): Promise<void> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      context.storage,
      tx
        .selectFrom('vat_payments')
        .selectAll()
        .where('organization_id', '=', org)
        .where('payment_id', '=', paymentId),
    ).executeTakeFirst()
    if (!row) throw notFound('sales tax payment', paymentId)
    if (row.is_voided) return
    await reverseEntriesOf(
      tx,
      org,
      { type: VAT_PAYMENT_SOURCE, id: paymentId },
      `${VAT_PAYMENT_SOURCE}_void`,
      nowIso(context),
    )
    await tx
      .updateTable('vat_payments')
      .set({ is_voided: true })
      .where('organization_id', '=', org)
      .where('payment_id', '=', paymentId)
      .execute()
  })
}
