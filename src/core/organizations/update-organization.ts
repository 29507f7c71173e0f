// Reads and updates an organization's name and settings (identity numbers, contact, address, bank
// details, payment terms). A patch changes only what it names, nested groups key by key, so a
// dialect that knows half the settings never clears the other half. Settings only one dialect
// knows ride along under `extra`, owned by that dialect.

import { invalidField, notFound } from '../../domain/errors.ts'
import { forUpdate } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import type { OrganizationSettings } from './create-organization.ts'

export type OrganizationProfileSettings = OrganizationSettings &
  Readonly<{ contactName?: string; extra?: Readonly<Record<string, unknown>> }>

export type OrganizationProfile = Readonly<{
  organizationId: string
  name: string
  country: string
  baseCurrency: string
  locale: string
  settings: OrganizationProfileSettings
  createdAt: string
  updatedAt: string
}>

export type OrganizationPatch = Readonly<{ name?: string; settings?: OrganizationProfileSettings }>

const MAX_TEXT = 255

function checkSettings(settings: OrganizationProfileSettings): void {
  for (const key of ['orgNo', 'vatNo', 'email', 'phone', 'contactName'] as const) {
    const value = settings[key]
    if (value !== undefined && (typeof value !== 'string' || value.length > MAX_TEXT))
      throw invalidField(key, `${key} is text of at most ${MAX_TEXT} characters`)
  }
  const terms = settings.paymentTermsDays
  if (terms !== undefined && (!Number.isInteger(terms) || terms < 0 || terms > 3650))
    throw invalidField('paymentTermsDays', 'payment terms must be a whole number of days between 0 and 3650')
  const country = settings.address?.country
  if (country !== undefined && country !== '' && !/^[A-Z]{2}$/.test(country))
    throw invalidField('address.country', 'country must be an ISO 3166 alpha-2 code such as SE')
}

export function mergeSettings(
  current: OrganizationProfileSettings,
  patch: OrganizationProfileSettings,
): OrganizationProfileSettings {
  return {
    ...current,
    ...patch,
    ...(patch.address ? { address: { ...current.address, ...patch.address } } : {}),
    ...(patch.bank ? { bank: { ...current.bank, ...patch.bank } } : {}),
    ...(patch.extra ? { extra: { ...current.extra, ...patch.extra } } : {}),
  }
}

export async function getOrganizationProfile(
  context: CoreContext,
  tenant: Tenant,
): Promise<OrganizationProfile> {
  const row = await context.storage.db
    .selectFrom('organizations')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .executeTakeFirst()
  if (!row) throw notFound('organization', tenant.organizationId)
  return {
    organizationId: row.organization_id,
    name: row.name,
    country: row.country,
    baseCurrency: row.base_currency,
    locale: row.locale,
    settings: JSON.parse(row.settings) as OrganizationProfileSettings,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function updateOrganization(
  context: CoreContext,
  tenant: Tenant,
  patch: OrganizationPatch,
): Promise<OrganizationProfile> {
  const name = patch.name?.trim()
  if (patch.name !== undefined && (!name || name.length > MAX_TEXT))
    throw invalidField('name', `name must be 1 to ${MAX_TEXT} characters`)
  await context.storage.db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      context.storage,
      tx.selectFrom('organizations').select('settings').where('organization_id', '=', tenant.organizationId),
    ).executeTakeFirst()
    if (!row) throw notFound('organization', tenant.organizationId)
    const settings = mergeSettings(
      JSON.parse(row.settings) as OrganizationProfileSettings,
      patch.settings ?? {},
    )
    checkSettings(settings)
    await tx
      .updateTable('organizations')
      .set({ ...(name ? { name } : {}), settings: JSON.stringify(settings), updated_at: nowIso(context) })
      .where('organization_id', '=', tenant.organizationId)
      .execute()
  })
  return getOrganizationProfile(context, tenant)
}
