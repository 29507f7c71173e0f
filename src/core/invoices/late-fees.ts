// Late fees charged on an approved invoice by hand: a flat amount plus a percentage of what the
// invoice still owes, added to what it owes and posted as fee income (Dr receivables, Cr reminder
// fees, without VAT). The invariant it protects: an invoice's fees are exactly the live fees
// posted to its receivable; voiding a fee reverses its entry and takes it off the balance, and a
// fee that payments have already covered is not voided.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { feeEntry } from '../../domain/ledger/fee-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { formatDecimal, parseDecimal, toMinorUnits } from '../../domain/money/decimal.ts'
import { parsePercent, percentOfMinor } from '../../domain/money/percent.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import type { InvoiceLateFeesTable } from '../../storage/schema-billy.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'
import { lockInvoice, saveLockedInvoice } from './lock-invoice.ts'

export const LATE_FEE_SOURCE = 'late_fee'

export type LateFee = Readonly<{
  feeId: string
  invoiceId: string
  entryDate: string
  flatFee: string
  percentageFee: string
  amountMinor: bigint
  currency: string
  isVoided: boolean
  createdAt: string
}>

export type LateFeeInput = Readonly<{
  invoiceId: string
  entryDate: string
  flatFee: string
  percentageFee: string
}>

function feeFromRow(row: InvoiceLateFeesTable): LateFee {
  return {
    feeId: row.fee_id,
    invoiceId: row.invoice_id,
    entryDate: row.entry_date,
    flatFee: row.flat_fee,
    percentageFee: row.percentage_fee,
    amountMinor: row.amount_minor,
    currency: row.currency,
    isVoided: row.is_voided,
    createdAt: row.created_at,
  }
}

export async function chargeLateFee(
  context: CoreContext,
  tenant: Tenant,
  input: LateFeeInput,
): Promise<LateFee> {
  const entryDate = parseIsoDate(input.entryDate, 'entryDate')
  const flat = parseDecimal(input.flatFee, 'flatFee')
  const percentage = parsePercent(input.percentageFee, 'percentageFee')
  if (flat.units < 0n) throw invalidField('flatFee', 'flatFee must not be negative')
  const org = tenant.organizationId
  const feeId = newId()
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const invoice = await lockInvoice(context.storage, tx, org, input.invoiceId)
    if (invoice.kind !== 'invoice')
      throw new DomainError('wrong_state', 'late fees are charged on invoices', { field: 'invoiceId' })
    const state = nextState(invoice.state, 'addFee')
    const currency = invoice.currency as CurrencyCode
    const owedMinor = invoice.balanceMinor > 0n ? invoice.balanceMinor : 0n
    const amountMinor =
      toMinorUnits(flat, currency, 'half-up') + percentOfMinor(owedMinor, percentage, 'half-up')
    if (amountMinor <= 0n)
      throw invalidField('flatFee', 'the late fee comes to nothing; give a flat fee or a percentage')
    await saveLockedInvoice(tx, org, invoice, { fees_minor: invoice.feesMinor + amountMinor, state }, now)
    const entry = feeEntry(await loadChart(tx, org), {
      entryDate,
      description: `Late fee, invoice ${invoice.number ?? invoice.invoiceSeq}`,
      currency,
      kind: 'reminderFee',
      invoiceId: invoice.invoiceId,
      contactId: invoice.contactId,
      amountMinor,
    })
    await postEntry(tx, org, entry, { type: LATE_FEE_SOURCE, id: feeId }, now)
    const row = await tx
      .insertInto('invoice_late_fees')
      .values({
        organization_id: org,
        fee_id: feeId,
        invoice_id: invoice.invoiceId,
        entry_date: entryDate,
        flat_fee: formatDecimal(flat),
        percentage_fee: formatDecimal(percentage),
        amount_minor: amountMinor,
        currency,
        is_voided: false,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAndAnnounce(tx, {
      organizationId: org,
      type: 'invoice.late_fee',
      caseId: invoice.caseId,
      invoiceId: invoice.invoiceId,
      data: { feeId, amountMinor },
      visibleToRecipient: true,
      occurredAt: now,
    })
    return feeFromRow(row)
  })
}

async function lockFee(
  context: CoreContext,
  tx: Tx,
  organizationId: string,
  feeId: string,
): Promise<LateFee> {
  const row = await forUpdate(
    context.storage,
    tx
      .selectFrom('invoice_late_fees')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('fee_id', '=', feeId),
  ).executeTakeFirst()
  if (!row) throw notFound('late fee', feeId)
  return feeFromRow(row)
}

/** Voids a fee not yet paid: the invoice owes it no more and its entry is reversed; idempotent. */
export async function voidLateFee(context: CoreContext, tenant: Tenant, feeId: string): Promise<LateFee> {
  const org = tenant.organizationId
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const fee = await lockFee(context, tx, org, feeId)
    if (fee.isVoided) return fee
    const invoice = await lockInvoice(context.storage, tx, org, fee.invoiceId)
    if (invoice.balanceMinor < fee.amountMinor)
      throw new DomainError('wrong_state', 'payments have covered this fee; it can no longer be voided', {
        field: 'isVoided',
      })
    await saveLockedInvoice(tx, org, invoice, { fees_minor: invoice.feesMinor - fee.amountMinor }, now)
    await reverseEntriesOf(tx, org, { type: LATE_FEE_SOURCE, id: feeId }, `${LATE_FEE_SOURCE}_void`, now)
    await tx
      .updateTable('invoice_late_fees')
      .set({ is_voided: true })
      .where('organization_id', '=', org)
      .where('fee_id', '=', feeId)
      .execute()
    return { ...fee, isVoided: true }
  })
}

/** Fees by id or by invoice, oldest first. */
export async function getLateFees(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; invoiceIds?: readonly string[] }>,
): Promise<LateFee[]> {
  const ids = by.ids ?? []
  const invoiceIds = by.invoiceIds ?? []
  if (ids.length === 0 && invoiceIds.length === 0) return []
  let query = context.storage.db
    .selectFrom('invoice_late_fees')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
  if (ids.length > 0) query = query.where('fee_id', 'in', ids)
  if (invoiceIds.length > 0) query = query.where('invoice_id', 'in', invoiceIds)
  const rows = await query.orderBy('created_at').orderBy('fee_id').execute()
  return rows.map(feeFromRow)
}
