// Per-invoice dunning overrides (Billogram's automatic_reminders and automatic_collection, a
// schedule or a reminder text of the invoice's own), and the read of an invoice's dunning status:
// its level, overdue days, interest earned to the cent, what has been charged, and the collection
// hand-over. A null override follows the organization's settings again.

import { checkReminderDays } from '../../domain/dunning/dunning-settings.ts'
import { interestMinorOf, parseInterestNumerator } from '../../domain/dunning/interest.ts'
import { invalidField } from '../../domain/errors.ts'
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
}>

export type InvoiceDunning = Readonly<{
  invoiceId: string
  automaticReminders: boolean
  automaticCollection: boolean
  reminderDays: readonly number[]
  reminderText: string | null
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
  if (overrides.reminderDays) checkReminderDays(overrides.reminderDays)
  if (overrides.reminderText != null && overrides.reminderText.length > 2000)
    throw invalidField('reminderText', 'a reminder text must be at most 2000 characters')
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    assertFound(await loadInvoice(tx, org, invoiceId), 'invoice', invoiceId)
    const now = nowIso(context)
    await lockDunningRow(context.storage, tx, org, invoiceId, now)
    await saveDunningRow(tx, org, invoiceId, overridesToRow(overrides), now)
  })
  return getInvoiceDunning(context, tenant, invoiceId)
}

function overridesToRow(overrides: InvoiceDunningOverrides): Partial<DunningRow> {
  const row: Partial<DunningRow> = {}
  if (overrides.automaticReminders !== undefined) row.automatic_reminders = overrides.automaticReminders
  if (overrides.automaticCollection !== undefined) row.automatic_collection = overrides.automaticCollection
  if (overrides.reminderDays !== undefined)
    row.reminder_days = overrides.reminderDays === null ? null : JSON.stringify(overrides.reminderDays)
  if (overrides.reminderText !== undefined) row.reminder_text = overrides.reminderText
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
