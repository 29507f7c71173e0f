// Arranges the approve benchmark outside its timed loops: drafts for both sides, the baseline's
// plan copied from what approveInvoice really wrote, and a check afterwards that both sides wrote
// the same rows, so the ratio compares like with like.

import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import type { Storage } from '../../src/storage/database.ts'
import type { World } from '../../test/support/core-fixtures.ts'
import type { PlainApprovalPlan, PlainDraft } from './approve-by-plain-sql.ts'

/** Creates `count` identical one-line drafts, `concurrency` at a time (PostgreSQL overlaps round trips). */
export async function createDrafts(world: World, count: number, concurrency: number): Promise<PlainDraft[]> {
  const drafts: PlainDraft[] = []
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, () =>
      createInvoice(world.core, world.tenant, {
        contactId: world.contactId,
        lines: [{ productId: world.productId, quantity: '1' }],
      }),
    )
    for (const draft of await Promise.all(batch))
      drafts.push({ invoiceId: draft.invoiceId, caseId: draft.caseId, version: draft.version })
  }
  return drafts
}

/**
 * The baseline's constant parts, read from an invoice that approveInvoice approved: the same
 * dates, recipient snapshot, reference kind and journal lines. It also opens the baseline's
 * numbering series, which approveInvoice would create on its first approval.
 */
export async function planFromApproved(
  storage: Storage,
  approvedInvoiceId: string,
  approved: World,
  baseline: World,
): Promise<PlainApprovalPlan> {
  const org = approved.tenant.organizationId
  const invoice = await storage.db
    .selectFrom('invoices')
    .selectAll()
    .where('organization_id', '=', org)
    .where('invoice_id', '=', approvedInvoiceId)
    .executeTakeFirstOrThrow()
  assert.ok(invoice.invoice_date && invoice.due_date && invoice.payment_reference_kind, 'approved')
  const lines = await storage.db
    .selectFrom('journal_lines')
    .innerJoin('journal_entries', (join) =>
      join
        .onRef('journal_entries.organization_id', '=', 'journal_lines.organization_id')
        .onRef('journal_entries.entry_id', '=', 'journal_lines.entry_id'),
    )
    .select([
      'journal_lines.account_number',
      'journal_lines.debit_minor',
      'journal_lines.credit_minor',
      'journal_lines.contact_id',
      'journal_lines.invoice_id',
      'journal_lines.vat_rate_percent',
      'journal_lines.description',
    ])
    .where('journal_entries.organization_id', '=', org)
    .where('journal_entries.source_id', '=', approvedInvoiceId)
    .orderBy('journal_lines.line_no')
    .execute()
  await storage.db
    .insertInto('numbering_series')
    .values({
      organization_id: baseline.tenant.organizationId,
      series_key: invoice.series_key,
      prefix: '',
      padding: 0,
      next_number: 1n,
    })
    .execute()
  return {
    organizationId: baseline.tenant.organizationId,
    contactId: baseline.contactId,
    seriesKey: invoice.series_key,
    currency: invoice.currency,
    invoiceDate: invoice.invoice_date,
    dueDate: invoice.due_date,
    grossMinor: invoice.gross_minor,
    recipientJson: invoice.recipient,
    referenceKind: invoice.payment_reference_kind,
    entryLines: lines.map((line) => ({
      account_number: line.account_number,
      debit_minor: line.debit_minor,
      credit_minor: line.credit_minor,
      has_contact: line.contact_id !== null,
      has_invoice: line.invoice_id !== null,
      vat_rate_percent: line.vat_rate_percent,
      description: line.description,
    })),
    now: () => baseline.core.clock.now().toISOString(),
  }
}

const WRITTEN_TABLES = ['journal_entries', 'journal_lines', 'events', 'outbox'] as const

async function rowCounts(storage: Storage, organizationId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of WRITTEN_TABLES) {
    const row = await storage.db
      .selectFrom(table)
      .select(sql<bigint>`count(*)`.as('count'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.count)
  }
  const open = await storage.db
    .selectFrom('invoices')
    .select(sql<bigint>`count(*)`.as('count'))
    .where('organization_id', '=', organizationId)
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow()
  counts.openInvoices = Number(open.count)
  return counts
}

/** Fails the benchmark if the baseline did not write exactly the rows approveInvoice wrote. */
export async function assertSameRows(storage: Storage, approved: World, baseline: World): Promise<void> {
  const [left, right] = await Promise.all([
    rowCounts(storage, approved.tenant.organizationId),
    rowCounts(storage, baseline.tenant.organizationId),
  ])
  assert.deepEqual(right, left, 'the baseline must write the rows approveInvoice writes')
}
