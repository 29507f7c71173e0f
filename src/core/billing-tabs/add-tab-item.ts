// Adds a line to a customer's open billing tab, opening the tab on the first line. The invariant
// it protects: a deduplication id adds its line once per customer. The same id with the same
// line returns the line already added (a retried request); with another line it is refused.

import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { checkLine } from '../../domain/invoicing/draft.ts'
import { forUpdate } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import type { DraftLineInput } from '../invoices/resolve-draft.ts'
import { itemFromRow, newTabRow, openTabRow, type TabItem } from './billing-tab-record.ts'

export type AddTabItemInput = Readonly<{ contactId: string; deduplicationId: string; line: DraftLineInput }>

export type AddedTabItem = TabItem & Readonly<{ replayed: boolean }>

/** Refuses a line the core could never bill, now rather than when the tab is emptied. */
function checkTabLine(line: DraftLineInput): void {
  checkLine(
    {
      productId: null,
      description: line.description ?? '',
      quantity: line.quantity ?? '1',
      unit: line.unit ?? null,
      unitPrice: line.unitPrice ?? '',
      discount: null,
      vatRatePercent: line.vatRatePercent ?? '0',
      taxTreatment: line.taxTreatment ?? 'standard',
      revenueAccountNumber: null,
      extra: {},
    },
    0,
  )
}

export async function addTabItem(
  context: CoreContext,
  tenant: Tenant,
  input: AddTabItemInput,
): Promise<AddedTabItem> {
  const org = tenant.organizationId
  const key = input.deduplicationId.trim()
  if (key === '' || key.length > 200)
    throw invalidField('deduplicationId', 'a deduplication id of 1 to 200 characters is required')
  checkTabLine(input.line)
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    // The contact's row lock serializes adds for one customer: one open tab, one line per key.
    const contact = await forUpdate(
      context.storage,
      tx
        .selectFrom('contacts')
        .select('contact_id')
        .where('organization_id', '=', org)
        .where('contact_id', '=', input.contactId),
    ).executeTakeFirst()
    if (!contact) throw notFound('contact', input.contactId)
    const earlier = await tx
      .selectFrom('billing_tab_items')
      .selectAll()
      .where('organization_id', '=', org)
      .where('contact_id', '=', input.contactId)
      .where('deduplication_id', '=', key)
      .executeTakeFirst()
    if (earlier) {
      if (earlier.line !== JSON.stringify(input.line))
        throw new DomainError('conflict', 'this deduplication id was already used for another item', {
          field: 'deduplicationId',
        })
      return { ...itemFromRow(earlier), replayed: true }
    }
    let tab = await openTabRow(tx, org, input.contactId)
    if (!tab) {
      tab = await newTabRow(context, tx, org, input.contactId)
      await tx.insertInto('billing_tabs').values(tab).execute()
    }
    const row = {
      organization_id: org,
      item_id: newId(),
      billing_tab_id: tab.billing_tab_id,
      contact_id: input.contactId,
      deduplication_id: key,
      line: JSON.stringify(input.line),
      created_at: now,
    }
    await tx.insertInto('billing_tab_items').values(row).execute()
    return { ...itemFromRow(row), replayed: false }
  })
}
