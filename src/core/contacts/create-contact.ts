// Creates a contact with the organization's next contact number (Billogram's customer_no), or a
// number the caller chose if it is free. The counter row is locked so two creates never share one.

import {
  applyContactPatch,
  type Contact,
  type ContactPatch,
  EMPTY_CONTACT,
} from '../../domain/contacts/contact.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { peekCounter, setCounter } from '../counters/take-counter.ts'
import { contactColumns, contactFromRow } from './contact-record.ts'

export type CreateContactInput = ContactPatch & Readonly<{ contactNo?: bigint }>

export async function createContact(
  context: CoreContext,
  tenant: Tenant,
  input: CreateContactInput,
): Promise<Contact> {
  const { contactNo: requestedNo, ...patch } = input
  const fields = applyContactPatch(EMPTY_CONTACT, patch)
  if (requestedNo !== undefined && requestedNo <= 0n)
    throw invalidField('contactNo', 'contact number must be positive')
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const counterNext = await peekCounter(context.storage, tx, tenant.organizationId, 'contact')
    let contactNo = requestedNo ?? counterNext
    if (requestedNo !== undefined) {
      const taken = await tx
        .selectFrom('contacts')
        .select('contact_id')
        .where('organization_id', '=', tenant.organizationId)
        .where('contact_no', '=', requestedNo)
        .executeTakeFirst()
      if (taken)
        throw new DomainError('conflict', `contact number ${requestedNo} is already used`, {
          field: 'contactNo',
        })
    } else {
      // Skip numbers a caller took explicitly, so automatic numbering never collides with them.
      for (;;) {
        const taken = await tx
          .selectFrom('contacts')
          .select('contact_id')
          .where('organization_id', '=', tenant.organizationId)
          .where('contact_no', '=', contactNo)
          .executeTakeFirst()
        if (!taken) break
        contactNo += 1n
      }
    }
    await setCounter(
      tx,
      tenant.organizationId,
      'contact',
      contactNo >= counterNext ? contactNo + 1n : counterNext,
    )
    const row = await tx
      .insertInto('contacts')
      .values({
        organization_id: tenant.organizationId,
        contact_id: newId(),
        contact_no: contactNo,
        ...contactColumns(fields),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return contactFromRow(row)
  })
}
