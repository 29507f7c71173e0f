// Updates a contact's fields; absent fields keep their value. The row is locked for the
// read-modify-write so two concurrent patches both land.

import { applyContactPatch, type Contact, type ContactPatch } from '../../domain/contacts/contact.ts'
import { notFound } from '../../domain/errors.ts'
import { forUpdate } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { contactColumns, contactFromRow } from './contact-record.ts'

export async function updateContact(
  context: CoreContext,
  tenant: Tenant,
  contactId: string,
  patch: ContactPatch,
): Promise<Contact> {
  return context.storage.db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      context.storage,
      tx
        .selectFrom('contacts')
        .selectAll()
        .where('organization_id', '=', tenant.organizationId)
        .where('contact_id', '=', contactId),
    ).executeTakeFirst()
    if (!row) throw notFound('contact', contactId)
    const fields = applyContactPatch(contactFromRow(row), patch)
    const updated = await tx
      .updateTable('contacts')
      .set({ ...contactColumns(fields), updated_at: nowIso(context) })
      .where('organization_id', '=', tenant.organizationId)
      .where('contact_id', '=', contactId)
      .returningAll()
      .executeTakeFirstOrThrow()
    return contactFromRow(updated)
  })
}
