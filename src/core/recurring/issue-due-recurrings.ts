// The scheduler's recurring job: every recurring whose next creation day has come issues its
// invoice, made from the template and dated on that day, and does what the recurring says with it
// (keeps it as a draft, approves it, approves and emails or posts it); then the next creation day
// moves to the anchor's next occurrence, or to none when the series is over. One transaction per
// invoice, under the recurring's row lock, with the day checked again under it: whoever runs the
// job, a recurring's day makes one invoice. A refusal (no address to email, say) is recorded on
// the recurring for the day instead of failing the job.

import { addDays } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextCreationOn } from '../../domain/recurring/recurrence.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordEvent } from '../events/record-event.ts'
import { approveInvoice } from '../invoices/approve-invoice.ts'
import { createInvoice } from '../invoices/create-invoice.ts'
import { sendInvoice } from '../invoices/send-invoice.ts'
import { organizationToday } from '../organizations/organization-today.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { lockRecurring, type Recurring } from './recurring-record.ts'

/** Bounds one batch: each issue creates, numbers and may queue an invoice. */
export const RECURRING_BATCH_SIZE = 50

export const RECURRING_ISSUED_EVENT = 'recurring.invoice_issued'

export type IssuedRecurring = Readonly<{
  recurringId: string
  invoice: Invoice
  issuedOn: string
  nextCreationOn: string | null
}>

/** Occurrences one batch catches up per recurring (a server down for a year of daily invoices). */
const MAX_CATCH_UP = 400

async function dueRecurrings(context: CoreContext, tenant: Tenant, today: string) {
  return context.storage.db
    .selectFrom('recurrings')
    .select('recurring_id')
    .where('organization_id', '=', tenant.organizationId)
    .where('next_creation_on', '<=', today)
    .where((eb) => eb.or([eb('failed_on', 'is', null), eb('failed_on', '<', today)]))
    .orderBy('recurring_no')
    .limit(RECURRING_BATCH_SIZE)
    .execute()
}

async function emailOf(unit: CoreContext, tenant: Tenant, recurring: Recurring) {
  const { email } = recurring
  let to = email.to
  if (to.length === 0) {
    const contact = await unit.storage.db
      .selectFrom('contacts')
      .select('email')
      .where('organization_id', '=', tenant.organizationId)
      .where('contact_id', '=', recurring.contactId)
      .executeTakeFirst()
    to = contact?.email ? [contact.email] : []
  }
  if (to.length === 0)
    throw invalidField('email.to', `recurring ${recurring.recurringNo} has no email address to send to`)
  return {
    to,
    cc: email.cc,
    bcc: email.bcc,
    attachPdf: true,
    ...(email.subject ? { subject: email.subject } : {}),
    ...(email.text ? { text: email.text } : {}),
    ...(email.pdfFilename ? { pdfFilename: email.pdfFilename } : {}),
  }
}

/** Makes the invoice of the recurring's day, or nothing when that day was issued already. */
async function issueOne(
  unit: CoreContext,
  tenant: Tenant,
  recurringId: string,
  today: string,
): Promise<IssuedRecurring | undefined> {
  const recurring = await unit.storage.db
    .transaction()
    .execute((tx) => lockRecurring(unit.storage, tx, tenant.organizationId, recurringId))
  const on = recurring?.nextCreationOn
  if (!recurring || !on || on > today) return undefined
  const terms = recurring.template.paymentTermsDays
  const draft = await createInvoice(unit, tenant, {
    ...recurring.template,
    contactId: recurring.contactId,
    invoiceDate: on,
    dueDate: terms == null ? null : addDays(on, terms),
    // Dialects name the recurring an invoice came from (Billomat's recurring_id) by this.
    extra: {
      ...(recurring.template.extra ?? {}),
      recurring: { recurringId: recurring.recurringId, recurringNo: String(recurring.recurringNo) },
    },
  })
  let invoice = draft
  if (recurring.action !== 'draft') invoice = await approveInvoice(unit, tenant, draft.invoiceId)
  if (recurring.action === 'email')
    await sendInvoice(unit, tenant, {
      invoiceId: invoice.invoiceId,
      email: await emailOf(unit, tenant, recurring),
    })
  if (recurring.action === 'letter')
    await sendInvoice(unit, tenant, { invoiceId: invoice.invoiceId, letter: recurring.letter })
  const next = await advance(unit, tenant, recurring, invoice, on)
  return { recurringId, invoice, issuedOn: on, nextCreationOn: next }
}

async function advance(
  unit: CoreContext,
  tenant: Tenant,
  recurring: Recurring,
  invoice: Invoice,
  on: string,
): Promise<string | null> {
  const createdCount = recurring.createdCount + 1
  const anchorSteps = recurring.anchorSteps + 1
  const next = nextCreationOn(recurring.anchorOn, recurring.recurrence, anchorSteps, createdCount, {
    endOn: recurring.endOn,
    iterations: recurring.iterations,
  })
  const now = nowIso(unit)
  await unit.storage.db
    .updateTable('recurrings')
    .set({
      created_count: createdCount,
      anchor_steps: anchorSteps,
      next_creation_on: next,
      last_invoice_id: invoice.invoiceId,
      last_created_on: on,
      failed_on: null,
      failure: null,
      updated_at: now,
    })
    .where('organization_id', '=', tenant.organizationId)
    .where('recurring_id', '=', recurring.recurringId)
    .execute()
  await unit.storage.db.transaction().execute((tx) =>
    recordEvent(tx, {
      organizationId: tenant.organizationId,
      type: RECURRING_ISSUED_EVENT,
      caseId: invoice.caseId,
      invoiceId: invoice.invoiceId,
      data: { recurringId: recurring.recurringId, recurringNo: recurring.recurringNo, issuedOn: on },
      occurredAt: now,
    }),
  )
  return next
}

/** Issues the recurring's due invoice in one transaction; the recurring's own refusal is recorded on it. */
export async function issueRecurring(
  context: CoreContext,
  tenant: Tenant,
  recurringId: string,
  today: string,
): Promise<IssuedRecurring | undefined> {
  try {
    return await inOneTransaction(context, (unit) => issueOne(unit, tenant, recurringId, today))
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    await context.storage.db
      .updateTable('recurrings')
      .set({ failed_on: today, failure: `${error.code}: ${error.message}`, updated_at: nowIso(context) })
      .where('organization_id', '=', tenant.organizationId)
      .where('recurring_id', '=', recurringId)
      .execute()
    return undefined
  }
}

/** One batch of the job: the recurrings due today (or missed before), one invoice each. */
export async function issueDueRecurrings(
  context: CoreContext,
  tenant: Tenant,
): Promise<Readonly<{ handled: number; issued: number }>> {
  const today = await organizationToday(context, tenant)
  const due = await dueRecurrings(context, tenant, today)
  let issued = 0
  for (const { recurring_id: recurringId } of due) {
    // Occurrences missed while the server was down are issued now, each dated on its own day.
    for (let round = 0; round < MAX_CATCH_UP; round += 1) {
      const result = await issueRecurring(context, tenant, recurringId, today)
      if (result) issued += 1
      if (!result?.nextCreationOn || result.nextCreationOn > today) break
    }
  }
  return { handled: due.length, issued }
}
