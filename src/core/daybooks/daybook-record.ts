// Daybooks and their transactions as the core hands them to dialects, and the mapping from their
// rows; the one place that knows the daybook tables' columns.

import type { Side } from '../../domain/ledger/account.ts'
import type { ManualVat } from '../../domain/ledger/manual-entry.ts'
import type { TaxTreatment } from '../../domain/tax/tax-treatment.ts'
import type { Executor } from '../../storage/database.ts'
import type {
  DaybookLinesTable,
  DaybooksTable,
  DaybookTransactionsTable,
} from '../../storage/schema-billy.ts'

export type Daybook = Readonly<{
  daybookId: string
  name: string
  isSummaryEnabled: boolean
  defaultContraAccountNumber: string | null
  extra: Readonly<Record<string, unknown>>
  createdAt: string
}>

export type DaybookLine = Readonly<{
  lineNo: number
  text: string | null
  accountNumber: string
  contraAccountNumber: string | null
  vat: ManualVat | null
  side: Side
  amountMinor: bigint
  currency: string
  extra: Readonly<Record<string, unknown>>
}>

export type DaybookState = 'draft' | 'approved' | 'voided'

export type DaybookTransaction = Readonly<{
  transactionId: string
  daybookId: string | null
  entryDate: string
  voucherNo: string | null
  description: string | null
  extendedDescription: string | null
  apiType: string | null
  state: DaybookState
  priority: number | null
  extra: Readonly<Record<string, unknown>>
  createdAt: string
  approvedAt: string | null
  lines: readonly DaybookLine[]
}>

export function daybookFromRow(row: DaybooksTable): Daybook {
  return {
    daybookId: row.daybook_id,
    name: row.name,
    isSummaryEnabled: row.is_summary_enabled,
    defaultContraAccountNumber: row.default_contra_account_number,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    createdAt: row.created_at,
  }
}

function lineFromRow(row: DaybookLinesTable): DaybookLine {
  return {
    lineNo: row.line_no,
    text: row.text,
    accountNumber: row.account_number,
    contraAccountNumber: row.contra_account_number,
    vat:
      row.vat_rate_percent === null
        ? null
        : {
            vatRatePercent: row.vat_rate_percent,
            taxTreatment: (row.tax_treatment ?? 'standard') as TaxTreatment,
            direction: row.vat_direction === 'purchase' ? 'purchase' : 'sales',
          },
    side: row.side === 'credit' ? 'credit' : 'debit',
    amountMinor: row.amount_minor,
    currency: row.currency,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
  }
}

export async function loadDaybookTransactions(
  db: Executor,
  organizationId: string,
  ids: readonly string[],
): Promise<DaybookTransaction[]> {
  if (ids.length === 0) return []
  const [rows, lines] = await Promise.all([
    db
      .selectFrom('daybook_transactions')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('transaction_id', 'in', ids)
      .execute(),
    db
      .selectFrom('daybook_lines')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('transaction_id', 'in', ids)
      .orderBy('line_no')
      .execute(),
  ])
  const byId = new Map(rows.map((row) => [row.transaction_id, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    return row
      ? [
          transactionFromRow(
            row,
            lines.filter((line) => line.transaction_id === id),
          ),
        ]
      : []
  })
}

function transactionFromRow(
  row: DaybookTransactionsTable,
  lines: readonly DaybookLinesTable[],
): DaybookTransaction {
  return {
    transactionId: row.transaction_id,
    daybookId: row.daybook_id,
    entryDate: row.entry_date,
    voucherNo: row.voucher_no,
    description: row.description,
    extendedDescription: row.extended_description,
    apiType: row.api_type,
    state: row.state as DaybookState,
    priority: row.priority,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    createdAt: row.created_at,
    approvedAt: row.approved_at,
    lines: lines.map(lineFromRow),
  }
}

export function lineRows(
  organizationId: string,
  transactionId: string,
  lines: readonly Omit<DaybookLine, 'lineNo'>[],
): DaybookLinesTable[] {
  return lines.map((line, index) => ({
    organization_id: organizationId,
    transaction_id: transactionId,
    line_no: index + 1,
    text: line.text,
    account_number: line.accountNumber,
    contra_account_number: line.contraAccountNumber,
    vat_rate_percent: line.vat?.vatRatePercent ?? null,
    tax_treatment: line.vat?.taxTreatment ?? null,
    vat_direction: line.vat?.direction ?? null,
    amount_minor: line.amountMinor,
    side: line.side,
    currency: line.currency,
    extra: JSON.stringify(line.extra),
  }))
}
