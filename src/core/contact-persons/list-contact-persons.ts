// Reads contact persons: by id or by contact (for a contact's embedded persons), or a page by the
// shared list spec.

import type { ContactPerson } from '../../domain/contacts/contact-person.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'
import { contactPersonFromRow, loadContactPersons } from './contact-person-record.ts'

export const CONTACT_PERSON_FIELDS: FieldMap = {
  contactPersonId: 'contact_persons.contact_person_id',
  contactId: 'contact_persons.contact_id',
  personSeq: 'contact_persons.person_seq',
  name: 'contact_persons.name',
  email: 'contact_persons.email',
  phone: 'contact_persons.phone',
  isPrimary: 'contact_persons.is_primary',
  createdAt: 'contact_persons.created_at',
}

export function getContactPersons(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; contactIds?: readonly string[] }>,
): Promise<ContactPerson[]> {
  return loadContactPersons(context.storage.db, tenant.organizationId, by)
}

export async function listContactPersons(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<ContactPerson>> {
  const base = context.storage.db
    .selectFrom('contact_persons')
    .where('contact_persons.organization_id', '=', tenant.organizationId)
  const { rows, totalCount } = await fetchPage(
    base,
    CONTACT_PERSON_FIELDS,
    spec,
    'contact_persons.person_seq',
    (query) => query.selectAll(),
  )
  return { items: rows.map(contactPersonFromRow), totalCount }
}
