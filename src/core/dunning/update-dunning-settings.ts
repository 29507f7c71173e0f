// Reads and changes an organization's dunning settings. A patch changes only what it names; the
// result is checked whole against the statutory limits of the organization's country on its
// today, so a dialect that knows half the settings cannot break the other half.

import { checkDunningSettings, type DunningSettings } from '../../domain/dunning/dunning-settings.ts'
import { invalidField } from '../../domain/errors.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { COLLECTION_PARTNERS } from './collection-partner.ts'
import { loadDunningFacts, settingsToRow } from './dunning-facts.ts'

export type DunningSettingsPatch = Partial<DunningSettings>

export async function getDunningSettings(context: CoreContext, tenant: Tenant): Promise<DunningSettings> {
  return (await loadDunningFacts(context, context.storage.db, tenant.organizationId)).settings
}

export async function updateDunningSettings(
  context: CoreContext,
  tenant: Tenant,
  patch: DunningSettingsPatch,
): Promise<DunningSettings> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const facts = await loadDunningFacts(context, tx, org)
    const merged: DunningSettings = { ...facts.settings, ...definedOnly(patch) }
    // A new schedule without fees keeps the old fee per level where there is one, zero beyond it.
    const settings =
      patch.reminderDays && !patch.reminderFeesMinor
        ? {
            ...merged,
            reminderFeesMinor: merged.reminderDays.map(
              (_day, index) => facts.settings.reminderFeesMinor[index] ?? 0n,
            ),
          }
        : merged
    if (!COLLECTION_PARTNERS[settings.collectionPartner])
      throw invalidField(
        'collectionPartner',
        `collectionPartner must be one of ${Object.keys(COLLECTION_PARTNERS).join(', ')}`,
      )
    checkDunningSettings(settings, {
      table: facts.table,
      country: facts.country,
      currency: facts.baseCurrency,
      on: facts.today,
    })
    const row = settingsToRow(org, settings, nowIso(context))
    await tx
      .insertInto('dunning_settings')
      .values(row)
      .onConflict((conflict) => conflict.column('organization_id').doUpdateSet(row))
      .execute()
    return settings
  })
}

function definedOnly(patch: DunningSettingsPatch): DunningSettingsPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
}
