// Billomat's reminder texts are the account's dunning levels (§2.9): ordered by `sorting`, each
// with a subject, header, footer and a charge. They are kept as records and mirrored into the
// core's dunning settings after every change, so the scheduler's reminders carry each level's
// charge as their fee: one level per text, automatic reminders while any text exists. The mirror
// runs in the change's own transaction, so a charge the country's limits refuse (Denmark's cap)
// saves nothing.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getDunningSettings, updateDunningSettings } from '../../../core/dunning/update-dunning-settings.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import type { DialectRecord } from '../../../core/records/dialect-record.ts'
import { findRecords } from '../../../core/records/list-records.ts'
import { DomainError, invalidField } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { parseDecimal, toMinorUnits } from '../../../domain/money/decimal.ts'
import type { WireStrings } from '../invoices/extra.ts'

export const REMINDER_TEXT_RESOURCE = 'reminder-text'

/** Overdue days of the levels beyond the core's own schedule: two weeks after the one before. */
const DAYS_BETWEEN_EXTRA_LEVELS = 14

export async function dunningLevels(core: CoreContext, tenant: Tenant): Promise<DialectRecord[]> {
  const texts = await findRecords(core, tenant, REMINDER_TEXT_RESOURCE, { limit: 1000, offset: 0 })
  const sorting = (text: DialectRecord) => Number((text.data as WireStrings).sorting ?? 0)
  return [...texts].sort((a, b) => sorting(a) - sorting(b) || Number(a.recordNo - b.recordNo))
}

/** The level a reminder of that number reads its texts and charge from (the last for any beyond). */
export function levelText(levels: readonly DialectRecord[], level: number): DialectRecord | undefined {
  return levels[Math.min(level, levels.length) - 1]
}

export async function syncDunningLevels(core: CoreContext, tenant: Tenant): Promise<void> {
  const [levels, settings, organization] = await Promise.all([
    dunningLevels(core, tenant),
    getDunningSettings(core, tenant),
    getOrganization(core, tenant),
  ])
  if (levels.length === 0) {
    await updateDunningSettings(core, tenant, { automaticReminders: false })
    return
  }
  const reminderDays = levels.map(
    (_text, index) =>
      settings.reminderDays[index] ??
      (settings.reminderDays.at(-1) ?? 0) +
        DAYS_BETWEEN_EXTRA_LEVELS * (index + 1 - settings.reminderDays.length),
  )
  const reminderFeesMinor = levels.map((text) =>
    toMinorUnits(
      parseDecimal((text.data as WireStrings).charge_amount || '0', 'charge_amount'),
      organization.baseCurrency as CurrencyCode,
      'half-up',
    ),
  )
  // Billomat's levels charge their fee only; statutory interest is not part of its dunning.
  await updateDunningSettings(core, tenant, {
    automaticReminders: true,
    reminderDays,
    reminderFeesMinor,
    chargeInterest: false,
  }).catch((error: unknown) => {
    throw asLevelError(error, levels)
  })
}

/** A refused level fee (`reminderFees.2`) is the client's `charge_amount` of that reminder text. */
function asLevelError(error: unknown, levels: readonly DialectRecord[]): unknown {
  const field = error instanceof DomainError ? error.details.field : undefined
  const index = /^reminderFees\.(\d+)$/.exec(field ?? '')?.[1]
  if (!(error instanceof DomainError) || index === undefined) return error
  const name = (levels[Number(index)]?.data as WireStrings | undefined)?.name ?? `level ${Number(index) + 1}`
  return invalidField('charge_amount', `charge_amount of ${name}: ${error.message}`)
}
