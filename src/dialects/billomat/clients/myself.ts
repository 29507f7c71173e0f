// `GET /clients/myself`: the account itself as Billomat shows it (§1.1, §2.2): the organization's
// name and address, its plan and its quotas. Faktura has no plans: the plan is "faktura" and every
// quota is unlimited (-1), with what is used counted.

import { searchContacts } from '../../../core/contacts/search-contacts.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { searchInvoices } from '../../../core/invoices/search-invoices.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { searchProducts } from '../../../core/products/search-products.ts'
import { datetime, int, list, nested, record, str, type WireRecord } from '../wire/tree.ts'

export async function myselfToWire(core: CoreContext, tenant: Tenant): Promise<WireRecord> {
  const counted = { limit: 1, offset: 0 }
  const [organization, clients, articles, invoices] = await Promise.all([
    getOrganization(core, tenant),
    searchContacts(core, tenant, counted),
    searchProducts(core, tenant, counted),
    searchInvoices(core, tenant, { ...counted, kinds: ['invoice'] }),
  ])
  const settings = organization.settings
  const address = settings.address ?? {}
  const quota = (entity: string, used: number) =>
    record('quota', [str('entity', entity), int('available', -1), int('used', used)])
  return record('client', [
    int('id', 1),
    datetime('created', organization.createdAt),
    datetime('updated', organization.updatedAt),
    str('name', organization.name),
    str('street', address.street),
    str('zip', address.zip),
    str('city', address.city),
    str('country_code', organization.country),
    str('email', settings.email),
    str('phone', settings.phone),
    str('tax_number', settings.orgNo),
    str('vat_number', settings.vatNo),
    str('bank_iban', settings.bank?.iban),
    str('bank_swift', settings.bank?.bic),
    str('currency_code', organization.baseCurrency),
    str('locale', organization.locale),
    str('billomat_id', settings.billomatId),
    str('plan', 'faktura'),
    nested(
      list('quotas', 'quota', [
        quota('clients', clients.totalCount),
        quota('articles', articles.totalCount),
        quota('invoices', invoices.totalCount),
      ]),
    ),
  ])
}
