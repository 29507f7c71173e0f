// Maps contact person rows to the domain's ContactPerson; the one place that knows the columns.

import type { ContactPerson, ContactPersonFields } from '../../domain/contacts/contact-person.ts'
import type { Executor } from '../../storage/database.ts'
import type { ContactPersonsTable } from '../../storage/schema.ts'

export function contactPersonFromRow(row: ContactPersonsTable): ContactPerson {
  return {
    contactPersonId: row.contact_person_id,
    contactId: row.contact_id,
    personSeq: row.person_seq,
    name: row.name,
    email: row.email,
    phone: row.phone,
    isPrimary: row.is_primary,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    createdAt: row.created_at,
  }
}

export function contactPersonColumns(fields: ContactPersonFields) {
  return {
    name: fields.name,
    email: fields.email,
    phone: fields.phone,
    is_primary: fields.isPrimary,
    extra: JSON.stringify(fields.extra),
  }
}

/** The persons with these ids, or of these contacts, in the order they were created. */
export async function loadContactPersons(
  db: Executor,
  organizationId: string,
  by: Readonly<{ ids?: readonly string[]; contactIds?: readonly string[] }>,
): Promise<ContactPerson[]> {
  const ids = by.ids ?? []
  const contactIds = by.contactIds ?? []
  if (ids.length === 0 && contactIds.length === 0) return []
  let query = db.selectFrom('contact_persons').selectAll().where('organization_id', '=', organizationId)
  if (ids.length > 0) query = query.where('contact_person_id', 'in', ids)
  if (contactIds.length > 0) query = query.where('contact_id', 'in', contactIds)
  const rows = await query.orderBy('person_seq').execute()
  return rows.map(contactPersonFromRow)
}
