// A customer's billing tab: invoice lines collected over time, each added once per deduplication
// id, billed together when the tab is emptied. The one place that knows the billing-tab columns.

import type { Executor } from '../../storage/database.ts'
import type { BillingTabItemsTable, BillingTabsTable } from '../../storage/schema-billogram.ts'
import type { DeliveryChoice } from '../cases/delivery-channels.ts'
import type { DraftLineInput } from '../invoices/resolve-draft.ts'

export type TabSettings = Readonly<{ billingFrequency?: string; delivery?: DeliveryChoice }>

export type TabItem = Readonly<{
  itemId: string
  billingTabId: string
  deduplicationId: string
  line: DraftLineInput
  createdAt: string
}>

export type BillingTab = Readonly<{
  billingTabId: string
  contactId: string
  settings: TabSettings
  caseId: string | null
  createdAt: string
  emptiedAt: string | null
  items: readonly TabItem[]
}>

export function itemFromRow(row: BillingTabItemsTable): TabItem {
  return {
    itemId: row.item_id,
    billingTabId: row.billing_tab_id,
    deduplicationId: row.deduplication_id,
    line: JSON.parse(row.line) as DraftLineInput,
    createdAt: row.created_at,
  }
}

export async function loadTab(
  db: Executor,
  organizationId: string,
  row: BillingTabsTable,
): Promise<BillingTab> {
  const items = await db
    .selectFrom('billing_tab_items')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('billing_tab_id', '=', row.billing_tab_id)
    .orderBy('created_at')
    .orderBy('item_id')
    .execute()
  return {
    billingTabId: row.billing_tab_id,
    contactId: row.contact_id,
    settings: JSON.parse(row.settings) as TabSettings,
    caseId: row.case_id,
    createdAt: row.created_at,
    emptiedAt: row.emptied_at,
    items: items.map(itemFromRow),
  }
}

/** The contact's open tab row (not yet emptied), if any. */
export async function openTabRow(db: Executor, organizationId: string, contactId: string) {
  return db
    .selectFrom('billing_tabs')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('contact_id', '=', contactId)
    .where('emptied_at', 'is', null)
    .executeTakeFirst()
}
