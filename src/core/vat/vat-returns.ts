// VAT returns: a period's output and input VAT, read off the ledger, settled into the VAT
// settlement account and then paid. The invariants it protects: settling posts one balanced entry
// that empties the period's VAT accounts into what is owed (or due back); a period is settled at
// most once and never overlaps another settled period; a settlement that has been paid is not
// undone; and the figures are exact sums of postings, in the organization's base currency only.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import type { VatReturnsTable } from '../../storage/schema-billy.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { reverseEntriesOf } from '../ledger/reverse-entries.ts'

export const VAT_SETTLEMENT_SOURCE = 'vat_settlement'
export const VAT_PAYMENT_SOURCE = 'vat_payment'

export type VatPeriod = Readonly<{ returnId: string; startDate: string; endDate: string }>

export type VatReturn = Readonly<{
  returnId: string
  startDate: string
  endDate: string
  periodText: string | null
  reportDeadline: string | null
  isSettled: boolean
  /** Positive: owed to the authorities; negative: due back. */
  settlementMinor: bigint
  currency: string
  createdAt: string
}>

function fromRow(row: VatReturnsTable): VatReturn {
  return {
    returnId: row.return_id,
    startDate: row.start_date,
    endDate: row.end_date,
    periodText: row.period_text,
    reportDeadline: row.report_deadline,
    isSettled: row.is_settled,
    settlementMinor: row.settlement_minor,
    currency: row.currency,
    createdAt: row.created_at,
  }
}

export async function getVatReturns(
  context: CoreContext,
  tenant: Tenant,
  ids?: readonly string[],
): Promise<VatReturn[]> {
  let query = context.storage.db
    .selectFrom('vat_returns')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
  if (ids) query = query.where('return_id', 'in', [...ids, ''])
  return (await query.orderBy('start_date').limit(10_000).execute()).map(fromRow)
}

/** The first day anything was posted, from which VAT periods are counted; null for empty books. */
export async function firstEntryDate(context: CoreContext, tenant: Tenant): Promise<string | null> {
  const row = await context.storage.db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.min('entry_date').as('first'))
    .where('organization_id', '=', tenant.organizationId)
    .executeTakeFirst()
  return (row?.first as string | null | undefined) ?? null
}

async function lockReturn(context: CoreContext, tx: Tx, tenant: Tenant, period: VatPeriod, currency: string) {
  const org = tenant.organizationId
  const startDate = parseIsoDate(period.startDate, 'startDate')
  const endDate = parseIsoDate(period.endDate, 'endDate')
  if (endDate < startDate) throw invalidField('endDate', 'a VAT period ends on or after its start')
  await tx
    .insertInto('vat_returns')
    .values({
      organization_id: org,
      return_id: period.returnId,
      start_date: startDate,
      end_date: endDate,
      period_text: null,
      report_deadline: null,
      is_settled: false,
      settlement_minor: 0n,
      currency,
      created_at: nowIso(context),
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'return_id']).doNothing())
    .execute()
  const row = await forUpdate(
    context.storage,
    tx
      .selectFrom('vat_returns')
      .selectAll()
      .where('organization_id', '=', org)
      .where('return_id', '=', period.returnId),
  ).executeTakeFirstOrThrow()
  return fromRow(row)
}

/** Keeps a period's own text and report deadline; the period itself is created when first touched. */
export async function describeVatReturn(
  context: CoreContext,
  tenant: Tenant,
  period: VatPeriod,
  changes: Readonly<{ periodText?: string | null; reportDeadline?: string | null }>,
): Promise<VatReturn> {
  const { baseCurrency } = await baseOf(context, tenant)
  return context.storage.db.transaction().execute(async (tx) => {
    await lockReturn(context, tx, tenant, period, baseCurrency)
    const set = {
      ...(changes.periodText !== undefined ? { period_text: changes.periodText } : {}),
      ...(changes.reportDeadline !== undefined
        ? {
            report_deadline: changes.reportDeadline && parseIsoDate(changes.reportDeadline, 'reportDeadline'),
          }
        : {}),
    }
    if (Object.keys(set).length > 0)
      await tx
        .updateTable('vat_returns')
        .set(set)
        .where('organization_id', '=', tenant.organizationId)
        .where('return_id', '=', period.returnId)
        .execute()
    const [saved] = await getVatReturns({ ...context, storage: { ...context.storage, db: tx } }, tenant, [
      period.returnId,
    ])
    return saved as VatReturn
  })
}

async function baseOf(context: CoreContext, tenant: Tenant) {
  const row = await context.storage.db
    .selectFrom('organizations')
    .select('base_currency')
    .where('organization_id', '=', tenant.organizationId)
    .executeTakeFirstOrThrow()
  return { baseCurrency: row.base_currency }
}

/** Each VAT account's balance over the period (debit positive), leaving out earlier settlements. */
async function periodBalances(tx: Tx, org: string, period: VatReturn, vatAccounts: readonly string[]) {
  const rows = await tx
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', (join) =>
      join.onRef('e.organization_id', '=', 'l.organization_id').onRef('e.entry_id', '=', 'l.entry_id'),
    )
    .select(['l.account_number', 'e.currency'])
    .select((eb) => eb.fn.sum<bigint>(eb('l.debit_minor', '-', eb.ref('l.credit_minor'))).as('balance'))
    .where('l.organization_id', '=', org)
    .where('l.account_number', 'in', [...vatAccounts, ''])
    .where('e.entry_date', '>=', period.startDate)
    .where('e.entry_date', '<=', period.endDate)
    .where('e.source_type', 'not in', [VAT_SETTLEMENT_SOURCE, `${VAT_SETTLEMENT_SOURCE}_void`])
    .groupBy(['l.account_number', 'e.currency'])
    .execute()
  const foreign = rows.find((row) => row.currency !== period.currency && BigInt(row.balance ?? 0) !== 0n)
  if (foreign)
    throw new DomainError(
      'invalid_field',
      `the period holds VAT in ${foreign.currency}; Faktura settles VAT in ${period.currency} only`,
      {
        field: 'isSettled',
      },
    )
  return rows
    .filter((row) => row.currency === period.currency)
    .map((row) => ({ accountNumber: row.account_number, balanceMinor: BigInt(row.balance ?? 0) }))
    .filter((row) => row.balanceMinor !== 0n)
}

async function checkNoOverlap(tx: Tx, org: string, period: VatReturn) {
  const overlapping = await tx
    .selectFrom('vat_returns')
    .select('return_id')
    .where('organization_id', '=', org)
    .where('is_settled', '=', true)
    .where('return_id', '!=', period.returnId)
    .where('start_date', '<=', period.endDate)
    .where('end_date', '>=', period.startDate)
    .executeTakeFirst()
  if (overlapping)
    throw new DomainError('conflict', `the period overlaps the settled VAT return ${overlapping.return_id}`, {
      field: 'isSettled',
    })
}

/** Settles the period: its VAT accounts are emptied into the settlement account, dated its last day. */
export async function settleVatReturn(
  context: CoreContext,
  tenant: Tenant,
  period: VatPeriod,
): Promise<VatReturn> {
  const org = tenant.organizationId
  const { baseCurrency } = await baseOf(context, tenant)
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const current = await lockReturn(context, tx, tenant, period, baseCurrency)
    if (current.isSettled) return current
    await checkNoOverlap(tx, org, current)
    const chart = await loadChart(tx, org)
    const vatAccounts = chart
      .filter((a) => a.role === 'outputVat' || a.role === 'inputVat')
      .map((a) => a.number)
    const settlement = chart.find((account) => account.role === 'vatSettlement')
    if (!settlement)
      throw new DomainError('invalid_field', 'the chart of accounts has no VAT settlement account', {
        field: 'isSettled',
      })
    const balances = await periodBalances(tx, org, current, vatAccounts)
    const totalMinor = balances.reduce((sum, row) => sum + row.balanceMinor, 0n)
    const description = `VAT settlement ${current.startDate} to ${current.endDate}`
    const lines = [
      ...balances.map((row) => ({ accountNumber: row.accountNumber, amountMinor: -row.balanceMinor })),
      ...(totalMinor === 0n ? [] : [{ accountNumber: settlement.number, amountMinor: totalMinor }]),
    ]
    if (lines.length > 0)
      await postEntry(
        tx,
        org,
        { entryDate: current.endDate, description, currency: current.currency as CurrencyCode, lines },
        { type: VAT_SETTLEMENT_SOURCE, id: current.returnId },
        now,
      )
    await tx
      .updateTable('vat_returns')
      .set({ is_settled: true, settlement_minor: -totalMinor })
      .where('organization_id', '=', org)
      .where('return_id', '=', current.returnId)
      .execute()
    return { ...current, isSettled: true, settlementMinor: -totalMinor }
  })
}

/** Reopens a settled period that nothing has paid: its settlement entry is reversed. */
export async function reopenVatReturn(
  context: CoreContext,
  tenant: Tenant,
  period: VatPeriod,
): Promise<VatReturn> {
  const org = tenant.organizationId
  const { baseCurrency } = await baseOf(context, tenant)
  return context.storage.db.transaction().execute(async (tx) => {
    const current = await lockReturn(context, tx, tenant, period, baseCurrency)
    if (!current.isSettled) return current
    const paid = await tx
      .selectFrom('vat_payments')
      .select('payment_id')
      .where('organization_id', '=', org)
      .where('return_id', '=', current.returnId)
      .where('is_voided', '=', false)
      .executeTakeFirst()
    if (paid)
      throw new DomainError('wrong_state', 'the VAT return has been paid; void the payment first', {
        field: 'isSettled',
      })
    await reverseEntriesOf(
      tx,
      org,
      { type: VAT_SETTLEMENT_SOURCE, id: current.returnId },
      `${VAT_SETTLEMENT_SOURCE}_void`,
      nowIso(context),
    )
    await tx
      .updateTable('vat_returns')
      .set({ is_settled: false, settlement_minor: 0n })
      .where('organization_id', '=', org)
      .where('return_id', '=', current.returnId)
      .execute()
    return { ...current, isSettled: false, settlementMinor: 0n }
  })
}
