// A client's `dunning_run` (appendix: kunden): whether its invoices take part in the automatic
// dunning run. A client taken out (`0`) has automatic reminders turned off on each of its
// invoices: on every invoice made for it through the API, and, when the flag changes, on each of
// its invoices still a draft or owed (the core's per-invoice override; `1` follows the
// organization's settings again). Both are written in the transaction of the change.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { setInvoiceDunning } from '../../../core/dunning/set-invoice-dunning.ts'
import { searchInvoices } from '../../../core/invoices/search-invoices.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import type { WireStrings } from '../invoices/extra.ts'

const PAGE = 500

export function inDunningRun(contact: Pick<Contact, 'extra'>): boolean {
  return ((contact.extra.billomat ?? {}) as WireStrings).dunning_run !== '0'
}

/** For a new invoice of the client: nothing, or automatic reminders off. */
export async function applyDunningRunTo(
  unit: CoreContext,
  tenant: Tenant,
  contact: Pick<Contact, 'extra'>,
  invoiceId: string,
): Promise<void> {
  if (!inDunningRun(contact)) await setInvoiceDunning(unit, tenant, invoiceId, { automaticReminders: false })
}

/** After the client's flag changed: every invoice of it not yet settled follows the new flag. */
export async function applyDunningRun(
  unit: CoreContext,
  tenant: Tenant,
  contact: Pick<Contact, 'contactId' | 'extra'>,
): Promise<void> {
  const automaticReminders = inDunningRun(contact) ? null : false
  for (let offset = 0; ; offset += PAGE) {
    const page = await searchInvoices(unit, tenant, {
      filters: [
        { field: 'contactId', op: 'eq', value: contact.contactId },
        { field: 'kind', op: 'eq', value: 'invoice' },
        { field: 'state', op: 'in', value: ['draft', 'open', 'overdue'] },
      ],
      limit: PAGE,
      offset,
    })
    for (const invoice of page.items)
      await setInvoiceDunning(unit, tenant, invoice.invoiceId, { automaticReminders })
    if (page.items.length < PAGE) return
  }
}
