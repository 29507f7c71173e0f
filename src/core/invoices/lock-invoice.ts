// Loads an invoice under its row lock for a state change; every use case that moves an invoice
// through the lifecycle starts here.

import { notFound } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { Storage, Tx } from '../../storage/database.ts'
import type { InvoicesTable } from '../../storage/schema.ts'
import { loadInvoices } from './invoice-record.ts'
import { keepWriteDownWithin, writeDownOf } from './write-down.ts'

export async function lockInvoice(
  storage: Storage,
  tx: Tx,
  organizationId: string,
  invoiceId: string,
): Promise<Invoice> {
  const [invoice] = await loadInvoices(tx, organizationId, [invoiceId], { lockFor: storage })
  if (!invoice) throw notFound('invoice', invoiceId)
  return invoice
}

export async function organizationOf(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('organizations')
    .select(['country', 'base_currency', 'locale', 'settings', 'clock_offset_days', 'name'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow()
}

export type InvoiceChanges = Readonly<
  Partial<
    Pick<
      InvoicesTable,
      'state' | 'paid_minor' | 'credited_minor' | 'written_off_minor' | 'fees_minor' | 'due_date' | 'extra'
    >
  >
>

/**
 * Writes a locked invoice's changes, bumping its version: every lifecycle change ends here, so a
 * written-down invoice's provision follows every change of what it owes (write-down.ts).
 */
export async function saveLockedInvoice(
  tx: Tx,
  organizationId: string,
  invoice: Invoice,
  given: InvoiceChanges,
  now: string,
): Promise<void> {
  const changes = writeDownOf(invoice.extra)
    ? await keepWriteDownWithin(tx, organizationId, invoice, given, now)
    : given
  await tx
    .updateTable('invoices')
    .set({ ...changes, version: invoice.version + 1, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('invoice_id', '=', invoice.invoiceId)
    .execute()
}
