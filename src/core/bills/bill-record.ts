// Bills as the core hands them to dialects, and their rows; the one place that knows the bill
// tables' columns. A bill's balance is its gross less what payments settled.

import type { BillLineInput } from '../../domain/purchases/bill.ts'
import type { PriceBasis } from '../../domain/tax/compute-vat.ts'
import type { TaxTreatment } from '../../domain/tax/tax-treatment.ts'
import type { Executor } from '../../storage/database.ts'
import type { BillLinesTable, BillsTable } from '../../storage/schema-billy.ts'

export type BillState = 'draft' | 'approved' | 'voided'

export type BillLine = BillLineInput &
  Readonly<{ lineNo: number; netMinor: bigint; vatMinor: bigint; extra: Readonly<Record<string, unknown>> }>

export type Bill = Readonly<{
  billId: string
  /** The bill's whole number in its organization (Billomat's incoming id). */
  billSeq: bigint
  contactId: string
  state: BillState
  entryDate: string
  dueDate: string | null
  currency: string
  priceBasis: PriceBasis
  suppliersInvoiceNo: string | null
  voucherNo: string | null
  netMinor: bigint
  vatMinor: bigint
  grossMinor: bigint
  paidMinor: bigint
  /** What is still owed to the supplier; zero for a draft or voided bill's payments aside. */
  balanceMinor: bigint
  extra: Readonly<Record<string, unknown>>
  createdAt: string
  approvedAt: string | null
  lines: readonly BillLine[]
}>

function lineFromRow(row: BillLinesTable): BillLine {
  return {
    lineNo: row.line_no,
    accountNumber: row.account_number,
    description: row.description,
    amount: row.amount,
    vatRatePercent: row.vat_rate_percent,
    taxTreatment: row.tax_treatment as TaxTreatment | null,
    netMinor: row.net_minor,
    vatMinor: row.vat_minor,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
  }
}

function billFromRow(row: BillsTable, lines: readonly BillLinesTable[]): Bill {
  return {
    billId: row.bill_id,
    billSeq: row.bill_seq ?? 0n,
    contactId: row.contact_id,
    state: row.state as BillState,
    entryDate: row.entry_date,
    dueDate: row.due_date,
    currency: row.currency,
    priceBasis: row.price_basis === 'gross' ? 'gross' : 'net',
    suppliersInvoiceNo: row.suppliers_invoice_no,
    voucherNo: row.voucher_no,
    netMinor: row.net_minor,
    vatMinor: row.vat_minor,
    grossMinor: row.gross_minor,
    paidMinor: row.paid_minor,
    balanceMinor: row.gross_minor - row.paid_minor,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    createdAt: row.created_at,
    approvedAt: row.approved_at,
    lines: lines.map(lineFromRow).sort((a, b) => a.lineNo - b.lineNo),
  }
}

export async function loadBills(
  db: Executor,
  organizationId: string,
  ids: readonly string[],
): Promise<Bill[]> {
  if (ids.length === 0) return []
  const [rows, lines] = await Promise.all([
    db
      .selectFrom('bills')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('bill_id', 'in', ids)
      .execute(),
    db
      .selectFrom('bill_lines')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('bill_id', 'in', ids)
      .execute(),
  ])
  const byId = new Map(rows.map((row) => [row.bill_id, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    return row
      ? [
          billFromRow(
            row,
            lines.filter((line) => line.bill_id === id),
          ),
        ]
      : []
  })
}

export function billLineRows(
  organizationId: string,
  billId: string,
  lines: readonly (BillLineInput & { netMinor: bigint; vatMinor: bigint })[],
): BillLinesTable[] {
  return lines.map((line, index) => ({
    organization_id: organizationId,
    bill_id: billId,
    line_no: index + 1,
    account_number: line.accountNumber,
    description: line.description,
    amount: line.amount,
    vat_rate_percent: line.vatRatePercent,
    tax_treatment: line.taxTreatment,
    net_minor: line.netMinor,
    vat_minor: line.vatMinor,
    extra: JSON.stringify(line.extra ?? {}),
  }))
}
