// Bulk seeding for the benchmarks: copies of one invoice the core made and approved, written in
// batches straight into its tables. Going through the use cases for 100,000 invoices would take
// longer than the measurement; copying rows the core wrote keeps every column as the core sets it.

import type { Storage } from '../../src/storage/database.ts'
import { newId, newToken } from '../../src/storage/ids.ts'

const BATCH = 500

/** What differs from the model in copy `n` (1-based): its customer and, if given, its due date. */
export type CopyShape = (n: number) => Readonly<{ contactId: string; dueDate?: string }>

/** Writes `copies` copies of the model invoice, each in a case of its own with the next numbers. */
export async function cloneInvoice(
  storage: Storage,
  organizationId: string,
  modelInvoiceId: string,
  copies: number,
  shape: CopyShape,
): Promise<void> {
  const db = storage.db
  const invoice = await db
    .selectFrom('invoices')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('invoice_id', '=', modelInvoiceId)
    .executeTakeFirstOrThrow()
  const caseRow = await db
    .selectFrom('cases')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('case_id', '=', invoice.case_id)
    .executeTakeFirstOrThrow()
  const lines = await db
    .selectFrom('invoice_lines')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('invoice_id', '=', modelInvoiceId)
    .execute()
  const numberSeq = invoice.number_seq ?? 0n
  for (let start = 1; start <= copies; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, copies - start + 1) }, (_, offset) => {
      const n = start + offset
      return { n: BigInt(n), invoiceId: newId(), caseId: newId(), ...shape(n) }
    })
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('cases')
        .values(
          batch.map((copy) => ({
            ...caseRow,
            case_id: copy.caseId,
            case_no: caseRow.case_no + copy.n,
            contact_id: copy.contactId,
            page_token: newToken(),
          })),
        )
        .execute()
      await tx
        .insertInto('invoices')
        .values(
          batch.map((copy) => ({
            ...invoice,
            invoice_id: copy.invoiceId,
            invoice_seq: invoice.invoice_seq + copy.n,
            case_id: copy.caseId,
            contact_id: copy.contactId,
            due_date: copy.dueDate ?? invoice.due_date,
            number_seq: numberSeq + copy.n,
            number: String(numberSeq + copy.n),
          })),
        )
        .execute()
      await tx
        .insertInto('invoice_lines')
        .values(batch.flatMap((copy) => lines.map((line) => ({ ...line, invoice_id: copy.invoiceId }))))
        .execute()
    })
  }
}
