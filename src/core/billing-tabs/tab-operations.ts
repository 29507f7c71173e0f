// Reads and changes a customer's billing tab: the open tab, one of its lines, its settings (how
// often it is billed and how the bill is sent), deleting lines or the whole tab, and emptying it
// into a new case. The invariant it protects: a tab once emptied is history; only an open tab
// changes, and emptying bills every line exactly once.

import { DomainError, notFound } from '../../domain/errors.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import type { CallbackRenderer } from '../callbacks/enqueue-case-callbacks.ts'
import type { CaseDetails } from '../cases/get-case.ts'
import { createCase } from '../cases/save-case.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import {
  anchorOf,
  type BillingTab,
  billOnOf,
  itemFromRow,
  loadTab,
  newTabRow,
  openTabRow,
  type TabItem,
  type TabSettings,
} from './billing-tab-record.ts'

/** The tab by id, or the contact's open tab when no id is given; refused when there is none. */
export async function getBillingTab(
  context: CoreContext,
  tenant: Tenant,
  contactId: string,
  billingTabId?: string,
): Promise<BillingTab> {
  const org = tenant.organizationId
  const row =
    billingTabId === undefined
      ? await openTabRow(context.storage.db, org, contactId)
      : await context.storage.db
          .selectFrom('billing_tabs')
          .selectAll()
          .where('organization_id', '=', org)
          .where('contact_id', '=', contactId)
          .where('billing_tab_id', '=', billingTabId)
          .executeTakeFirst()
  if (!row) throw notFound('billing tab of contact', contactId)
  return loadTab(context.storage.db, org, row)
}

export async function getTabItem(
  context: CoreContext,
  tenant: Tenant,
  contactId: string,
  itemId: string,
): Promise<TabItem> {
  const row = await context.storage.db
    .selectFrom('billing_tab_items')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('contact_id', '=', contactId)
    .where('item_id', '=', itemId)
    .executeTakeFirst()
  if (!row) throw notFound('billing tab item', itemId)
  return itemFromRow(row)
}

async function lockOpenTab(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  contactId: string,
  billingTabId?: string,
) {
  const row = await forUpdate(
    context.storage,
    tx
      .selectFrom('billing_tabs')
      .selectAll()
      .where('organization_id', '=', tenant.organizationId)
      .where('contact_id', '=', contactId)
      .where('emptied_at', 'is', null)
      .$if(billingTabId !== undefined, (query) => query.where('billing_tab_id', '=', billingTabId ?? '')),
  ).executeTakeFirst()
  if (!row) throw notFound('open billing tab of contact', contactId)
  return row
}

/** Removes one line of the open tab; a line of an emptied tab was billed and stays. */
export async function deleteTabItem(
  context: CoreContext,
  tenant: Tenant,
  contactId: string,
  itemId: string,
): Promise<TabItem> {
  const item = await getTabItem(context, tenant, contactId, itemId)
  await context.storage.db.transaction().execute(async (tx) => {
    const tab = await lockOpenTab(context, tx, tenant, contactId)
    if (tab.billing_tab_id !== item.billingTabId)
      throw new DomainError('wrong_state', 'the item was billed with an emptied tab', { field: 'itemId' })
    await tx
      .deleteFrom('billing_tab_items')
      .where('organization_id', '=', tenant.organizationId)
      .where('item_id', '=', itemId)
      .execute()
  })
  return item
}

/** Deletes the open tab and its unbilled lines. */
export async function deleteBillingTab(
  context: CoreContext,
  tenant: Tenant,
  contactId: string,
  billingTabId?: string,
): Promise<BillingTab> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const row = await lockOpenTab(context, tx, tenant, contactId, billingTabId)
    const tab = await loadTab(tx, org, row)
    await tx
      .deleteFrom('billing_tab_items')
      .where('organization_id', '=', org)
      .where('billing_tab_id', '=', row.billing_tab_id)
      .execute()
    await tx
      .deleteFrom('billing_tabs')
      .where('organization_id', '=', org)
      .where('billing_tab_id', '=', row.billing_tab_id)
      .execute()
    return tab
  })
}

/** Sets (or with null clears) the open tab's settings, opening an empty tab if there is none. */
export async function putTabSettings(
  context: CoreContext,
  tenant: Tenant,
  contactId: string,
  settings: TabSettings | null,
): Promise<BillingTab> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const existing = await openTabRow(tx, org, contactId)
    const row = existing ?? (await newTabRow(context, tx, org, contactId))
    if (!existing) await tx.insertInto('billing_tabs').values(row).execute()
    const merged = settings === null ? {} : { ...(JSON.parse(row.settings) as TabSettings), ...settings }
    // A new frequency moves the day the tab is billed: the series' next day after the period began.
    const changed = {
      settings: JSON.stringify(merged),
      bill_on: billOnOf(anchorOf(row), row.period_start_on ?? row.created_at.slice(0, 10), merged),
    }
    await tx
      .updateTable('billing_tabs')
      .set(changed)
      .where('organization_id', '=', org)
      .where('billing_tab_id', '=', row.billing_tab_id)
      .execute()
    return loadTab(tx, org, { ...row, ...changed })
  })
}

/**
 * Bills the open tab: a new case with every line, issued by the tab's delivery when it has one,
 * and the tab closed with the case it became, all in one transaction.
 */
export async function emptyBillingTab(
  context: CoreContext,
  tenant: Tenant,
  contactId: string,
  options: Readonly<{ announce?: CallbackRenderer; billingTabId?: string }> = {},
): Promise<CaseDetails> {
  const org = tenant.organizationId
  return inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const row = await lockOpenTab(unit, tx, tenant, contactId, options.billingTabId)
      const tab = await loadTab(tx, org, row)
      if (tab.items.length === 0)
        throw new DomainError('wrong_state', 'the billing tab has no items to bill', { field: 'items' })
      const delivery = tab.settings.delivery
      const details = await createCase(
        unit,
        tenant,
        {
          draft: { contactId, lines: tab.items.map((item) => item.line) },
          followUp: { type: 'issue', ...(delivery ? { delivery } : {}) },
        },
        options,
      )
      await tx
        .updateTable('billing_tabs')
        .set({ emptied_at: nowIso(unit), case_id: details.caseId })
        .where('organization_id', '=', org)
        .where('billing_tab_id', '=', row.billing_tab_id)
        .execute()
      return details
    }),
  )
}
