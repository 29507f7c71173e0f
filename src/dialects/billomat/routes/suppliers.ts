// /suppliers (appendix: lieferanten): list with Billomat's filters, get, create, edit and delete
// (refused while the supplier has bills or payments). Suppliers are the core's contacts in the
// supplier role; costs_gross and costs_net total their approved incomings in the account's
// currency, and their custom attribute values are embedded.

import { billTotalsByContact, findBillBySeq } from '../../../core/bills/search-bills.ts'
import { createContact } from '../../../core/contacts/create-contact.ts'
import { deleteContact } from '../../../core/contacts/delete-contact.ts'
import { searchContacts } from '../../../core/contacts/search-contacts.ts'
import { updateContact } from '../../../core/contacts/update-contact.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { deleteRecordsOf } from '../../../core/records/delete-records.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import { notFound } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { contactByNo, pathId } from '../ids.ts'
import { embeddedPropertyValues } from '../records/purchase-resources.ts'
import { SUPPLIER_ELEMENTS, supplierFromWire, supplierToWire } from '../suppliers/supplier-wire.ts'
import { orderOf, pagingOf, type Query, queryIds } from '../wire/query.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { type ContactSearch, contactSearchOf } from './contact-search.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

const ORDER_FIELDS = {
  id: 'contactNo',
  name: 'name',
  email: 'email',
  city: 'city',
  zip: 'zip',
  country_code: 'country',
  client_number: 'extra.billomat.client_number',
  created: 'createdAt',
  updated: 'updatedAt',
}

async function supplierSearchOf(core: CoreContext, t: Tenant, query: Query): Promise<ContactSearch> {
  const search = contactSearchOf(query, 'supplier', ['creditor_identifier', 'client_number'])
  const incomings = queryIds(query, 'incoming_id')
  if (incomings.length > 0) {
    const bills = await Promise.all(incomings.map((seq) => findBillBySeq(core, t, seq)))
    const contactIds = bills.flatMap((bill) => (bill ? [bill.contactId] : []))
    search.filters.push({ field: 'contactId', op: 'in', value: contactIds })
  }
  return search
}

/** The supplier behind a path id: a contact in the supplier role, else not found. */
export async function supplierByNo(core: CoreContext, t: Tenant, no: bigint): Promise<Contact> {
  const contact = await contactByNo(core, t, no)
  if (!contact.isSupplier) throw notFound('supplier', String(no))
  return contact
}

async function render(core: CoreContext, t: Tenant, contacts: readonly Contact[]) {
  const organization = await getOrganization(core, t)
  const ids = contacts.map((contact) => contact.contactId)
  const [costs, values] = await Promise.all([
    billTotalsByContact(core, t, ids, organization.baseCurrency),
    embeddedPropertyValues(core, t, {
      element: 'supplier',
      field: 'supplier_id',
      ids: new Map(contacts.map((contact) => [contact.contactId, contact.contactNo])),
    }),
  ])
  const zero = { netMinor: 0n, grossMinor: 0n }
  return contacts.map((contact) =>
    supplierToWire(
      contact,
      costs.get(contact.contactId) ?? zero,
      organization.baseCurrency as CurrencyCode,
      values.get(contact.contactId) ?? [],
    ),
  )
}

export const supplierRoutes: Routes = (app, services) => {
  const core = services.core

  app.get('/suppliers', async (request, reply) => {
    const t = tenant(request)
    const query = queryOf(request)
    const paging = pagingOf(query)
    const page = await searchContacts(core, t, {
      ...(await supplierSearchOf(core, t, query)),
      orderBy: orderOf(query, ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const items = await render(core, t, page.items)
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(request, reply, list('suppliers', 'supplier', items, attributes), page.totalCount)
  })

  app.get('/suppliers/:id', async (request, reply) => {
    const contact = await supplierByNo(core, tenant(request), pathId(request, 'supplier'))
    return sendRecord(request, reply, (await render(core, tenant(request), [contact]))[0]!)
  })

  app.post('/suppliers', async (request, reply) => {
    const patch = supplierFromWire(bodyOf(request, SUPPLIER_ELEMENTS))
    const contact = await createContact(core, tenant(request), patch)
    return sendRecord(request, reply, (await render(core, tenant(request), [contact]))[0]!, 201)
  })

  app.put('/suppliers/:id', async (request, reply) => {
    const current = await supplierByNo(core, tenant(request), pathId(request, 'supplier'))
    const patch = supplierFromWire(bodyOf(request, SUPPLIER_ELEMENTS), current)
    const contact = await updateContact(core, tenant(request), current.contactId, patch)
    return sendRecord(request, reply, (await render(core, tenant(request), [contact]))[0]!)
  })

  app.delete('/suppliers/:id', async (request, reply) => {
    const contact = await supplierByNo(core, tenant(request), pathId(request, 'supplier'))
    await inOneTransaction(core, async (unit) => {
      await deleteContact(unit, tenant(request), contact.contactId)
      await deleteRecordsOf(unit, tenant(request), contact.contactId)
    })
    return sendNothing(reply)
  })
}
