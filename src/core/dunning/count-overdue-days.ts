// The dunning clock: counts the days an invoice has been overdue and the exact interest they earn,
// up to and including the organization's today. Run for every overdue invoice once a day by the
// scheduler, and by every dunning step before it charges anything, so a reminder always carries
// the interest up to its own day. The invariants it protects: a day is counted at most once
// (counted_through only moves forward, guarded by its old value), days under a respite are never
// counted (the invoice is open then, and counting restarts after its new due date), and interest
// runs only on the principal, never on fees or interest.

import { addDays, daysBetween } from '../../domain/calendar/dates.ts'
import { splitOpenBalance } from '../../domain/dunning/balance-split.ts'
import {
  contractualRateUnits,
  interestNumerator,
  parseInterestNumerator,
} from '../../domain/dunning/interest.ts'
import { type Debtor, ratePeriods } from '../../domain/dunning/statutory-rules.ts'
import { openBalanceMinor } from '../../domain/invoicing/lifecycle.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { type DunningFacts, loadDunningFacts } from './dunning-facts.ts'
import { type DunningRow, EMPTY_DUNNING } from './dunning-record.ts'

/** The invoice amounts the clock reads; a locked Invoice and a scanned row both provide them. */
export type ClockInvoice = Readonly<{
  dueDate: string | null
  grossMinor: bigint
  feesMinor: bigint
  paidMinor: bigint
  creditedMinor: bigint
  writtenOffMinor: bigint
  debtor: Debtor
}>

export function debtorOf(contactKind: string): Debtor {
  return contactKind === 'company' ? 'business' : 'consumer'
}

/** The principal interest runs on: what is owed once fees and interest are paid first. */
export function principalOf(invoice: ClockInvoice, row: DunningRow): bigint {
  return splitOpenBalance({
    balanceMinor: openBalanceMinor(invoice),
    grossMinor: invoice.grossMinor,
    creditedMinor: invoice.creditedMinor,
    writtenOffMinor: invoice.writtenOffMinor,
    interestChargedMinor: row.interest_charged_minor,
  }).principalMinor
}

/**
 * The rates of the days from `fromOn` to today: the invoice's contractual rate when it has one
 * (an agreed rate replaces the statutory one, räntelag § 1 and BGB § 288 Abs. 3), else the
 * statutory rate of each day when the organization charges interest.
 */
function interestPeriods(facts: DunningFacts, invoice: ClockInvoice, row: DunningRow, fromOn: string) {
  if (row.interest_rate !== null) {
    const rateUnits = contractualRateUnits(row.interest_rate, 'interestRate')
    return rateUnits > 0n ? [{ fromOn, toOn: facts.today, rateUnits }] : []
  }
  return facts.settings.chargeInterest
    ? ratePeriods(facts.table, facts.country, invoice.debtor, fromOn, facts.today)
    : []
}

/** The row's clock moved to today, or undefined when today is already counted or not yet overdue. */
export function countedToToday(
  facts: DunningFacts,
  invoice: ClockInvoice,
  row: DunningRow,
): Pick<DunningRow, 'overdue_days' | 'counted_through' | 'interest_numerator'> | undefined {
  if (invoice.dueDate === null) return undefined
  const afterDue = addDays(invoice.dueDate, 1)
  const afterCounted = row.counted_through === null ? afterDue : addDays(row.counted_through, 1)
  const fromOn = afterCounted > afterDue ? afterCounted : afterDue
  if (fromOn > facts.today) return undefined
  const periods = interestPeriods(facts, invoice, row, fromOn)
  const earned = interestNumerator(principalOf(invoice, row), periods)
  const days = daysBetween(fromOn, facts.today) + 1
  return {
    overdue_days: row.overdue_days + days,
    counted_through: facts.today,
    interest_numerator: String(parseInterestNumerator(row.interest_numerator) + earned),
  }
}

/** Bounds one call; the scheduler calls again with the cursor while a full batch comes back. */
export const COUNT_BATCH_SIZE = 500

export type BatchResult = Readonly<{ handled: number; cursor: bigint | undefined }>

/** Moves the clock of one batch of overdue invoices to today, in one transaction. */
export async function countOverdueDays(
  context: CoreContext,
  tenant: Tenant,
  afterSeq: bigint | undefined,
): Promise<BatchResult> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const facts = await loadDunningFacts(context, tx, org)
    const rows = await tx
      .selectFrom('invoices as i')
      .innerJoin('contacts as c', (join) =>
        join.onRef('c.organization_id', '=', 'i.organization_id').onRef('c.contact_id', '=', 'i.contact_id'),
      )
      .leftJoin('dunning_invoices as d', (join) =>
        join.onRef('d.organization_id', '=', 'i.organization_id').onRef('d.invoice_id', '=', 'i.invoice_id'),
      )
      .select([
        'i.invoice_id',
        'i.invoice_seq',
        'i.due_date',
        'i.gross_minor',
        'i.fees_minor',
        'i.paid_minor',
        'i.credited_minor',
        'i.written_off_minor',
        'c.kind as contact_kind',
        'd.invoice_id as dunning_invoice_id',
      ])
      .where('i.organization_id', '=', org)
      .where('i.state', '=', 'overdue')
      .where('i.kind', '=', 'invoice')
      .where('i.invoice_seq', '>', afterSeq ?? -1n)
      .where((eb) => eb.or([eb('d.counted_through', 'is', null), eb('d.counted_through', '<', facts.today)]))
      .orderBy('i.invoice_seq')
      .limit(COUNT_BATCH_SIZE)
      .execute()
    const now = context.clock.now().toISOString()
    const counted = await lockedRows(context, tx, org, rows, now)
    const writes = rows.flatMap((scanned) => {
      const row = counted.get(scanned.invoice_id)
      const changes = row && countedToToday(facts, clockOf(scanned), row)
      return row && changes
        ? [{ ...row, ...changes, organization_id: org, invoice_id: scanned.invoice_id, updated_at: now }]
        : []
    })
    if (writes.length > 0)
      await tx
        .insertInto('dunning_invoices')
        .values(writes)
        .onConflict((conflict) =>
          conflict.columns(['organization_id', 'invoice_id']).doUpdateSet((eb) => ({
            overdue_days: eb.ref('excluded.overdue_days'),
            counted_through: eb.ref('excluded.counted_through'),
            interest_numerator: eb.ref('excluded.interest_numerator'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute()
    return { handled: rows.length, cursor: rows.at(-1)?.invoice_seq }
  })
}

type ScannedInvoice = Readonly<{
  invoice_id: string
  due_date: string | null
  gross_minor: bigint
  fees_minor: bigint
  paid_minor: bigint
  credited_minor: bigint
  written_off_minor: bigint
  contact_kind: string
  dunning_invoice_id: string | null
}>

function clockOf(scanned: ScannedInvoice): ClockInvoice {
  return {
    dueDate: scanned.due_date,
    grossMinor: scanned.gross_minor,
    feesMinor: scanned.fees_minor,
    paidMinor: scanned.paid_minor,
    creditedMinor: scanned.credited_minor,
    writtenOffMinor: scanned.written_off_minor,
    debtor: debtorOf(scanned.contact_kind),
  }
}

/**
 * The batch's dunning rows under their locks, created first where missing: the clock then moves
 * from the value a concurrent reminder left, never from a stale read, so no day counts twice.
 */
async function lockedRows(
  context: CoreContext,
  tx: Tx,
  org: string,
  scanned: readonly ScannedInvoice[],
  now: string,
): Promise<Map<string, DunningRow>> {
  const missing = scanned.filter((row) => row.dunning_invoice_id === null)
  if (missing.length > 0)
    await tx
      .insertInto('dunning_invoices')
      .values(
        missing.map((row) => ({
          ...EMPTY_DUNNING,
          organization_id: org,
          invoice_id: row.invoice_id,
          updated_at: now,
        })),
      )
      .onConflict((conflict) => conflict.columns(['organization_id', 'invoice_id']).doNothing())
      .execute()
  if (scanned.length === 0) return new Map()
  const locked = await forUpdate(
    context.storage,
    tx
      .selectFrom('dunning_invoices')
      .selectAll()
      .where('organization_id', '=', org)
      .where(
        'invoice_id',
        'in',
        scanned.map((row) => row.invoice_id),
      )
      .orderBy('invoice_id'),
  ).execute()
  return new Map(
    locked.map(({ organization_id: _org, invoice_id, updated_at: _at, ...row }) => [invoice_id, row]),
  )
}
