// One reminder notice to a contact over several of its invoices, as Billy's invoice reminders are:
// each invoice is reminded by the same dunning step every reminder takes (sendRemindersWithin:
// the next level, the fee within the statutory limits, the fee posted to the ledger, the reminder
// document queued on the chosen channels), and the notice records which invoices it covered and
// what each was charged. The invariant it protects: a notice exists only with all its reminders,
// in one transaction, and every invoice it names belongs to its contact and currency.

import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { formatDecimal, parseDecimal, toMinorUnits } from '../../domain/money/decimal.ts'
import { parsePercent, percentOfMinor } from '../../domain/money/percent.ts'
import { newId } from '../../storage/ids.ts'
import type { ReminderNoticeInvoicesTable, ReminderNoticesTable } from '../../storage/schema-billy.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { getInvoices } from '../invoices/get-invoice.ts'
import { markOverdueInvoices } from '../invoices/mark-overdue.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { loadDunningFacts } from './dunning-facts.ts'
import type { ReminderChannels } from './reminder-channels.ts'
import { MAX_REMINDERS_PER_CALL, sendRemindersWithin } from './send-reminder.ts'

export type ContactReminderInput = Readonly<{
  contactId: string
  invoiceIds: readonly string[]
  feeCurrency: string
  /** In the fee currency, charged on each invoice. */
  flatFee: string
  /** Percent of what each invoice still owes: 2 is 2%. */
  percentageFee: string
  channels: ReminderChannels
  /** What the calling dialect keeps with the notice (its own field names). */
  extra?: Readonly<Record<string, unknown>>
}>

export type NoticeInvoice = Readonly<{ invoiceId: string; level: number; chargedMinor: bigint }>

export type ReminderNotice = Readonly<{
  noticeId: string
  contactId: string
  feeCurrency: string
  flatFee: string
  percentageFee: string
  extra: Readonly<Record<string, unknown>>
  createdAt: string
  invoices: readonly NoticeInvoice[]
}>

export async function remindContact(
  context: CoreContext,
  tenant: Tenant,
  input: ContactReminderInput,
): Promise<ReminderNotice> {
  const flat = parseDecimal(input.flatFee, 'flatFee')
  const percentage = parsePercent(input.percentageFee, 'percentageFee')
  if (flat.units < 0n) throw invalidField('flatFee', 'flatFee must not be negative')
  if (input.invoiceIds.length === 0) throw invalidField('invoiceIds', 'a reminder names at least one invoice')
  if (input.invoiceIds.length > MAX_REMINDERS_PER_CALL)
    throw new DomainError('limit_exceeded', `at most ${MAX_REMINDERS_PER_CALL} invoices in one reminder`)
  const org = tenant.organizationId
  const noticeId = newId()
  const now = nowIso(context)
  return inOneTransaction(context, async (unit) => {
    const invoices = await getInvoices(unit, tenant, input.invoiceIds)
    const missing = input.invoiceIds.find((id) => !invoices.some((invoice) => invoice.invoiceId === id))
    if (missing) throw notFound('invoice', missing)
    for (const invoice of invoices) {
      if (invoice.contactId !== input.contactId)
        throw invalidField(
          'invoiceIds',
          `invoice ${invoice.number ?? invoice.invoiceId} is not the contact's`,
        )
      if (invoice.currency !== input.feeCurrency)
        throw invalidField(
          'feeCurrency',
          `invoice ${invoice.number ?? invoice.invoiceId} is not in ${input.feeCurrency}`,
        )
    }
    // An invoice past its due date that the daily job has not reached yet is overdue all the same.
    await markOverdueInvoices(unit, tenant, { invoiceIds: input.invoiceIds })
    const flatMinor = toMinorUnits(flat, input.feeCurrency as CurrencyCode, 'half-up')
    const sent = await unit.storage.db.transaction().execute(async (tx) =>
      sendRemindersWithin(
        unit,
        tx,
        tenant,
        await loadDunningFacts(unit, tx, org),
        invoices.map((invoice) => ({
          invoiceId: invoice.invoiceId,
          feeMinor:
            flatMinor +
            percentOfMinor(invoice.balanceMinor > 0n ? invoice.balanceMinor : 0n, percentage, 'half-up'),
          channels: input.channels,
        })),
      ),
    )
    const notice: ReminderNoticesTable = {
      organization_id: org,
      notice_id: noticeId,
      contact_id: input.contactId,
      fee_currency: input.feeCurrency,
      flat_fee: formatDecimal(flat),
      percentage_fee: formatDecimal(percentage),
      extra: JSON.stringify(input.extra ?? {}),
      created_at: now,
    }
    const rows: ReminderNoticeInvoicesTable[] = sent.map((reminder) => ({
      organization_id: org,
      notice_id: noticeId,
      invoice_id: reminder.invoiceId,
      level: reminder.level,
      charged_minor: reminder.feeMinor + reminder.compensationMinor + reminder.interestMinor,
    }))
    await unit.storage.db.insertInto('reminder_notices').values(notice).execute()
    await unit.storage.db.insertInto('reminder_notice_invoices').values(rows).execute()
    return noticeOf(notice, rows)
  })
}

function noticeOf(
  notice: ReminderNoticesTable,
  rows: readonly ReminderNoticeInvoicesTable[],
): ReminderNotice {
  return {
    noticeId: notice.notice_id,
    contactId: notice.contact_id,
    feeCurrency: notice.fee_currency,
    flatFee: notice.flat_fee,
    percentageFee: notice.percentage_fee,
    extra: JSON.parse(notice.extra) as Record<string, unknown>,
    createdAt: notice.created_at,
    invoices: rows
      .filter((row) => row.notice_id === notice.notice_id)
      .map((row) => ({ invoiceId: row.invoice_id, level: row.level, chargedMinor: row.charged_minor })),
  }
}

/** Notices by id, by contact or by an invoice they covered, oldest first. */
export async function getReminderNotices(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; contactIds?: readonly string[]; invoiceIds?: readonly string[] }>,
): Promise<ReminderNotice[]> {
  const org = tenant.organizationId
  const db = context.storage.db
  let ids = by.ids
  if (by.invoiceIds) {
    const covering = await db
      .selectFrom('reminder_notice_invoices')
      .select('notice_id')
      .where('organization_id', '=', org)
      .where('invoice_id', 'in', [...by.invoiceIds, ''])
      .execute()
    ids = covering.map((row) => row.notice_id).filter((id) => !by.ids || by.ids.includes(id))
  }
  let query = db.selectFrom('reminder_notices').selectAll().where('organization_id', '=', org)
  if (ids) query = query.where('notice_id', 'in', [...ids, ''])
  if (by.contactIds) query = query.where('contact_id', 'in', [...by.contactIds, ''])
  const notices = await query.orderBy('created_at').orderBy('notice_id').limit(10_000).execute()
  if (notices.length === 0) return []
  const rows = await db
    .selectFrom('reminder_notice_invoices')
    .selectAll()
    .where('organization_id', '=', org)
    .where(
      'notice_id',
      'in',
      notices.map((notice) => notice.notice_id),
    )
    .orderBy('invoice_id')
    .execute()
  return notices.map((notice) => noticeOf(notice, rows))
}
