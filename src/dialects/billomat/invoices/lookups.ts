// The account data an invoice body refers to or defaults from, looked up once per request: the
// client, the articles of its items, the default tax, the settings, free texts and the
// organization. Kept apart from the parsing, which stays a pure function of the body and these.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { type OrganizationDay, organizationDay } from '../../../core/organizations/organization-today.ts'
import { findRecords } from '../../../core/records/list-records.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Product } from '../../../domain/products/product.ts'
import { contactByNo, productBySeq } from '../ids.ts'
import { loadSettings, type Settings } from '../settings.ts'
import type { WireObject } from '../wire/body.ts'
import { readId } from '../wire/read.ts'
import type { WireStrings } from './extra.ts'
import type { TaxChoice } from './items-wire.ts'

export type DocumentLookups = Readonly<{
  organization: OrganizationDay
  today: string
  settings: Settings
  client?: Contact
  defaultTax: TaxChoice
  /** Articles by their Billomat id. */
  articles: ReadonlyMap<bigint, Product>
  freeText?: WireStrings
}>

/** The standard rate of the account's country when no tax is marked default (§2.11: taxes). */
const COUNTRY_TAX: Readonly<Record<string, TaxChoice>> = {
  DE: { name: 'MwSt', ratePercent: '19' },
  AT: { name: 'USt', ratePercent: '20' },
  CH: { name: 'MWST', ratePercent: '8.1' },
  SE: { name: 'Moms', ratePercent: '25' },
  DK: { name: 'Moms', ratePercent: '25' },
}

function readDecimalGiven(item: WireObject, name: string): unknown {
  const value = item[name]
  return value === '' || value === null ? undefined : value
}

export async function defaultTaxOf(core: CoreContext, tenant: Tenant, country: string): Promise<TaxChoice> {
  const [found] = await findRecords(core, tenant, 'tax', {
    filters: [{ field: 'data.is_default', op: 'eq', value: '1' }],
    orderBy: [{ field: 'recordNo', direction: 'asc' }],
    limit: 1,
    offset: 0,
  })
  const tax = found?.data as WireStrings | undefined
  if (tax?.rate !== undefined) return { name: tax.name ?? '', ratePercent: tax.rate }
  return COUNTRY_TAX[country] ?? { name: '', ratePercent: '0' }
}

export async function recordData(
  core: CoreContext,
  tenant: Tenant,
  resource: string,
  recordNo: bigint,
  field: string,
): Promise<WireStrings> {
  const [found] = await findRecords(core, tenant, resource, {
    filters: [{ field: 'recordNo', op: 'eq', value: recordNo }],
    limit: 1,
    offset: 0,
  })
  if (!found) throw invalidField(field, `${field} ${recordNo} does not exist`)
  return found.data as WireStrings
}

/** Looks up what `body` and its `items` name; `clientRequired` for a create. */
export async function documentLookups(
  core: CoreContext,
  tenant: Tenant,
  body: WireObject,
  items: readonly WireObject[],
  clientRequired: boolean,
  itemName = 'invoice-item',
): Promise<DocumentLookups> {
  const clientNo = readId(body, 'client_id')
  if (clientRequired && clientNo === undefined) throw invalidField('client_id', 'client_id is required')
  const freeTextId = readId(body, 'free_text_id')
  const articleIds = items.flatMap((item, index) => {
    const id = readId(item, 'article_id')
    return id === undefined ? [] : [[id, index] as const]
  })
  const [organization, settings, client, freeText] = await Promise.all([
    organizationDay(core, tenant),
    loadSettings(core, tenant),
    clientNo === undefined ? undefined : contactByNo(core, tenant, clientNo, 'client_id'),
    freeTextId === undefined ? undefined : recordData(core, tenant, 'free-text', freeTextId, 'free_text_id'),
  ])
  const articles = new Map<bigint, Product>()
  for (const [id, index] of articleIds) {
    if (!articles.has(id))
      articles.set(id, await productBySeq(core, tenant, id, `${itemName}[${index}].article_id`))
  }
  // The default tax is read only when an item will fall back to it.
  const needsTax = items.some(
    (item, index) =>
      (readDecimalGiven(item, 'tax_rate') === undefined ||
        readDecimalGiven(item, 'tax_name') === undefined) &&
      !articleIds.some(([, at]) => at === index),
  )
  const defaultTax = needsTax
    ? await defaultTaxOf(core, tenant, organization.country)
    : { name: '', ratePercent: '0' }
  return {
    organization,
    today: organization.today,
    settings,
    defaultTax,
    articles,
    ...(client ? { client } : {}),
    ...(freeText ? { freeText } : {}),
  }
}
