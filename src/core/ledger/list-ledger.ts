// Reads the ledger as it was posted: entries (with their lines) and lines (with their entry), by id
// or by the document that posted them, or a page by the shared list spec. An entry is void when a
// reversal undid it or when it is itself a reversal, so summing the lines that are not void gives
// the same balances as summing all of them.

import { sql } from 'kysely'
import type { Executor } from '../../storage/database.ts'
import type { JournalEntriesTable, JournalLinesTable } from '../../storage/schema.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'

export type LedgerLine = Readonly<{
  entryId: string
  lineNo: number
  accountNumber: string
  debitMinor: bigint
  creditMinor: bigint
  contactId: string | null
  invoiceId: string | null
  vatRatePercent: string | null
  description: string | null
}>

export type LedgerEntryHeader = Readonly<{
  entryId: string
  /** The entry's place in the organization's ledger, counting from 1 in the order of posting. */
  entryNo: bigint
  entryDate: string
  description: string
  currency: string
  sourceType: string
  sourceId: string
  reversesEntryId: string | null
  isVoid: boolean
  createdAt: string
}>

export type LedgerEntry = LedgerEntryHeader & Readonly<{ lines: readonly LedgerLine[] }>

export type LedgerPosting = LedgerLine & Readonly<{ entry: LedgerEntryHeader }>

const REVERSED = `exists (select 1 from journal_entries r where r.organization_id = journal_entries.organization_id and r.reverses_entry_id = journal_entries.entry_id)`
const IS_VOID = `journal_entries.reverses_entry_id is not null or ${REVERSED}`
// Entry ids are UUIDv7, ordered by creation, so an entry's number is how many entries precede it.
const ENTRY_NO = `(select count(*) from journal_entries n where n.organization_id = journal_entries.organization_id and n.entry_id <= journal_entries.entry_id)`

export const LEDGER_ENTRY_FIELDS: FieldMap = {
  entryId: 'journal_entries.entry_id',
  entryDate: 'journal_entries.entry_date',
  currency: 'journal_entries.currency',
  sourceType: 'journal_entries.source_type',
  sourceId: 'journal_entries.source_id',
  createdAt: 'journal_entries.created_at',
  isVoid: IS_VOID,
}

export const LEDGER_LINE_FIELDS: FieldMap = {
  ...LEDGER_ENTRY_FIELDS,
  accountNumber: 'journal_lines.account_number',
  contactId: 'journal_lines.contact_id',
  invoiceId: 'journal_lines.invoice_id',
  lineNo: 'journal_lines.line_no',
}

type HeaderRow = JournalEntriesTable & { is_void: unknown; entry_no: unknown }

function headerFromRow(row: HeaderRow): LedgerEntryHeader {
  return {
    entryId: row.entry_id,
    entryNo: BigInt(row.entry_no as bigint | number | string),
    entryDate: row.entry_date,
    description: row.description,
    currency: row.currency,
    sourceType: row.source_type,
    sourceId: row.source_id,
    reversesEntryId: row.reverses_entry_id,
    isVoid: row.is_void === true || row.is_void === 1n || row.is_void === 1,
    createdAt: row.created_at,
  }
}

function lineFromRow(row: JournalLinesTable): LedgerLine {
  return {
    entryId: row.entry_id,
    lineNo: row.line_no,
    accountNumber: row.account_number,
    debitMinor: row.debit_minor,
    creditMinor: row.credit_minor,
    contactId: row.contact_id,
    invoiceId: row.invoice_id,
    vatRatePercent: row.vat_rate_percent,
    description: row.description,
  }
}

function entryColumns(db: Executor, organizationId: string) {
  return db
    .selectFrom('journal_entries')
    .selectAll('journal_entries')
    .select(sql<unknown>`(${sql.raw(IS_VOID)})`.as('is_void'))
    .select(sql<unknown>`${sql.raw(ENTRY_NO)}`.as('entry_no'))
    .where('journal_entries.organization_id', '=', organizationId)
}

async function withLines(
  db: Executor,
  organizationId: string,
  headers: readonly LedgerEntryHeader[],
): Promise<LedgerEntry[]> {
  if (headers.length === 0) return []
  const lines = await db
    .selectFrom('journal_lines')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(
      'entry_id',
      'in',
      headers.map((header) => header.entryId),
    )
    .orderBy('line_no')
    .execute()
  return headers.map((header) => ({
    ...header,
    lines: lines.filter((line) => line.entry_id === header.entryId).map(lineFromRow),
  }))
}

/** Entries by id, or every entry posted by one of `sources` ("type:id"), in posting order. */
export async function getLedgerEntries(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; sourceIds?: readonly string[] }>,
): Promise<LedgerEntry[]> {
  const ids = by.ids ?? []
  const sourceIds = by.sourceIds ?? []
  if (ids.length === 0 && sourceIds.length === 0) return []
  let query = entryColumns(context.storage.db, tenant.organizationId)
  if (ids.length > 0) query = query.where('journal_entries.entry_id', 'in', ids)
  if (sourceIds.length > 0) query = query.where('journal_entries.source_id', 'in', sourceIds)
  const rows = (await query.orderBy('journal_entries.entry_id').execute()) as HeaderRow[]
  return withLines(context.storage.db, tenant.organizationId, rows.map(headerFromRow))
}

export async function listLedgerEntries(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<LedgerEntry>> {
  const base = context.storage.db
    .selectFrom('journal_entries')
    .where('journal_entries.organization_id', '=', tenant.organizationId)
  const { rows, totalCount } = await fetchPage(
    base,
    LEDGER_ENTRY_FIELDS,
    spec,
    'journal_entries.entry_id',
    (query) => query.select('journal_entries.entry_id'),
  )
  const entries = await getLedgerEntries(context, tenant, { ids: rows.map((row) => row.entry_id) })
  const byId = new Map(entries.map((entry) => [entry.entryId, entry]))
  return { items: rows.flatMap((row) => byId.get(row.entry_id) ?? []), totalCount }
}

/** A page of lines, each with its entry, by the shared list spec over line and entry fields. */
export async function listLedgerLines(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<LedgerPosting>> {
  const base = context.storage.db
    .selectFrom('journal_lines')
    .innerJoin('journal_entries', (join) =>
      join
        .onRef('journal_entries.organization_id', '=', 'journal_lines.organization_id')
        .onRef('journal_entries.entry_id', '=', 'journal_lines.entry_id'),
    )
    .where('journal_lines.organization_id', '=', tenant.organizationId)
  // A line is its entry and its number: both order the page, so equal sort keys never reorder lines.
  const orderBy = [...(spec.orderBy ?? []), { field: 'entryId', direction: 'asc' as const }]
  const { rows, totalCount } = await fetchPage(
    base,
    LEDGER_LINE_FIELDS,
    { ...spec, orderBy },
    'journal_lines.line_no',
    (query) => query.select(['journal_lines.entry_id', 'journal_lines.line_no']),
  )
  const entries = await getLedgerEntries(context, tenant, {
    ids: [...new Set(rows.map((row) => row.entry_id))],
  })
  const byId = new Map(entries.map((entry) => [entry.entryId, entry]))
  const items = rows.flatMap((row) => {
    const entry = byId.get(row.entry_id)
    const line = entry?.lines.find((candidate) => candidate.lineNo === row.line_no)
    if (!entry || !line) return []
    const { lines: _lines, ...header } = entry
    return [{ ...line, entry: header }]
  })
  return { items, totalCount }
}
