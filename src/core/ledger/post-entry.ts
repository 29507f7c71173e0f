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
  const [entryId] = await postEntries(tx, organizationId, [{ entry, source }], createdAt)
  return entryId
}

/**
 * Stores many entries with two statements in all, for jobs that post one entry per invoice over
 * a batch; each is checked exactly as postEntry checks one. Returns the ids in input order,
 * undefined where a rule moved no money.
 */
export async function postEntries(
  tx: Tx,
  organizationId: string,
  items: readonly Readonly<{ entry: JournalEntryDraft | null; source: EntrySource }>[],
  createdAt: string,
): Promise<(string | undefined)[]> {
  const checked = items.map(({ entry, source }) => {
    const composed = entry ? composeEntry(entry, entry.lines) : null
    return composed ? { entryId: newId(), composed, source } : undefined
  })
  const stored = checked.filter((item) => item !== undefined)
  if (stored.length === 0) return checked.map(() => undefined)
  await tx
    .insertInto('journal_entries')
    .values(
      stored.map(({ entryId, composed, source }) => ({
        organization_id: organizationId,
        entry_id: entryId,
        entry_date: composed.entryDate,
        description: composed.description,
        currency: composed.currency,
        source_type: source.type,
        source_id: source.id,
        reverses_entry_id: source.reversesEntryId ?? null,
        created_at: createdAt,
      })),
    )
    .execute()
  await tx
    .insertInto('journal_lines')
    .values(
      stored.flatMap(({ entryId, composed }) =>
        composed.lines.map((line, index) => ({
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
      ),
    )
    .execute()
  return checked.map((item) => item?.entryId)
}
