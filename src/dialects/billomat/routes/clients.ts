// /clients (§2.2): list with Billomat's filters, get (and `myself`, the account), create, edit and
// delete (refused while the client has documents). revenue_gross and revenue_net sum the
// client's completed invoices less their credit notes (stand-alone ones too), in the account's
// currency.

import { createContact } from '../../../core/contacts/create-contact.ts'
import { deleteContact } from '../../../core/contacts/delete-contact.ts'
import { searchContacts } from '../../../core/contacts/search-contacts.ts'
import { updateContact } from '../../../core/contacts/update-contact.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { aggregateInvoices } from '../../../core/invoices/aggregate-invoices.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { deleteRecordsOf } from '../../../core/records/delete-records.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import {
  CLIENT_ELEMENTS,
  clientFromWire,
  clientNumberOf,
  clientToWire,
  type Revenue,
} from '../clients/client-wire.ts'
import { applyDunningRun, inDunningRun } from '../clients/dunning-run.ts'
import { myselfToWire } from '../clients/myself.ts'
import { contactByNo, pathId } from '../ids.ts'
import { loadSettings } from '../settings.ts'
import { orderOf, pagingOf, type Query, queryIds } from '../wire/query.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import { type ContactSearch, contactSearchOf } from './contact-search.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

const ORDER_FIELDS = {
  id: 'contactNo',
  name: 'name',
  client_number: 'extra.billomat.client_number',
  email: 'email',
  country_code: 'country',
  created: 'createdAt',
  updated: 'updatedAt',
}

function clientSearchOf(query: Query): ContactSearch {
  const search = contactSearchOf(query, 'client', ['client_number'])
  const invoices = queryIds(query, 'invoice_id')
  if (invoices.length > 0) search.related.push({ kind: 'invoiceSeq', invoiceSeqs: invoices })
  return search
}

async function revenuesOf(
  core: CoreContext,
  t: Tenant,
  contacts: readonly Contact[],
  currency: string,
): Promise<Map<string, Revenue>> {
  const revenues = new Map<string, Revenue>()
  if (contacts.length === 0) return revenues
  const filters: Filter[] = [
    { field: 'contactId', op: 'in', value: contacts.map((contact) => contact.contactId) },
    { field: 'state', op: 'in', value: ['open', 'overdue', 'collection', 'paid', 'credited', 'written_off'] },
    { field: 'currency', op: 'eq', value: currency },
  ]
  // A credit note of an invoice is held positive and taken off; a stand-alone credit is held
  // negative (what the organization owes), so it is added.
  const [invoiced, credited, standalone] = await Promise.all([
    aggregateInvoices(core, t, { kinds: ['invoice'], filters }, ['contact']),
    aggregateInvoices(
      core,
      t,
      { kinds: ['credit_note'], filters: [...filters, { field: 'creditedInvoiceId', op: 'notNull' }] },
      ['contact'],
    ),
    aggregateInvoices(
      core,
      t,
      { kinds: ['credit_note'], filters: [...filters, { field: 'creditedInvoiceId', op: 'isNull' }] },
      ['contact'],
    ),
  ])
  for (const [groups, sign] of [
    [invoiced, 1n],
    [credited, -1n],
    [standalone, 1n],
  ] as const)
    for (const group of groups) {
      const key = group.keys.contact ?? ''
      const previous = revenues.get(key) ?? { netMinor: 0n, grossMinor: 0n }
      revenues.set(key, {
        netMinor: previous.netMinor + sign * group.netMinor,
        grossMinor: previous.grossMinor + sign * group.grossMinor,
      })
    }
  return revenues
}

/** Keeps the composed client_number in `extra`, where the client_number filter finds it. */
async function withClientNumber(core: CoreContext, t: Tenant, contact: Contact): Promise<Contact> {
  const extra = (contact.extra.billomat ?? {}) as Record<string, string>
  const number = extra.number ?? String(contact.contactNo)
  const clientNumber = clientNumberOf({ ...contact, extra: { billomat: { ...extra, number } } })
  if (extra.client_number === clientNumber && extra.number === number) return contact
  return updateContact(core, t, contact.contactId, {
    extra: { billomat: { ...extra, number, client_number: clientNumber } },
  })
}

export const clientRoutes: Routes = (app, services) => {
  const core = services.core
  const render = async (t: Tenant, contacts: readonly Contact[]) => {
    const organization = await getOrganization(core, t)
    const revenues = await revenuesOf(core, t, contacts, organization.baseCurrency)
    const zero = { netMinor: 0n, grossMinor: 0n }
    return contacts.map((contact) =>
      clientToWire(
        contact,
        revenues.get(String(contact.contactNo)) ?? zero,
        organization.baseCurrency as CurrencyCode,
      ),
    )
  }
  const numberingOf = async (t: Tenant) => {
    const settings = await loadSettings(core, t)
    return { pre: settings.client_number_pre ?? '', length: settings.client_number_length ?? '0' }
  }

  app.get('/clients', async (request, reply) => {
    const query = queryOf(request)
    const paging = pagingOf(query)
    const page = await searchContacts(core, tenant(request), {
      ...clientSearchOf(query),
      orderBy: orderOf(query, ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const items = await render(tenant(request), page.items)
    return sendList(
      request,
      reply,
      list('clients', 'client', items, pagedAttributes(paging.page, paging.perPage, page.totalCount)),
      page.totalCount,
    )
  })

  app.get('/clients/myself', async (request, reply) =>
    sendRecord(request, reply, await myselfToWire(core, tenant(request))),
  )

  app.get('/clients/:id', async (request, reply) => {
    const contact = await contactByNo(core, tenant(request), pathId(request, 'client'))
    return sendRecord(request, reply, (await render(tenant(request), [contact]))[0]!)
  })

  app.post('/clients', async (request, reply) => {
    const patch = clientFromWire(bodyOf(request, CLIENT_ELEMENTS), await numberingOf(tenant(request)))
    const contact = await inOneTransaction(core, async (unit) =>
      withClientNumber(unit, tenant(request), await createContact(unit, tenant(request), patch)),
    )
    return sendRecord(request, reply, (await render(tenant(request), [contact]))[0]!, 201)
  })

  app.put('/clients/:id', async (request, reply) => {
    const current = await contactByNo(core, tenant(request), pathId(request, 'client'))
    const patch = clientFromWire(
      bodyOf(request, CLIENT_ELEMENTS),
      await numberingOf(tenant(request)),
      current,
    )
    const contact = await inOneTransaction(core, async (unit) => {
      const updated = await withClientNumber(
        unit,
        tenant(request),
        await updateContact(unit, tenant(request), current.contactId, patch),
      )
      if (inDunningRun(updated) !== inDunningRun(current))
        await applyDunningRun(unit, tenant(request), updated)
      return updated
    })
    return sendRecord(request, reply, (await render(tenant(request), [contact]))[0]!)
  })

  app.delete('/clients/:id', async (request, reply) => {
    const contact = await contactByNo(core, tenant(request), pathId(request, 'client'))
    await inOneTransaction(core, async (unit) => {
      await deleteContact(unit, tenant(request), contact.contactId)
      await deleteRecordsOf(unit, tenant(request), contact.contactId)
    })
    return sendNothing(reply)
  })
}
