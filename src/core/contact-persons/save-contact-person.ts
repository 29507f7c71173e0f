// Creates, edits and deletes the persons of a contact. A contact has at most one primary person:
// making one primary takes the mark from the others in the same transaction, under the contact's
// row lock, so two concurrent edits cannot leave two primaries.

import {
  applyContactPersonPatch,
  type ContactPerson,
  type ContactPersonPatch,
  EMPTY_CONTACT_PERSON,
} from '../../domain/contacts/contact-person.ts'
import { invalidField, notFound } from '../../domain/errors.ts'
import { forUpdate, type Storage, type Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { contactPersonColumns, contactPersonFromRow, loadContactPersons } from './contact-person-record.ts'

async function lockContact(
  storage: Storage,
  tx: Tx,
  organizationId: string,
  contactId: string,
): Promise<void> {
  const contact = await forUpdate(
    storage,
    tx
      .selectFrom('contacts')
      .select('contact_id')
      .where('organization_id', '=', organizationId)
      .where('contact_id', '=', contactId),
  ).executeTakeFirst()
  if (!contact) throw invalidField('contactId', `contact ${contactId} does not exist`)
}

async function clearOtherPrimaries(tx: Tx, organizationId: string, contactId: string, keepId: string) {
  await tx
    .updateTable('contact_persons')
    .set({ is_primary: false })
    .where('organization_id', '=', organizationId)
    .where('contact_id', '=', contactId)
    .where('contact_person_id', '!=', keepId)
    .execute()
}

export async function createContactPerson(
  context: CoreContext,
  tenant: Tenant,
  contactId: string,
  patch: ContactPersonPatch,
): Promise<ContactPerson> {
  const fields = applyContactPersonPatch(EMPTY_CONTACT_PERSON, patch)
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    await lockContact(context.storage, tx, org, contactId)
    const contactPersonId = newId()
    const row = await tx
      .insertInto('contact_persons')
      .values({
        organization_id: org,
        contact_person_id: contactPersonId,
        contact_id: contactId,
        person_seq: await takeCounter(context.storage, tx, org, 'contact_person'),
        ...contactPersonColumns(fields),
        created_at: nowIso(context),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    if (fields.isPrimary) await clearOtherPrimaries(tx, org, contactId, contactPersonId)
    return contactPersonFromRow(row)
  })
}

export async function updateContactPerson(
  context: CoreContext,
  tenant: Tenant,
  contactPersonId: string,
  patch: ContactPersonPatch,
): Promise<ContactPerson> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const [current] = await loadContactPersons(tx, org, { ids: [contactPersonId] })
    if (!current) throw notFound('contact person', contactPersonId)
    await lockContact(context.storage, tx, org, current.contactId)
    const fields = applyContactPersonPatch(current, patch)
    const row = await tx
      .updateTable('contact_persons')
      .set(contactPersonColumns(fields))
      .where('organization_id', '=', org)
      .where('contact_person_id', '=', contactPersonId)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (fields.isPrimary) await clearOtherPrimaries(tx, org, current.contactId, contactPersonId)
    return contactPersonFromRow(row)
  })
}

/** Deletes the person; answers whether it existed, since a repeated delete is not an error. */
export async function deleteContactPerson(
  context: CoreContext,
  tenant: Tenant,
  contactPersonId: string,
): Promise<boolean> {
  const result = await context.storage.db
    .deleteFrom('contact_persons')
    .where('organization_id', '=', tenant.organizationId)
    .where('contact_person_id', '=', contactPersonId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}
