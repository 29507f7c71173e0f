// A recurring invoice as the core keeps it in `recurrings`: the template draft every issued
// invoice is made from, its schedule (cycle, anchor, next creation day, end date, count) and what
// happens to each issued invoice (kept as a draft, approved, approved and emailed or posted). The
// one place that knows the table's columns and the template's JSON form.

import type { Recurrence } from '../../domain/recurring/recurrence.ts'
import { type Executor, forUpdate, type Storage, type Tx } from '../../storage/database.ts'
import type { RecurringsTable } from '../../storage/schema-billomat-automation.ts'
import type { DraftInvoiceInput } from '../invoices/resolve-draft.ts'

/** What each issued invoice becomes: a draft, approved, approved and emailed, approved and posted. */
export const RECURRING_ACTIONS = ['draft', 'approve', 'email', 'letter'] as const
export type RecurringAction = (typeof RECURRING_ACTIONS)[number]

/** The invoice every occurrence makes; its dates are the occurrence's. */
export type RecurringTemplate = Omit<DraftInvoiceInput, 'contactId' | 'invoiceDate' | 'dueDate'>

export type RecurringEmail = Readonly<{
  to: readonly string[]
  cc: readonly string[]
  bcc: readonly string[]
  /** In Faktura's {{placeholder}} syntax; the locale's default template when absent. */
  subject?: string
  text?: string
  pdfFilename?: string
}>

export type RecurringLetter = Readonly<{ colour?: boolean; duplex?: boolean; paperWeightGsm?: number }>

export type Recurring = Readonly<{
  recurringId: string
  recurringNo: bigint
  contactId: string
  template: RecurringTemplate
  recurrence: Recurrence
  startOn: string
  endOn: string | null
  anchorOn: string
  anchorSteps: number
  /** Null once the series is over or stopped. */
  nextCreationOn: string | null
  iterations: number | null
  createdCount: number
  action: RecurringAction
  email: RecurringEmail
  letter: RecurringLetter
  extra: Readonly<Record<string, unknown>>
  lastInvoiceId: string | null
  lastCreatedOn: string | null
  failedOn: string | null
  failure: string | null
  createdAt: string
  updatedAt: string
}>

/** Money in a template (an amount discount) is a bigint: kept in JSON as a string under the same key. */
export function encodeTemplate(template: RecurringTemplate): string {
  return JSON.stringify(template, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  )
}

export function decodeTemplate(text: string): RecurringTemplate {
  return JSON.parse(text, (key, value: unknown) =>
    key === 'amountMinor' && typeof value === 'string' ? BigInt(value) : value,
  ) as RecurringTemplate
}

export function recurringFromRow(row: RecurringsTable): Recurring {
  return {
    recurringId: row.recurring_id,
    recurringNo: row.recurring_no,
    contactId: row.contact_id,
    template: decodeTemplate(row.template),
    recurrence: { cycle: row.cycle as Recurrence['cycle'], cycleNumber: row.cycle_number },
    startOn: row.start_on,
    endOn: row.end_on,
    anchorOn: row.anchor_on,
    anchorSteps: row.anchor_steps,
    nextCreationOn: row.next_creation_on,
    iterations: row.iterations,
    createdCount: row.created_count,
    action: row.action as RecurringAction,
    email: JSON.parse(row.email) as RecurringEmail,
    letter: JSON.parse(row.letter) as RecurringLetter,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    lastInvoiceId: row.last_invoice_id,
    lastCreatedOn: row.last_created_on,
    failedOn: row.failed_on,
    failure: row.failure,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function loadRecurring(
  db: Executor,
  organizationId: string,
  by: Readonly<{ recurringId: string } | { recurringNo: bigint }>,
): Promise<Recurring | undefined> {
  const query = db.selectFrom('recurrings').selectAll().where('organization_id', '=', organizationId)
  const row = await ('recurringId' in by
    ? query.where('recurring_id', '=', by.recurringId)
    : query.where('recurring_no', '=', by.recurringNo)
  ).executeTakeFirst()
  return row ? recurringFromRow(row) : undefined
}

/** The row under its lock, for a change or an issue that must not run twice. */
export async function lockRecurring(
  storage: Pick<Storage, 'engine'>,
  tx: Tx,
  organizationId: string,
  recurringId: string,
): Promise<Recurring | undefined> {
  const row = await forUpdate(
    storage,
    tx
      .selectFrom('recurrings')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('recurring_id', '=', recurringId),
  ).executeTakeFirst()
  return row ? recurringFromRow(row) : undefined
}
