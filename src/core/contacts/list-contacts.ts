// Lists a page of the tenant's contacts by the shared list spec, with the total count for paging.

import type { Contact } from '../../domain/contacts/contact.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'
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
  const base = context.storage.db
    .selectFrom('contacts')
    .where('contacts.organization_id', '=', tenant.organizationId)
  const { rows, totalCount } = await fetchPage(base, CONTACT_FIELDS, spec, 'contacts.contact_no', (query) =>
    query.selectAll(),
  )
  return { items: rows.map(contactFromRow), totalCount }
}
