// Reads one contact of the tenant; another tenant's id is simply not found.

import type { Contact } from '../../domain/contacts/contact.ts'
import { notFound } from '../../domain/errors.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { contactFromRow } from './contact-record.ts'

export async function getContact(context: CoreContext, tenant: Tenant, contactId: string): Promise<Contact> {
  const row = await context.storage.db
    .selectFrom('contacts')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  if (!row) throw notFound('contact', contactId)
  return contactFromRow(row)
}
