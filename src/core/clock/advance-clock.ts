// The sandbox clock: moves one organization's calendar forward, so an integrator can watch due
// dates pass, reminders go out and interest accrue in minutes. Every use case and job reads the
// organization's day through todayFor(), which adds this offset; nothing else changes. The
// invariants it protects: the clock only moves when the server runs in sandbox mode, only forward,
// and by a bounded number of days per call.

import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { forUpdate } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { recordEvent } from '../events/record-event.ts'

/** A year per call keeps one call's job runs bounded; call again to go further. */
export const MAX_ADVANCE_DAYS = 366

export type OrganizationClock = Readonly<{ organizationId: string; clockOffsetDays: number; today: string }>

export async function getOrganizationClock(context: CoreContext, tenant: Tenant): Promise<OrganizationClock> {
  const row = await context.storage.db
    .selectFrom('organizations')
    .select('clock_offset_days')
    .where('organization_id', '=', tenant.organizationId)
    .executeTakeFirst()
  if (!row) throw notFound('organization', tenant.organizationId)
  return {
    organizationId: tenant.organizationId,
    clockOffsetDays: row.clock_offset_days,
    today: todayFor(context, row.clock_offset_days),
  }
}

export function assertSandbox(sandbox: boolean): void {
  if (!sandbox)
    throw new DomainError(
      'forbidden',
      'the clock moves only when the server runs in sandbox mode (--sandbox)',
    )
}

export function checkAdvanceDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_ADVANCE_DAYS)
    throw invalidField('days', `days must be a whole number from 1 to ${MAX_ADVANCE_DAYS}`)
  return days
}

export async function advanceClock(
  context: CoreContext,
  tenant: Tenant,
  input: Readonly<{ days: unknown; sandbox: boolean }>,
): Promise<OrganizationClock> {
  assertSandbox(input.sandbox)
  const days = checkAdvanceDays(input.days)
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      context.storage,
      tx.selectFrom('organizations').select('clock_offset_days').where('organization_id', '=', org),
    ).executeTakeFirst()
    if (!row) throw notFound('organization', org)
    const clockOffsetDays = row.clock_offset_days + days
    await tx
      .updateTable('organizations')
      .set({ clock_offset_days: clockOffsetDays })
      .where('organization_id', '=', org)
      .execute()
    const today = todayFor(context, clockOffsetDays)
    await recordEvent(tx, {
      organizationId: org,
      type: 'organization.clock_advanced',
      data: { days, clockOffsetDays, today },
      occurredAt: nowIso(context),
    })
    return { organizationId: org, clockOffsetDays, today }
  })
}
