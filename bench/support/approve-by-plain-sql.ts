// The baseline of the approve benchmark: the rows an approval writes, written by hand-written SQL
// in one transaction per invoice through the same Kysely instance and engine, with no reads
// beyond the series number and no domain logic. What approveInvoice costs above this is the price
// of its reads, its checks and its query building.

import { type Kysely, sql } from 'kysely'
import { newId } from '../../src/storage/ids.ts'
import type { Database } from '../../src/storage/schema.ts'

/** One journal line as the approve use case wrote it for an identical invoice (the template). */
export type EntryLineTemplate = Readonly<{
  account_number: string
  debit_minor: bigint
  credit_minor: bigint
  has_contact: boolean
  has_invoice: boolean
  vat_rate_percent: string | null
  description: string | null
}>

/** What is the same for every approval of the baseline: decided once, outside the timed loop. */
export type PlainApprovalPlan = Readonly<{
  organizationId: string
  contactId: string
  seriesKey: string
  currency: string
  invoiceDate: string
  dueDate: string
  grossMinor: bigint
  recipientJson: string
  referenceKind: string
  entryLines: readonly EntryLineTemplate[]
  now: () => string
}>

export type PlainDraft = Readonly<{ invoiceId: string; caseId: string; version: number }>

function takeNumberSql(plan: PlainApprovalPlan) {
  return sql<{ taken: bigint }>`
    update numbering_series set next_number = next_number + 1
    where organization_id = ${plan.organizationId} and series_key = ${plan.seriesKey}
    returning next_number - 1 as taken`
}

function journalLinesSql(plan: PlainApprovalPlan, entryId: string, invoiceId: string) {
  const rows = plan.entryLines.map(
    (line, index) => sql`(${plan.organizationId}, ${entryId}, ${index + 1}, ${line.account_number},
      ${line.debit_minor}, ${line.credit_minor}, ${line.has_contact ? plan.contactId : null},
      ${line.has_invoice ? invoiceId : null}, ${line.vat_rate_percent}, ${line.description})`,
  )
  return sql`insert into journal_lines (organization_id, entry_id, line_no, account_number, debit_minor,
    credit_minor, contact_id, invoice_id, vat_rate_percent, description) values ${sql.join(rows)}`
}

export async function approveByPlainSql(
  db: Kysely<Database>,
  plan: PlainApprovalPlan,
  draft: PlainDraft,
): Promise<void> {
  const org = plan.organizationId
  const now = plan.now()
  await db.transaction().execute(async (tx) => {
    const { rows } = await takeNumberSql(plan).execute(tx)
    const taken = rows[0]?.taken
    if (taken === undefined) throw new Error(`series ${plan.seriesKey} is missing`)
    const number = String(taken)
    await sql`update invoices set state = 'open', number_seq = ${taken}, number = ${number},
      invoice_date = ${plan.invoiceDate}, due_date = ${plan.dueDate}, payment_reference = ${number},
      payment_reference_kind = ${plan.referenceKind}, recipient = ${plan.recipientJson},
      approved_at = ${now}, updated_at = ${now}, version = ${draft.version + 1}
      where organization_id = ${org} and invoice_id = ${draft.invoiceId}`.execute(tx)
    const entryId = newId()
    await sql`insert into journal_entries (organization_id, entry_id, entry_date, description, currency,
      source_type, source_id, reverses_entry_id, created_at)
      values (${org}, ${entryId}, ${plan.invoiceDate}, ${`Invoice ${number}`}, ${plan.currency},
      'invoice', ${draft.invoiceId}, ${null}, ${now})`.execute(tx)
    await journalLinesSql(plan, entryId, draft.invoiceId).execute(tx)
    const eventId = newId()
    const data = JSON.stringify({ number, grossMinor: String(plan.grossMinor), dueDate: plan.dueDate })
    await sql`insert into events (organization_id, event_id, case_id, invoice_id, type, data,
      visible_to_recipient, created_at)
      values (${org}, ${eventId}, ${draft.caseId}, ${draft.invoiceId}, 'invoice.approved', ${data},
      ${true}, ${now})`.execute(tx)
    const payload = JSON.stringify({
      eventId,
      type: 'invoice.approved',
      caseId: draft.caseId,
      invoiceId: draft.invoiceId,
    })
    await sql`insert into outbox (organization_id, outbox_id, kind, payload, state, attempts,
      next_attempt_at, last_error, created_at, done_at)
      values (${org}, ${newId()}, 'event.announce', ${payload}, 'pending', 0, ${now}, ${null}, ${now},
      ${null})`.execute(tx)
  })
}
