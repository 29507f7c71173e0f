// Drafts, edits and deletes suppliers' bills. Every save recomputes the totals from the lines and
// checks the accounts they are coded to, so a draft that was accepted can always be approved;
// approving in the same call posts it.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { billEntry } from '../../domain/ledger/bill-entry.ts'
import { findAccount } from '../../domain/ledger/chart-of-accounts.ts'
import { parseCurrencyCode } from '../../domain/money/currency.ts'
import { type BillLineInput, computeBillTotals } from '../../domain/purchases/bill.ts'
import type { PriceBasis } from '../../domain/tax/compute-vat.ts'
import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { loadChart } from '../ledger/post-entry.ts'
import { type Bill, billLineRows, loadBills } from './bill-record.ts'
import { approveBillWithin, lockBill } from './post-bill.ts'

export type BillInput = Readonly<{
  contactId?: string
  entryDate?: string
  dueDate?: string | null
  currency?: string
  priceBasis?: PriceBasis
  suppliersInvoiceNo?: string | null
  voucherNo?: string | null
  lines?: readonly BillLineInput[]
  extra?: Readonly<Record<string, unknown>>
}>

async function checked(tx: Tx, organizationId: string, merged: BillInput) {
  const contact = await tx
    .selectFrom('contacts')
    .select('contact_id')
    .where('organization_id', '=', organizationId)
    .where('contact_id', '=', merged.contactId ?? '')
    .executeTakeFirst()
  if (!contact) throw invalidField('contactId', `contact ${merged.contactId} does not exist`)
  const entryDate = parseIsoDate(merged.entryDate, 'entryDate')
  const dueDate = merged.dueDate ? parseIsoDate(merged.dueDate, 'dueDate') : null
  if (dueDate && dueDate < entryDate)
    throw invalidField('dueDate', 'the due date must not be before the entry date')
  for (const [field, value] of [
    ['suppliersInvoiceNo', merged.suppliersInvoiceNo],
    ['voucherNo', merged.voucherNo],
  ] as const)
    if (value != null && value.length > 255)
      throw invalidField(field, `${field} must be at most 255 characters`)
  const currency = parseCurrencyCode(merged.currency, 'currency')
  const priceBasis = merged.priceBasis ?? 'net'
  const totals = computeBillTotals(currency, priceBasis, merged.lines ?? [])
  const chart = await loadChart(tx, organizationId)
  const moving = totals.lines.some((line) => line.netMinor !== 0n || line.vatMinor !== 0n)
  // Posting the bill now, without storing it, refuses unknown accounts with the line to blame. A
  // bill of zero lines posts nothing (it stays a draft), so its accounts are only looked up.
  if (moving)
    billEntry(chart, {
      entryDate,
      description: 'check',
      currency,
      contactId: merged.contactId ?? '',
      lines: totals.lines.map((line) => ({ ...line, vatRatePercent: line.vatRatePercent })),
    })
  else
    totals.lines.forEach((line, index) => {
      if (findAccount(chart, line.accountNumber) === undefined)
        throw invalidField(`lines.${index}.accountNumber`, `account ${line.accountNumber} does not exist`)
    })
  return { entryDate, dueDate, currency, priceBasis, totals }
}

export async function createBill(
  context: CoreContext,
  tenant: Tenant,
  input: BillInput,
  /** `whenMoving`: approve unless every line is zero (nothing to post; it stays a draft). */
  options: Readonly<{ approve?: boolean | 'whenMoving' }> = {},
): Promise<Bill> {
  if (!input.lines || input.lines.length === 0) throw invalidField('lines', 'a bill needs at least one line')
  const org = tenant.organizationId
  const billId = newId()
  await context.storage.db.transaction().execute(async (tx) => {
    const { entryDate, dueDate, currency, priceBasis, totals } = await checked(tx, org, input)
    await tx
      .insertInto('bills')
      .values({
        organization_id: org,
        bill_id: billId,
        bill_seq: await takeCounter(context.storage, tx, org, 'bill'),
        contact_id: input.contactId ?? '',
        state: 'draft',
        entry_date: entryDate,
        due_date: dueDate,
        currency,
        price_basis: priceBasis,
        suppliers_invoice_no: input.suppliersInvoiceNo ?? null,
        voucher_no: input.voucherNo ?? null,
        net_minor: totals.netMinor,
        vat_minor: totals.vatMinor,
        gross_minor: totals.grossMinor,
        paid_minor: 0n,
        extra: JSON.stringify(input.extra ?? {}),
        created_at: nowIso(context),
        approved_at: null,
      })
      .execute()
    await tx
      .insertInto('bill_lines')
      .values(billLineRows(org, billId, totals.lines))
      .execute()
    const moving = totals.lines.some((line) => line.netMinor !== 0n || line.vatMinor !== 0n)
    if (options.approve === true || (options.approve === 'whenMoving' && moving))
      await approveBillWithin(context, tx, tenant, billId)
  })
  return loadBill(context, tenant, billId)
}

export async function loadBill(context: CoreContext, tenant: Tenant, billId: string): Promise<Bill> {
  const [bill] = await loadBills(context.storage.db, tenant.organizationId, [billId])
  if (!bill) throw notFound('bill', billId)
  return bill
}

export async function updateBill(
  context: CoreContext,
  tenant: Tenant,
  billId: string,
  patch: BillInput,
  options: Readonly<{ approve?: boolean }> = {},
): Promise<Bill> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const current = await lockBill(context, tx, org, billId)
    if (current.state !== 'draft')
      throw new DomainError('wrong_state', `the bill is ${current.state}: only drafts can be edited`, {
        field: 'state',
      })
    await rewriteDraftWithin(tx, org, current, patch)
    if (options.approve) await approveBillWithin(context, tx, tenant, billId)
  })
  return loadBill(context, tenant, billId)
}

/** Replaces a locked draft's fields and lines with `patch` applied, totals recomputed. */
export async function rewriteDraftWithin(
  tx: Tx,
  org: string,
  current: Bill,
  patch: BillInput,
): Promise<void> {
  const billId = current.billId
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
  const merged: BillInput = { ...current, ...defined, extra: { ...current.extra, ...patch.extra } }
  if ((merged.lines ?? []).length === 0) throw invalidField('lines', 'a bill needs at least one line')
  const { entryDate, dueDate, currency, priceBasis, totals } = await checked(tx, org, merged)
  await tx
    .updateTable('bills')
    .set({
      contact_id: merged.contactId ?? current.contactId,
      entry_date: entryDate,
      due_date: dueDate,
      currency,
      price_basis: priceBasis,
      suppliers_invoice_no: merged.suppliersInvoiceNo ?? null,
      voucher_no: merged.voucherNo ?? null,
      net_minor: totals.netMinor,
      vat_minor: totals.vatMinor,
      gross_minor: totals.grossMinor,
      extra: JSON.stringify(merged.extra ?? {}),
    })
    .where('organization_id', '=', org)
    .where('bill_id', '=', billId)
    .execute()
  await tx.deleteFrom('bill_lines').where('organization_id', '=', org).where('bill_id', '=', billId).execute()
  await tx
    .insertInto('bill_lines')
    .values(billLineRows(org, billId, totals.lines))
    .execute()
}

/** Deletes a draft; answers whether it existed, since a repeated delete is not an error. */
export async function deleteBill(context: CoreContext, tenant: Tenant, billId: string): Promise<boolean> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const [exists] = await loadBills(tx, org, [billId])
    if (!exists) return false
    const bill = await lockBill(context, tx, org, billId)
    if (bill.state !== 'draft')
      throw new DomainError('wrong_state', `the bill is ${bill.state}: void it instead of deleting it`, {
        field: 'state',
      })
    await tx
      .deleteFrom('bill_lines')
      .where('organization_id', '=', org)
      .where('bill_id', '=', billId)
      .execute()
    await tx.deleteFrom('bills').where('organization_id', '=', org).where('bill_id', '=', billId).execute()
    return true
  })
}
