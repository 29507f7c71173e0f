// Report files as the vendor lists and serves them (../shared/reference/billogram.md §2, §6):
// {filename, type, file_type, info, created_at} in the list and {…, content} (base64) for one file.
// Two reports per day: the payments dated that day (`payments`) and the invoice journal of the
// invoices and credit notes booked that day with their postings (`debtors ledger journal`, a type
// Java's enum knows). Both are CSV files; a day's report is made when it is asked for.

import type {
  InvoiceJournalRow,
  PaymentsReportRow,
  ReportDay,
  ReportKind,
} from '../../../core/reports/daily-reports.ts'
import { type CsvCell, renderCsv } from '../../../documents/csv.ts'
import { addDays } from '../../../domain/calendar/dates.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { minorToDecimalString } from '../../../domain/money/decimal.ts'
import { billogramIdOf } from '../ids.ts'
import type { ListFields } from './list-query.ts'

const NAMES: Readonly<Record<ReportKind, Readonly<{ prefix: string; type: string; info: string }>>> = {
  payments: { prefix: 'payments', type: 'payments', info: 'Payments dated' },
  invoice_journal: {
    prefix: 'debtors-ledger-journal',
    type: 'debtors ledger journal',
    info: 'Invoices and credit notes booked',
  },
}

export const REPORT_FILE_TYPE = 'text/csv'

export const REPORT_LIST: ListFields = {
  filter: { filename: { core: 'filename', kind: 'text' } },
  order: { created_at: 'createdAt', filename: 'filename' },
  search: ['filename'],
}

export type ReportListing = Readonly<{
  filename: string
  type: string
  file_type: string
  info: string
  created_at: string
}>

export function reportListing(report: ReportDay): ReportListing {
  const names = NAMES[report.kind]
  return {
    filename: `${names.prefix}-${report.day}.csv`,
    type: names.type,
    file_type: REPORT_FILE_TYPE,
    info: `${names.info} ${report.day}`,
    // A day's report is complete when the day has ended.
    created_at: `${addDays(report.day, 1)} 00:00:00`,
  }
}

/** The report a file name names, or undefined when it names none this server makes. */
export function reportOfFilename(filename: string): ReportDay | undefined {
  const match = /^([a-z-]+)-(\d{4}-\d{2}-\d{2})\.csv$/.exec(filename)
  if (!match) return undefined
  const kind = (Object.keys(NAMES) as ReportKind[]).find((candidate) => NAMES[candidate].prefix === match[1])
  return kind && match[2] ? { kind, day: match[2] } : undefined
}

function money(amountMinor: bigint, currency: string): string {
  return minorToDecimalString(amountMinor, currency as CurrencyCode)
}

function billogramId(caseNo: bigint | null): string | null {
  return caseNo === null ? null : billogramIdOf(caseNo)
}

const PAYMENT_HEADER = [
  'payment_no',
  'payment_date',
  'registered_at',
  'customer_no',
  'customer_name',
  'billogram_id',
  'invoice_no',
  'amount',
  'currency',
  'payment_amount',
  'fee',
  'overpaid',
  'reference',
  'recalled',
]

/** One line per invoice a payment settled; a payment that settled none has one line of its own. */
export function renderPaymentsReport(rows: readonly PaymentsReportRow[]): Buffer {
  const lines = rows.flatMap((row) => {
    const common = (
      applied: Readonly<{ caseNo: bigint | null; invoiceNumber: string | null; amountMinor: bigint }>,
    ) =>
      [
        row.paymentSeq,
        row.paidOn,
        row.registeredAt,
        row.contactNo,
        row.contactName,
        billogramId(applied.caseNo),
        applied.invoiceNumber,
        money(applied.amountMinor, row.currency),
        row.currency,
        money(row.amountMinor, row.currency),
        money(row.feeMinor, row.currency),
        money(row.overpaidMinor, row.currency),
        row.reference,
        row.isVoided ? 'yes' : 'no',
      ] satisfies CsvCell[]
    return row.applied.length > 0
      ? row.applied.map(common)
      : [common({ caseNo: null, invoiceNumber: null, amountMinor: 0n })]
  })
  return renderCsv(PAYMENT_HEADER, lines)
}

const JOURNAL_HEADER = [
  'booking_date',
  'kind',
  'invoice_no',
  'billogram_id',
  'customer_no',
  'customer_name',
  'currency',
  'account',
  'account_name',
  'vat_rate',
  'debit',
  'credit',
]

/** One line per posting: the receivable, the revenue per account and VAT rate, the VAT per rate. */
export function renderInvoiceJournal(rows: readonly InvoiceJournalRow[]): Buffer {
  const lines = rows.flatMap((row) =>
    row.postings.map(
      (posting) =>
        [
          row.entryDate,
          row.kind === 'credit_note' ? 'credit' : 'invoice',
          row.invoiceNumber,
          billogramId(row.caseNo),
          row.contactNo,
          row.contactName,
          row.currency,
          posting.accountNumber,
          posting.accountName,
          posting.vatRatePercent,
          money(posting.debitMinor, row.currency),
          money(posting.creditMinor, row.currency),
        ] satisfies CsvCell[],
    ),
  )
  return renderCsv(JOURNAL_HEADER, lines)
}
