// The figures of an organization's daily reports, read when asked: the payments dated a day and the
// invoices and credit notes booked on a day with their ledger postings. A day has a report once it
// has ended on the organization's clock and something happened on it; both are read off dated,
// append-only records (payment dates, journal entry dates), so a past day reads the same every time
// except that a payment recalled later is marked so.

import type { Executor } from '../../storage/database.ts'
import { getOrganizationClock } from '../clock/advance-clock.ts'
import type { CoreContext, Tenant } from '../context.ts'

export type ReportKind = 'payments' | 'invoice_journal'

export type ReportDay = Readonly<{ kind: ReportKind; day: string }>

/** Journal entries of these sources are the invoice journal: approvals and credit notes. */
const INVOICE_SOURCES = ['invoice', 'credit_note'] as const

/** At most this many days are listed per kind: a bound, not a page (about 27 years of days). */
const MAX_DAYS = 10_000

export type PaymentApplication = Readonly<{
  caseNo: bigint | null
  invoiceNumber: string | null
  amountMinor: bigint
}>

export type PaymentsReportRow = Readonly<{
  paymentSeq: bigint
  paidOn: string
  registeredAt: string
  contactNo: bigint | null
  contactName: string | null
  currency: string
  amountMinor: bigint
  feeMinor: bigint
  overpaidMinor: bigint
  reference: string | null
  isVoided: boolean
  applied: readonly PaymentApplication[]
}>

export type JournalPosting = Readonly<{
  accountNumber: string
  accountName: string | null
  vatRatePercent: string | null
  debitMinor: bigint
  creditMinor: bigint
}>

export type InvoiceJournalRow = Readonly<{
  entryDate: string
  kind: string
  invoiceNumber: string | null
  caseNo: bigint | null
  contactNo: bigint | null
  contactName: string | null
  currency: string
  postings: readonly JournalPosting[]
}>

/** The days before the organization's today that have a report of each kind, oldest first. */
export async function listReportDays(context: CoreContext, tenant: Tenant): Promise<ReportDay[]> {
  const db = context.storage.db
  const org = tenant.organizationId
  const { today } = await getOrganizationClock(context, tenant)
  const [paymentDays, journalDays] = await Promise.all([
    db
      .selectFrom('payments')
      .select('paid_on as day')
      .distinct()
      .where('organization_id', '=', org)
      .where('paid_on', '<', today)
      .orderBy('paid_on')
      .limit(MAX_DAYS)
      .execute(),
    db
      .selectFrom('journal_entries')
      .select('entry_date as day')
      .distinct()
      .where('organization_id', '=', org)
      .where('source_type', 'in', INVOICE_SOURCES)
      .where('entry_date', '<', today)
      .orderBy('entry_date')
      .limit(MAX_DAYS)
      .execute(),
  ])
  return [
    ...paymentDays.map((row) => ({ kind: 'payments' as const, day: row.day })),
    ...journalDays.map((row) => ({ kind: 'invoice_journal' as const, day: row.day })),
  ]
}

async function contactsOf(db: Executor, org: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { contact_no: bigint; name: string }>()
  const rows = await db
    .selectFrom('contacts')
    .select(['contact_id', 'contact_no', 'name'])
    .where('organization_id', '=', org)
    .where('contact_id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((row) => [row.contact_id, row]))
}

async function invoicesOf(db: Executor, org: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { number: string | null; case_no: bigint; kind: string }>()
  const rows = await db
    .selectFrom('invoices')
    .innerJoin('cases', (join) =>
      join
        .onRef('cases.organization_id', '=', 'invoices.organization_id')
        .onRef('cases.case_id', '=', 'invoices.case_id'),
    )
    .select(['invoices.invoice_id', 'invoices.number', 'invoices.kind', 'cases.case_no'])
    .where('invoices.organization_id', '=', org)
    .where('invoices.invoice_id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((row) => [row.invoice_id, row]))
}

/** The payments dated `day`, in the order they were registered, with what each settled. */
export async function paymentsReport(
  context: CoreContext,
  tenant: Tenant,
  day: string,
): Promise<PaymentsReportRow[]> {
  const db = context.storage.db
  const org = tenant.organizationId
  const payments = await db
    .selectFrom('payments')
    .selectAll()
    .where('organization_id', '=', org)
    .where('paid_on', '=', day)
    .orderBy('payment_seq')
    .execute()
  const associations =
    payments.length === 0
      ? []
      : await db
          .selectFrom('payment_associations')
          .selectAll()
          .where('organization_id', '=', org)
          .where(
            'payment_id',
            'in',
            payments.map((payment) => payment.payment_id),
          )
          .orderBy('invoice_id')
          .execute()
  const [contacts, invoices] = await Promise.all([
    contactsOf(
      db,
      org,
      payments.flatMap((payment) => (payment.contact_id ? [payment.contact_id] : [])),
    ),
    invoicesOf(
      db,
      org,
      associations.map((association) => association.invoice_id),
    ),
  ])
  return payments.map((payment) => {
    const contact = payment.contact_id ? contacts.get(payment.contact_id) : undefined
    return {
      paymentSeq: payment.payment_seq,
      paidOn: payment.paid_on,
      registeredAt: payment.created_at,
      contactNo: contact?.contact_no ?? null,
      contactName: contact?.name ?? null,
      currency: payment.currency,
      amountMinor: payment.amount_minor,
      feeMinor: payment.fee_minor,
      overpaidMinor: payment.overpaid_minor,
      reference: payment.reference,
      isVoided: payment.is_voided,
      applied: associations
        .filter((association) => association.payment_id === payment.payment_id)
        .map((association) => {
          const invoice = invoices.get(association.invoice_id)
          return {
            caseNo: invoice?.case_no ?? null,
            invoiceNumber: invoice?.number ?? null,
            amountMinor: association.amount_minor,
          }
        }),
    }
  })
}

/** The invoices and credit notes booked on `day`, each with the postings of its entry. */
export async function invoiceJournal(
  context: CoreContext,
  tenant: Tenant,
  day: string,
): Promise<InvoiceJournalRow[]> {
  const db = context.storage.db
  const org = tenant.organizationId
  const entries = await db
    .selectFrom('journal_entries')
    .select(['entry_id', 'entry_date', 'currency', 'source_type', 'source_id'])
    .where('organization_id', '=', org)
    .where('entry_date', '=', day)
    .where('source_type', 'in', INVOICE_SOURCES)
    .orderBy('created_at')
    .orderBy('entry_id')
    .execute()
  if (entries.length === 0) return []
  const [lines, accounts, invoices] = await Promise.all([
    db
      .selectFrom('journal_lines')
      .selectAll()
      .where('organization_id', '=', org)
      .where(
        'entry_id',
        'in',
        entries.map((entry) => entry.entry_id),
      )
      .orderBy('entry_id')
      .orderBy('line_no')
      .execute(),
    db.selectFrom('accounts').select(['account_number', 'name']).where('organization_id', '=', org).execute(),
    invoicesWithContacts(
      db,
      org,
      entries.map((entry) => entry.source_id),
    ),
  ])
  const accountNames = new Map(accounts.map((account) => [account.account_number, account.name]))
  return entries.map((entry) => {
    const invoice = invoices.get(entry.source_id)
    return {
      entryDate: entry.entry_date,
      kind: entry.source_type,
      invoiceNumber: invoice?.number ?? null,
      caseNo: invoice?.caseNo ?? null,
      contactNo: invoice?.contactNo ?? null,
      contactName: invoice?.contactName ?? null,
      currency: entry.currency,
      postings: lines
        .filter((line) => line.entry_id === entry.entry_id)
        .map((line) => ({
          accountNumber: line.account_number,
          accountName: accountNames.get(line.account_number) ?? null,
          vatRatePercent: line.vat_rate_percent,
          debitMinor: line.debit_minor,
          creditMinor: line.credit_minor,
        })),
    }
  })
}

async function invoicesWithContacts(db: Executor, org: string, ids: readonly string[]) {
  const rows = await db
    .selectFrom('invoices')
    .innerJoin('cases', (join) =>
      join
        .onRef('cases.organization_id', '=', 'invoices.organization_id')
        .onRef('cases.case_id', '=', 'invoices.case_id'),
    )
    .innerJoin('contacts', (join) =>
      join
        .onRef('contacts.organization_id', '=', 'invoices.organization_id')
        .onRef('contacts.contact_id', '=', 'invoices.contact_id'),
    )
    .select([
      'invoices.invoice_id',
      'invoices.number',
      'cases.case_no',
      'contacts.contact_no',
      'contacts.name',
    ])
    .where('invoices.organization_id', '=', org)
    .where('invoices.invoice_id', 'in', [...new Set(ids)])
    .execute()
  return new Map(
    rows.map((row) => [
      row.invoice_id,
      { number: row.number, caseNo: row.case_no, contactNo: row.contact_no, contactName: row.name },
    ]),
  )
}
