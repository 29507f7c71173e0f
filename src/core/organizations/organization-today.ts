// The organization's calendar day now, moved by its sandbox clock offset, so a dialect's
// "defaults to today" agrees with the day approval and payments use.

import { type CoreContext, type Tenant, todayFor } from '../context.ts'

export async function organizationToday(context: CoreContext, tenant: Tenant): Promise<string> {
  const row = await context.storage.db
    .selectFrom('organizations')
    .select('clock_offset_days')
    .where('organization_id', '=', tenant.organizationId)
    .executeTakeFirstOrThrow()
  return todayFor(context, row.clock_offset_days)
}
