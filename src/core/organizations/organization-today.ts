// The organization's calendar day now, moved by its sandbox clock offset, so a dialect's
// "defaults to today" agrees with the day approval and payments use; with the few facts a
// document's defaults need (currency, country, name), read in the same one query.

import { type CoreContext, type Tenant, todayFor } from '../context.ts'

export type OrganizationDay = Readonly<{ today: string; baseCurrency: string; country: string; name: string }>

export async function organizationDay(context: CoreContext, tenant: Tenant): Promise<OrganizationDay> {
  const row = await context.storage.db
    .selectFrom('organizations')
    .select(['clock_offset_days', 'base_currency', 'country', 'name'])
    .where('organization_id', '=', tenant.organizationId)
    .executeTakeFirstOrThrow()
  return {
    today: todayFor(context, row.clock_offset_days),
    baseCurrency: row.base_currency,
    country: row.country,
    name: row.name,
  }
}

export async function organizationToday(context: CoreContext, tenant: Tenant): Promise<string> {
  return (await organizationDay(context, tenant)).today
}
