// Reads the tenant's organization: its identity, settings and what dialects show about its setup
// (the next number of its invoice series).

import { notFound } from '../../domain/errors.ts'
import type { CoreContext, Tenant } from '../context.ts'
import type { Locale, Organization, OrganizationSettings } from './create-organization.ts'

export type OrganizationDetails = Organization &
  Readonly<{ createdAt: string; updatedAt: string; nextInvoiceNumber: bigint }>

export async function getOrganization(context: CoreContext, tenant: Tenant): Promise<OrganizationDetails> {
  const db = context.storage.db
  const [row, series] = await Promise.all([
    db
      .selectFrom('organizations')
      .selectAll()
      .where('organization_id', '=', tenant.organizationId)
      .executeTakeFirst(),
    db
      .selectFrom('numbering_series')
      .select('next_number')
      .where('organization_id', '=', tenant.organizationId)
      .where('series_key', '=', 'invoice')
      .executeTakeFirst(),
  ])
  if (!row) throw notFound('organization', tenant.organizationId)
  return {
    organizationId: row.organization_id,
    name: row.name,
    country: row.country,
    baseCurrency: row.base_currency,
    locale: row.locale as Locale,
    settings: JSON.parse(row.settings) as OrganizationSettings,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextInvoiceNumber: series?.next_number ?? 1n,
  }
}
