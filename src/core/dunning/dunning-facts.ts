// What every dunning step of one organization reads first: its country, currency, calendar day
// (moved by the sandbox clock) and dunning settings, or the country's defaults when it has saved
// none. Loaded once per batch, so a job over thousands of invoices reads them once.

import { type DunningSettings, defaultDunningSettings } from '../../domain/dunning/dunning-settings.ts'
import { STATUTORY_TABLE, type StatutoryRow } from '../../domain/dunning/statutory-table.ts'
import { notFound } from '../../domain/errors.ts'
import { type CurrencyCode, parseCurrencyCode } from '../../domain/money/currency.ts'
import type { Executor } from '../../storage/database.ts'
import type { DunningSettingsTable } from '../../storage/schema-automation.ts'
import { type CoreContext, todayFor } from '../context.ts'

export type DunningFacts = Readonly<{
  organizationId: string
  country: string
  baseCurrency: CurrencyCode
  clockOffsetDays: number
  today: string
  settings: DunningSettings
  table: readonly StatutoryRow[]
}>

export function settingsFromRow(row: DunningSettingsTable): DunningSettings {
  return {
    automaticReminders: row.automatic_reminders,
    reminderDays: JSON.parse(row.reminder_days) as number[],
    reminderFeesMinor: (JSON.parse(row.reminder_fees) as string[]).map((fee) => BigInt(fee)),
    payByDays: row.pay_by_days,
    chargeInterest: row.charge_interest,
    chargeCompensation: row.charge_compensation,
    automaticCollection: row.automatic_collection,
    collectionAfterDays: row.collection_after_days,
    collectionPartner: row.collection_partner,
    reminderChannel: row.reminder_channel as DunningSettings['reminderChannel'],
  }
}

export function settingsToRow(
  organizationId: string,
  settings: DunningSettings,
  updatedAt: string,
): DunningSettingsTable {
  return {
    organization_id: organizationId,
    automatic_reminders: settings.automaticReminders,
    reminder_days: JSON.stringify(settings.reminderDays),
    reminder_fees: JSON.stringify(settings.reminderFeesMinor.map(String)),
    pay_by_days: settings.payByDays,
    charge_interest: settings.chargeInterest,
    charge_compensation: settings.chargeCompensation,
    automatic_collection: settings.automaticCollection,
    collection_after_days: settings.collectionAfterDays,
    collection_partner: settings.collectionPartner,
    reminder_channel: settings.reminderChannel,
    updated_at: updatedAt,
  }
}

export async function loadDunningFacts(
  context: CoreContext,
  db: Executor,
  organizationId: string,
): Promise<DunningFacts> {
  const organization = await db
    .selectFrom('organizations')
    .select(['country', 'base_currency', 'clock_offset_days'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst()
  if (!organization) throw notFound('organization', organizationId)
  const row = await db
    .selectFrom('dunning_settings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst()
  const today = todayFor(context, organization.clock_offset_days)
  const baseCurrency = parseCurrencyCode(organization.base_currency)
  return {
    organizationId,
    country: organization.country,
    baseCurrency,
    clockOffsetDays: organization.clock_offset_days,
    today,
    settings: row
      ? settingsFromRow(row)
      : defaultDunningSettings(STATUTORY_TABLE, organization.country, baseCurrency, today),
    table: STATUTORY_TABLE,
  }
}
