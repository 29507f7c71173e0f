// A customer's billing tab: invoice lines collected over time, each added once per deduplication
// id, billed together when the tab is emptied. The one place that knows the billing-tab columns.

import {
  billingDayAfter,
  isBillingFrequency,
  periodStartHolding,
} from '../../domain/billing-tabs/billing-period.ts'
import type { Executor } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import type { BillingTabItemsTable, BillingTabsTable } from '../../storage/schema-billogram.ts'
import type { DeliveryChoice } from '../cases/delivery-channels.ts'
import { type CoreContext, nowIso, todayFor } from '../context.ts'
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
  /** The organization's day this billing period began. */
  periodStartOn: string
  /** The day the scheduler bills the tab; null without a billing frequency. */
  billOn: string | null
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
    periodStartOn: row.period_start_on ?? row.created_at.slice(0, 10),
    billOn: row.bill_on,
    items: items.map(itemFromRow),
  }
}

/**
 * A new open tab for the contact (not yet inserted): the settings and the series' anchor of its
 * last tab carried over, and its billing period the series' period that holds today (today itself
 * when the last tab was emptied before its billing day), or starting today for a first tab.
 */
export async function newTabRow(
  context: CoreContext,
  db: Executor,
  organizationId: string,
  contactId: string,
): Promise<BillingTabsTable> {
  const organization = await db
    .selectFrom('organizations')
    .select('clock_offset_days')
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow()
  const today = todayFor(context, organization.clock_offset_days)
  const last = await db
    .selectFrom('billing_tabs')
    .select(['settings', 'period_start_on', 'period_anchor_on', 'bill_on'])
    .where('organization_id', '=', organizationId)
    .where('contact_id', '=', contactId)
    .where('emptied_at', 'is not', null)
    .orderBy('emptied_at', 'desc')
    .executeTakeFirst()
  const settings = last ? (JSON.parse(last.settings) as TabSettings) : {}
  const anchorOn = last?.period_anchor_on ?? last?.period_start_on ?? today
  const frequency = settings.billingFrequency
  const startOn =
    isBillingFrequency(frequency) && anchorOn <= today && (last?.bill_on ?? today) <= today
      ? periodStartHolding(anchorOn, frequency, today)
      : today
  return {
    organization_id: organizationId,
    billing_tab_id: newId(),
    contact_id: contactId,
    settings: JSON.stringify(settings),
    case_id: null,
    created_at: nowIso(context),
    emptied_at: null,
    period_start_on: startOn,
    bill_on: billOnOf(anchorOn, startOn, settings),
    failed_on: null,
    period_anchor_on: anchorOn,
  }
}

/**
 * The day the period that starts on `startOn`, in the series anchored on `anchorOn`, is billed
 * under `settings`; null without a frequency.
 */
export function billOnOf(anchorOn: string, startOn: string, settings: TabSettings): string | null {
  return isBillingFrequency(settings.billingFrequency)
    ? billingDayAfter(anchorOn, settings.billingFrequency, startOn)
    : null
}

/** The day a tab row's series began: its own period start for rows written before the anchor. */
export function anchorOf(row: Pick<BillingTabsTable, 'period_anchor_on' | 'period_start_on' | 'created_at'>) {
  return row.period_anchor_on ?? row.period_start_on ?? row.created_at.slice(0, 10)
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
