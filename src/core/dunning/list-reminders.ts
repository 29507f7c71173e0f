// Reads the reminders sent (dunning_reminders), newest level last per invoice, with the invoice
// facts a dialect shows beside each: its whole number, state, contact, currency and case. Nothing
// is written; every reminder here was charged and recorded by send-reminder.ts.

import type { CoreContext, Tenant } from '../context.ts'
import { applyFilters, type FieldMap, type ListSpec } from '../queries/list-spec.ts'

/**
 * What reminders can be filtered by, beside the named ids. `key` is `{invoiceId}:{level}`, the one
 * text naming a reminder (dialect records hang on it).
 */
export const REMINDER_FIELDS: FieldMap = {
  invoiceId: 'r.invoice_id',
  level: 'r.level',
  remindedOn: 'r.reminded_on',
  payByOn: 'r.pay_by_on',
  invoiceNumber: 'i.number',
  invoiceState: 'i.state',
  key: `r.invoice_id || ':' || r.level`,
}

export function reminderKeyOf(reminder: Pick<ReminderRecord, 'invoiceId' | 'level'>): string {
  return `${reminder.invoiceId}:${reminder.level}`
}

export type ReminderRecord = Readonly<{
  invoiceId: string
  invoiceSeq: bigint
  invoiceState: string
  caseId: string
  contactId: string
  currency: string
  level: number
  remindedOn: string
  payByOn: string
  feeMinor: bigint
  compensationMinor: bigint
  interestMinor: bigint
  channels: readonly string[]
  automatic: boolean
  createdAt: string
}>

export type ReminderQuery = Pick<ListSpec, 'filters' | 'anyOf'> &
  Readonly<{
    invoiceIds?: readonly string[]
    contactIds?: readonly string[]
    /** One reminder: the invoice's and its level. */
    level?: number
    limit: number
    offset: number
  }>

export async function listReminders(
  context: CoreContext,
  tenant: Tenant,
  query: ReminderQuery,
): Promise<Readonly<{ items: readonly ReminderRecord[]; totalCount: number }>> {
  let base = context.storage.db
    .selectFrom('dunning_reminders as r')
    .innerJoin('invoices as i', (join) =>
      join.onRef('i.organization_id', '=', 'r.organization_id').onRef('i.invoice_id', '=', 'r.invoice_id'),
    )
    .where('r.organization_id', '=', tenant.organizationId)
  if (query.invoiceIds)
    base = base.where('r.invoice_id', 'in', query.invoiceIds.length ? query.invoiceIds : [''])
  if (query.contactIds)
    base = base.where('i.contact_id', 'in', query.contactIds.length ? query.contactIds : [''])
  if (query.level !== undefined) base = base.where('r.level', '=', query.level)
  base = applyFilters(base, REMINDER_FIELDS, query)
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<bigint>().as('count')).executeTakeFirstOrThrow(),
    base
      .select([
        'r.invoice_id',
        'r.level',
        'r.reminded_on',
        'r.pay_by_on',
        'r.fee_minor',
        'r.compensation_minor',
      ])
      .select(['r.interest_minor', 'r.channels', 'r.automatic', 'r.created_at'])
      .select(['i.invoice_seq', 'i.state', 'i.case_id', 'i.contact_id', 'i.currency'])
      .orderBy('i.invoice_seq')
      .orderBy('r.level')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ])
  return {
    totalCount: Number(count.count),
    items: rows.map((row) => ({
      invoiceId: row.invoice_id,
      invoiceSeq: row.invoice_seq,
      invoiceState: row.state,
      caseId: row.case_id,
      contactId: row.contact_id,
      currency: row.currency,
      level: row.level,
      remindedOn: row.reminded_on,
      payByOn: row.pay_by_on,
      feeMinor: row.fee_minor,
      compensationMinor: row.compensation_minor,
      interestMinor: row.interest_minor,
      channels: JSON.parse(row.channels) as string[],
      automatic: row.automatic,
      createdAt: row.created_at,
    })),
  }
}
