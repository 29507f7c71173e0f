// Merges fields into an invoice's `extra`, the part of the record a dialect owns (texts such as
// a title or label, references, its own metadata). Money, dates, lines and state never change
// here: an approved invoice's amounts change only through payments and credit notes.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { loadInvoice } from './invoice-record.ts'
import { lockInvoice, saveLockedInvoice } from './lock-invoice.ts'
import { assertFound } from './resolve-draft.ts'

/** `change` receives the stored extra and returns the new one. */
export async function setInvoiceExtra(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
  change: (invoice: Invoice) => Readonly<Record<string, unknown>>,
): Promise<Invoice> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const invoice = await lockInvoice(context.storage, tx, org, invoiceId)
    const extra = change(invoice)
    await saveLockedInvoice(tx, org, invoice, { extra: JSON.stringify(extra) }, nowIso(context))
  })
  return assertFound(await loadInvoice(context.storage.db, org, invoiceId), 'invoice', invoiceId)
}
