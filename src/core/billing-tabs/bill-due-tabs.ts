// The scheduler's billing-tab job: every open tab whose billing day has come (one period after its
// period began, by its billing frequency) becomes one billogram with all its lines, sent by the
// tab's delivery method, through emptyBillingTab. A tab with no lines moves on to its next period.
// A tab that cannot be billed (no address for its delivery method, say) is marked failed for the
// day and a `billing_tab.failed` notice is queued in the same transaction, which each dialect that
// has subscribers turns into its callbacks (Billogram's BillingTab callback); it is tried again
// the next day. Each tab is its own transaction, so one bad tab never holds back the others.

import {
  billingDayAfter,
  isBillingFrequency,
  periodStartHolding,
} from '../../domain/billing-tabs/billing-period.ts'
import { DomainError } from '../../domain/errors.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { enqueueOutbox } from '../events/record-event.ts'
import { anchorOf, type TabSettings } from './billing-tab-record.ts'
import { emptyBillingTab } from './tab-operations.ts'

/** The outbox kind of a scheduled emptying that failed; its payload is a TabFailure. */
export const TAB_FAILURE_KIND = 'billing_tab.failed'

export type TabFailure = Readonly<{
  billingTabId: string
  contactId: string
  code: string
  message: string
  field: string | null
}>

/** Bounds one call: each tab becomes a billogram in a transaction of its own. */
export const TAB_BATCH_SIZE = 100

async function dueTabs(context: CoreContext, organizationId: string, today: string) {
  return context.storage.db
    .selectFrom('billing_tabs')
    .select([
      'billing_tab_id',
      'contact_id',
      'settings',
      'period_start_on',
      'period_anchor_on',
      'created_at',
      'bill_on',
    ])
    .where('organization_id', '=', organizationId)
    .where('emptied_at', 'is', null)
    .where('bill_on', '<=', today)
    .where((eb) => eb.or([eb('failed_on', 'is', null), eb('failed_on', '<', today)]))
    .orderBy('bill_on')
    .orderBy('billing_tab_id')
    .limit(TAB_BATCH_SIZE)
    .execute()
}

type DueTab = Awaited<ReturnType<typeof dueTabs>>[number]

/** A due tab without lines has nothing to bill: its next period holds today. */
async function moveToNextPeriod(context: CoreContext, tenant: Tenant, tab: DueTab, today: string) {
  const frequency = (JSON.parse(tab.settings) as TabSettings).billingFrequency
  if (!isBillingFrequency(frequency)) return
  const anchorOn = anchorOf(tab)
  const startOn = periodStartHolding(anchorOn, frequency, today)
  await context.storage.db
    .updateTable('billing_tabs')
    .set({
      period_start_on: startOn,
      period_anchor_on: anchorOn,
      bill_on: billingDayAfter(anchorOn, frequency, startOn),
    })
    .where('organization_id', '=', tenant.organizationId)
    .where('billing_tab_id', '=', tab.billing_tab_id)
    .where('emptied_at', 'is', null)
    .execute()
}

async function recordFailure(
  context: CoreContext,
  tenant: Tenant,
  tab: DueTab,
  today: string,
  error: DomainError,
) {
  const failure: TabFailure = {
    billingTabId: tab.billing_tab_id,
    contactId: tab.contact_id,
    code: error.code,
    message: error.message,
    field: error.details.field ?? null,
  }
  await context.storage.db.transaction().execute(async (tx) => {
    const marked = await tx
      .updateTable('billing_tabs')
      .set({ failed_on: today })
      .where('organization_id', '=', tenant.organizationId)
      .where('billing_tab_id', '=', tab.billing_tab_id)
      .where('emptied_at', 'is', null)
      .where((eb) => eb.or([eb('failed_on', 'is', null), eb('failed_on', '<', today)]))
      .executeTakeFirst()
    // Another process recorded this day's failure first: one notice a day.
    if (Number(marked.numUpdatedRows) === 0) return
    await enqueueOutbox(tx, {
      organizationId: tenant.organizationId,
      kind: TAB_FAILURE_KIND,
      payload: failure,
      createdAt: nowIso(context),
    })
  })
}

async function billTab(context: CoreContext, tenant: Tenant, tab: DueTab, today: string): Promise<void> {
  const items = await context.storage.db
    .selectFrom('billing_tab_items')
    .select('item_id')
    .where('organization_id', '=', tenant.organizationId)
    .where('billing_tab_id', '=', tab.billing_tab_id)
    .limit(1)
    .execute()
  if (items.length === 0) return moveToNextPeriod(context, tenant, tab, today)
  try {
    await emptyBillingTab(context, tenant, tab.contact_id, { billingTabId: tab.billing_tab_id })
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    // Emptied by another process (or by hand) since it was read: nothing failed.
    if (error.code === 'not_found') return
    await recordFailure(context, tenant, tab, today, error)
  }
}

export async function billDueTabs(context: CoreContext, tenant: Tenant): Promise<number> {
  const organization = await context.storage.db
    .selectFrom('organizations')
    .select('clock_offset_days')
    .where('organization_id', '=', tenant.organizationId)
    .executeTakeFirstOrThrow()
  const today = todayFor(context, organization.clock_offset_days)
  const tabs = await dueTabs(context, tenant.organizationId, today)
  for (const tab of tabs) await billTab(context, tenant, tab, today)
  return tabs.length
}
