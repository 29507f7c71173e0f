// /customer: list, create (customer_no from the contact counter unless the client picks one),
// get and update by customer_no. No delete: no Billogram client has one.

import type { FastifyInstance } from 'fastify'
import { createContact } from '../../../core/contacts/create-contact.ts'
import { listContacts } from '../../../core/contacts/list-contacts.ts'
import { updateContact } from '../../../core/contacts/update-contact.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { Contact } from '../../../domain/contacts/contact.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { BillogramWireError, withWireFields } from '../errors.ts'
import {
  CUSTOMER_CREATE,
  CUSTOMER_FIELD_NAMES,
  CUSTOMER_LIST,
  CUSTOMER_UPDATE,
  customerFromWire,
  customerToWire,
} from '../wire/customer.ts'
import { ok, okList } from '../wire/envelope.ts'
import { listSpecOf } from '../wire/list-query.ts'
import { readWhole } from '../wire/read.ts'
import { checkBody, objectBody } from '../wire/strict-body.ts'

type ByNo = { Params: { customer_no: string }; Body: unknown }

/** The contact behind a customer_no in a path or body, or NOT_FOUND naming it. */
export async function customerByNo(core: CoreContext, tenant: Tenant, customerNo: string): Promise<Contact> {
  const page = /^\d{1,15}$/.test(customerNo)
    ? await listContacts(core, tenant, {
        filters: [{ field: 'contactNo', op: 'eq', value: BigInt(customerNo) }],
        limit: 1,
        offset: 0,
      })
    : { items: [] }
  const contact = page.items[0]
  if (!contact)
    throw new BillogramWireError('NOT_FOUND', `customer ${customerNo} does not exist`, ['customer_no'])
  return contact
}

export function registerCustomerRoutes(app: FastifyInstance, core: CoreContext): void {
  app.get<{ Querystring: Record<string, unknown> }>('/customer', async (request) => {
    const page = await listContacts(core, tenantOf(request), listSpecOf(request.query, CUSTOMER_LIST))
    return okList(page.items.map(customerToWire), page.totalCount)
  })

  app.post<{ Body: unknown }>('/customer', async (request) => {
    const body = objectBody(request.body)
    checkBody(body, CUSTOMER_CREATE)
    const customerNo = readWhole(body, 'customer_no')
    if (customerNo !== undefined && customerNo <= 0)
      throw new BillogramWireError('INVALID_PARAMETER', 'customer_no must be a positive whole number', [
        'customer_no',
      ])
    const patch = customerFromWire(body, undefined)
    const contact = await withWireFields(CUSTOMER_FIELD_NAMES, () =>
      createContact(core, tenantOf(request), {
        ...patch,
        name: patch.name ?? '',
        ...(customerNo === undefined ? {} : { contactNo: BigInt(customerNo) }),
      }),
    )
    return ok(customerToWire(contact))
  })

  app.get<ByNo>('/customer/:customer_no', async (request) => {
    return ok(customerToWire(await customerByNo(core, tenantOf(request), request.params.customer_no)))
  })

  app.put<ByNo>('/customer/:customer_no', async (request) => {
    const tenant = tenantOf(request)
    const current = await customerByNo(core, tenant, request.params.customer_no)
    const body = objectBody(request.body)
    checkBody(body, CUSTOMER_UPDATE, customerToWire(current))
    const contact = await withWireFields(CUSTOMER_FIELD_NAMES, () =>
      updateContact(core, tenant, current.contactId, customerFromWire(body, current)),
    )
    return ok(customerToWire(contact))
  })
}
