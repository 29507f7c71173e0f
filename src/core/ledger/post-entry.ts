// Writes one balanced journal entry. Posting rules in the domain build the entry; this stores it
// inside the caller's transaction, so an entry never exists without the change that caused it.

import type { AccountNature, AccountRole } from '../../domain/ledger/account.ts'
import type { ChartOfAccounts } from '../../domain/ledger/chart-of-accounts.ts'
import { composeEntry, type JournalEntryDraft } from '../../domain/ledger/journal-entry.ts'
import type { Executor, Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'

export type EntrySource = Readonly<{ type: string; id: string; reversesEntryId?: string }>

export async function loadChart(db: Executor, organizationId: string): Promise<ChartOfAccounts> {
  const rows = await db
    .selectFrom('accounts')
    .select(['account_id', 'account_number', 'name', 'nature', 'role', 'vat_rate_percent'])
    .where('organization_id', '=', organizationId)
    .execute()
  return rows.map((row) => ({
    id: row.account_id,
    number: row.account_number,
    name: row.name,
    nature: row.nature as AccountNature,
    ...(row.role ? { role: row.role as AccountRole } : {}),
    ...(row.vat_rate_percent ? { vatRatePercent: row.vat_rate_percent } : {}),
  }))
}

/** Stores the entry (or nothing, for a rule that moved no money) and returns its id. */
export async function postEntry(
  tx: Tx,
  organizationId: string,
  entry: JournalEntryDraft | null,
  source: EntrySource,
  createdAt: string,
): Promise<string | undefined> {
  if (!entry) return undefined
  const checked = composeEntry(entry, entry.lines)
  if (!checked) return undefined
  const entryId = newId()
  await tx
    .insertInto('journal_entries')
    .values({
      organization_id: organizationId,
      entry_id: entryId,
      entry_date: checked.entryDate,
      description: checked.description,
      currency: checked.currency,
      source_type: source.type,
      source_id: source.id,
      reverses_entry_id: source.reversesEntryId ?? null,
      created_at: createdAt,
    })
    .execute()
  await tx
    .insertInto('journal_lines')
    .values(
      checked.lines.map((line, index) => ({
        organization_id: organizationId,
        entry_id: entryId,
        line_no: index + 1,
        account_number: line.accountNumber,
        debit_minor: line.amountMinor > 0n ? line.amountMinor : 0n,
        credit_minor: line.amountMinor < 0n ? -line.amountMinor : 0n,
        contact_id: line.contactId ?? null,
        invoice_id: line.invoiceId ?? null,
        vat_rate_percent: line.vatRatePercent ?? null,
        description: line.description ?? null,
      })),
    )
    .execute()
  return entryId
}
