// Lists a page of the tenant's contacts by the shared list spec, with the total count for paging.

import type { Contact } from '../../domain/contacts/contact.ts'
import type { CoreContext, Tenant } from '../context.ts'
import {
  applyFilters,
  applyOrder,
  checkPage,
  type FieldMap,
  type ListSpec,
  type Page,
} from '../queries/list-spec.ts'
import { contactFromRow } from './contact-record.ts'

export const CONTACT_FIELDS: FieldMap = {
  contactId: 'contacts.contact_id',
  contactNo: 'contacts.contact_no',
  kind: 'contacts.kind',
  name: 'contacts.name',
  orgNo: 'contacts.org_no',
  vatNo: 'contacts.vat_no',
  email: 'contacts.email',
  phone: 'contacts.phone',
  street: 'contacts.street',
  zip: 'contacts.zip',
  city: 'contacts.city',
  country: 'contacts.country',
  currency: 'contacts.currency',
  isCustomer: 'contacts.is_customer',
  isSupplier: 'contacts.is_supplier',
  notes: 'contacts.notes',
  createdAt: 'contacts.created_at',
  updatedAt: 'contacts.updated_at',
}

export async function listContacts(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<Contact>> {
  checkPage(spec)
  const base = applyFilters(
    context.storage.db.selectFrom('contacts').where('contacts.organization_id', '=', tenant.organizationId),
    CONTACT_FIELDS,
    spec,
  )
  const [countRow, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<bigint>().as('count')).executeTakeFirstOrThrow(),
    applyOrder(base.selectAll(), CONTACT_FIELDS, spec.orderBy ?? [], 'contacts.contact_no')
      .limit(spec.limit)
      .offset(spec.offset)
      .execute(),
  ])
  return { items: rows.map(contactFromRow), totalCount: Number(countRow.count) }
}
