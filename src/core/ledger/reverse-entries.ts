// Voids what a document posted by posting the mirror of each of its entries (a reversal), dated
// as the original, so the document's effect disappears from every period it touched while the
// history of what was posted and undone stays in the ledger. Entries already reversed are skipped,
// so voiding twice posts nothing the second time.

import type { JournalEntryDraft, JournalLine } from '../../domain/ledger/journal-entry.ts'
import { reverseEntry } from '../../domain/ledger/journal-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'
import { type EntrySource, postEntry } from './post-entry.ts'

async function entryDraft(
  tx: Tx,
  organizationId: string,
  entryId: string,
  header: Omit<JournalEntryDraft, 'lines'>,
) {
  const lines = await tx
    .selectFrom('journal_lines')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('entry_id', '=', entryId)
    .orderBy('line_no')
    .execute()
  const draftLines: JournalLine[] = lines.map((line) => ({
    accountNumber: line.account_number,
    amountMinor: line.debit_minor - line.credit_minor,
    ...(line.contact_id ? { contactId: line.contact_id } : {}),
    ...(line.invoice_id ? { invoiceId: line.invoice_id } : {}),
    ...(line.vat_rate_percent ? { vatRatePercent: line.vat_rate_percent } : {}),
    ...(line.description ? { description: line.description } : {}),
  }))
  return { ...header, lines: draftLines }
}

/** Reverses every entry `source` posted that is not reversed yet; returns the reversals' ids. */
export async function reverseEntriesOf(
  tx: Tx,
  organizationId: string,
  source: Omit<EntrySource, 'reversesEntryId'>,
  reversalType: string,
  createdAt: string,
): Promise<string[]> {
  const entries = await tx
    .selectFrom('journal_entries')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('source_type', '=', source.type)
    .where('source_id', '=', source.id)
    .where('reverses_entry_id', 'is', null)
    .execute()
  const reversed = new Set(
    (
      await tx
        .selectFrom('journal_entries')
        .select('reverses_entry_id')
        .where('organization_id', '=', organizationId)
        .where('source_type', '=', reversalType)
        .where('source_id', '=', source.id)
        .execute()
    ).map((row) => row.reverses_entry_id),
  )
  const ids: string[] = []
  for (const entry of entries.filter((row) => !reversed.has(row.entry_id))) {
    const original = await entryDraft(tx, organizationId, entry.entry_id, {
      entryDate: entry.entry_date,
      description: entry.description,
      currency: entry.currency as CurrencyCode,
    })
    const reversal = reverseEntry(original, entry.entry_date, `Void: ${entry.description}`.slice(0, 500))
    const id = await postEntry(
      tx,
      organizationId,
      reversal,
      { type: reversalType, id: source.id, reversesEntryId: entry.entry_id },
      createdAt,
    )
    if (id) ids.push(id)
  }
  return ids
}
