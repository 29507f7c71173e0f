// Creates a tenant with everything its first invoice needs: settings, a chart of accounts for its
// country, and its numbering series. All in one transaction: an organization never exists
// without its ledger accounts.

import { invalidField } from '../../domain/errors.ts'
import { parseCurrencyCode } from '../../domain/money/currency.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso } from '../context.ts'
import { seedChartOfAccounts } from './seed-chart-of-accounts.ts'

export type Locale = 'sv' | 'da' | 'de' | 'en'

export type OrganizationSettings = Readonly<{
  orgNo?: string
  vatNo?: string
  email?: string
  phone?: string
  address?: Readonly<{ street?: string; zip?: string; city?: string; country?: string }>
  bank?: Readonly<{ iban?: string; bic?: string; bankgiro?: string; plusgiro?: string; accountNo?: string }>
  paymentTermsDays?: number
  /** The subdomain-style account name Billomat clients know the account by. */
  billomatId?: string
}>

export type CreateOrganizationInput = Readonly<{
  name: string
  country: string
  currency: string
  locale?: Locale
  settings?: OrganizationSettings
}>

export type Organization = Readonly<{
  organizationId: string
  name: string
  country: string
  baseCurrency: string
  locale: Locale
  settings: OrganizationSettings
}>

const DEFAULT_LOCALE: Readonly<Record<string, Locale>> = { SE: 'sv', DK: 'da', DE: 'de', AT: 'de', CH: 'de' }
const LOCALES: readonly Locale[] = ['sv', 'da', 'de', 'en']

function slug(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 20)
  return base === '' ? 'faktura' : base
}

export async function createOrganization(
  context: CoreContext,
  input: CreateOrganizationInput,
): Promise<Organization> {
  const name = input.name?.trim()
  if (!name) throw invalidField('name', 'name must not be empty')
  const country = input.country?.trim().toUpperCase()
  if (!/^[A-Z]{2}$/.test(country ?? ''))
    throw invalidField('country', 'country must be an ISO 3166 alpha-2 code')
  const baseCurrency = parseCurrencyCode(input.currency, 'currency')
  const locale = input.locale ?? DEFAULT_LOCALE[country] ?? 'en'
  if (!LOCALES.includes(locale)) throw invalidField('locale', `locale must be one of ${LOCALES.join(', ')}`)
  const organizationId = newId()
  const settings: OrganizationSettings = {
    paymentTermsDays: 30,
    ...input.settings,
    billomatId: input.settings?.billomatId ?? `${slug(name)}${organizationId.slice(-4)}`,
  }
  const now = nowIso(context)

  await context.storage.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('organizations')
      .values({
        organization_id: organizationId,
        name,
        country,
        base_currency: baseCurrency,
        locale,
        settings: JSON.stringify(settings),
        created_at: now,
        updated_at: now,
      })
      .execute()
    await seedChartOfAccounts(tx, { organizationId, country, createdAt: now })
  })
  return { organizationId, name, country, baseCurrency, locale, settings }
}
