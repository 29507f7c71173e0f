// Per-invoice dunning overrides (Billogram's automatic_reminders and automatic_collection, a
// schedule or a reminder text of the invoice's own), and the read of an invoice's dunning status:
// its level, overdue days, interest earned to the cent, what has been charged, and the collection
// hand-over. A null override follows the organization's settings again.

import { checkReminderDays } from '../../domain/dunning/dunning-settings.ts'
import {
  contractualRateUnits,
  interestMinorOf,
  parseInterestNumerator,
} from '../../domain/dunning/interest.ts'
import { invalidField } from '../../domain/errors.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { loadInvoice } from '../invoices/invoice-record.ts'
import { assertFound } from '../invoices/resolve-draft.ts'
import { countedToToday, debtorOf } from './count-overdue-days.ts'
import { loadDunningFacts } from './dunning-facts.ts'
import { type DunningRow, EMPTY_DUNNING, lockDunningRow, planOf, saveDunningRow } from './dunning-record.ts'

export type InvoiceDunningOverrides = Readonly<{
  automaticReminders?: boolean | null
  automaticCollection?: boolean | null
  reminderDays?: readonly number[] | null
  reminderText?: string | null
  /** The fee of every automatic reminder of this invoice, within the statutory limits. */
  reminderFeeMinor?: bigint | null
  /** A contractual yearly rate in percent (a plain decimal); it replaces the statutory rate. */
  interestRatePercent?: string | null
  collectionAfterDays?: number | null
}>

export type InvoiceDunning = Readonly<{
  invoiceId: string
  automaticReminders: boolean
  automaticCollection: boolean
  reminderDays: readonly number[]
  reminderText: string | null
  reminderFeeMinor: bigint | null
  /** The contractual rate, or null when the statutory rate applies. */
  interestRatePercent: string | null
  collectionAfterDays: number
  level: number
  overdueDays: number
  lastRemindedOn: string | null
  payByOn: string | null
  /** Interest earned up to today, rounded half-up; what has not been charged yet is the difference. */
  interestEarnedMinor: bigint
  interestChargedMinor: bigint
  feesChargedMinor: bigint
  compensationChargedMinor: bigint
  failure: string | null
  collection: Readonly<{
    partner: string
    reference: string | null
    startedOn: string | null
    outcome: string | null
  }> | null
}>

export async function setInvoiceDunning(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
  overrides: InvoiceDunningOverrides,
): Promise<InvoiceDunning> {
  await context.storage.db.transaction().execute(async (tx) => {
    assertFound(await loadInvoice(tx, tenant.organizationId, invoiceId), 'invoice', invoiceId)
    await setInvoiceDunningWithin(context, tx, tenant, invoiceId, overrides)
  })
  return getInvoiceDunning(context, tenant, invoiceId)
}

/** The overrides saved inside the caller's transaction, for a dialect that saves them with the invoice. */
export async function setInvoiceDunningWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  invoiceId: string,
  overrides: InvoiceDunningOverrides,
): Promise<void> {
  checkOverrides(overrides)
  const now = nowIso(context)
  await lockDunningRow(context.storage, tx, tenant.organizationId, invoiceId, now)
  await saveDunningRow(tx, tenant.organizationId, invoiceId, overridesToRow(overrides), now)
}

function checkOverrides(overrides: InvoiceDunningOverrides): void {
  if (overrides.reminderDays) checkReminderDays(overrides.reminderDays)
  if (overrides.reminderText != null && overrides.reminderText.length > 2000)
    throw invalidField('reminderText', 'a reminder text must be at most 2000 characters')
  if (overrides.reminderFeeMinor != null && overrides.reminderFeeMinor < 0n)
    throw invalidField('reminderFee', 'a reminder fee must not be negative')
  if (overrides.interestRatePercent != null)
    contractualRateUnits(overrides.interestRatePercent, 'interestRate')
  const days = overrides.collectionAfterDays
  if (days != null && (!Number.isInteger(days) || days < 1 || days > 365))
    throw invalidField(
      'collectionAfterDays',
      'collectionAfterDays must be a whole number of days from 1 to 365',
    )
}

function overridesToRow(overrides: InvoiceDunningOverrides): Partial<DunningRow> {
  const row: Partial<DunningRow> = {}
  if (overrides.automaticReminders !== undefined) row.automatic_reminders = overrides.automaticReminders
  if (overrides.automaticCollection !== undefined) row.automatic_collection = overrides.automaticCollection
  if (overrides.reminderDays !== undefined)
    row.reminder_days = overrides.reminderDays === null ? null : JSON.stringify(overrides.reminderDays)
  if (overrides.reminderText !== undefined) row.reminder_text = overrides.reminderText
  if (overrides.reminderFeeMinor !== undefined) row.reminder_fee_minor = overrides.reminderFeeMinor
  if (overrides.interestRatePercent !== undefined) row.interest_rate = overrides.interestRatePercent
  if (overrides.collectionAfterDays !== undefined) row.collection_after_days = overrides.collectionAfterDays
  return row
}

export async function getInvoiceDunning(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
): Promise<InvoiceDunning> {
  const org = tenant.organizationId
  const db = context.storage.db
  const invoice = assertFound(await loadInvoice(db, org, invoiceId), 'invoice', invoiceId)
  const facts = await loadDunningFacts(context, db, org)
  const stored = await db
    .selectFrom('dunning_invoices')
    .selectAll()
    .where('organization_id', '=', org)
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst()
  const row: DunningRow = stored ?? EMPTY_DUNNING
  const contact = await db
    .selectFrom('contacts')
    .select('kind')
    .where('organization_id', '=', org)
    .where('contact_id', '=', invoice.contactId)
    .executeTakeFirstOrThrow()
  // Only an overdue invoice's clock runs; the read shows it as the next count will leave it.
  const counted =
    invoice.state === 'overdue'
      ? { ...row, ...countedToToday(facts, { ...invoice, debtor: debtorOf(contact.kind) }, row) }
      : row
  const plan = planOf(facts.settings, row)
  return {
    invoiceId,
    automaticReminders: plan.automaticReminders,
    automaticCollection: plan.automaticCollection,
    reminderDays: plan.reminderDays,
    reminderText: row.reminder_text,
    reminderFeeMinor: row.reminder_fee_minor,
    interestRatePercent: row.interest_rate,
    collectionAfterDays: plan.collectionAfterDays,
    level: row.level,
    overdueDays: counted.overdue_days,
    lastRemindedOn: row.last_reminded_on,
    payByOn: row.last_pay_by_on,
    interestEarnedMinor: interestMinorOf(parseInterestNumerator(counted.interest_numerator)),
    interestChargedMinor: row.interest_charged_minor,
    feesChargedMinor: row.fees_charged_minor,
    compensationChargedMinor: row.compensation_charged_minor,
    failure: row.failure,
    collection: row.collection_partner
      ? {
          partner: row.collection_partner,
          reference: row.collection_reference,
          startedOn: row.collection_started_on,
          outcome: row.collection_outcome,
        }
      : null,
  }
}
