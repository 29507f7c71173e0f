// Records a dialect's notes about an invoice in any state (whether it was printed or mailed, who
// it was marked for) without touching what it says or owes: an approved invoice's amounts, lines
// and number never change, but these notes may.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { loadInvoice } from './invoice-record.ts'
import { lockInvoice, saveLockedInvoice } from './lock-invoice.ts'
import { assertFound } from './resolve-draft.ts'

/** Merges `extra` over the invoice's own (a key set to undefined keeps its value). */
export async function annotateInvoice(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
  extra: Readonly<Record<string, unknown>>,
): Promise<Invoice> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const invoice = await lockInvoice(context.storage, tx, org, invoiceId)
    const merged = { ...invoice.extra, ...extra }
    await saveLockedInvoice(tx, org, invoice, { extra: JSON.stringify(merged) }, nowIso(context))
  })
  return assertFound(await loadInvoice(context.storage.db, org, invoiceId), 'invoice', invoiceId)
}
