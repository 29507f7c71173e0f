// Deletes a contact and its persons. A contact that has invoices, bills or payments is part of the books
// and is refused: its history must stay readable (archive it instead).

import { DomainError } from '../../domain/errors.ts'
import type { CoreContext, Tenant } from '../context.ts'

/** Answers whether the contact existed, since a repeated delete is not an error. */
export async function deleteContact(
  context: CoreContext,
  tenant: Tenant,
  contactId: string,
): Promise<boolean> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const contact = await tx
      .selectFrom('contacts')
      .select('contact_id')
      .where('organization_id', '=', org)
      .where('contact_id', '=', contactId)
      .executeTakeFirst()
    if (!contact) return false
    const [used, paid, billed] = await Promise.all([
      tx
        .selectFrom('cases')
        .select('case_id')
        .where('organization_id', '=', org)
        .where('contact_id', '=', contactId)
        .executeTakeFirst(),
      tx
        .selectFrom('payments')
        .select('payment_id')
        .where('organization_id', '=', org)
        .where('contact_id', '=', contactId)
        .executeTakeFirst(),
      tx
        .selectFrom('bills')
        .select('bill_id')
        .where('organization_id', '=', org)
        .where('contact_id', '=', contactId)
        .executeTakeFirst(),
    ])
    if (used || paid || billed)
      throw new DomainError(
        'conflict',
        'the contact has invoices, bills or payments and cannot be deleted; archive it',
        {
          field: 'id',
        },
      )
    await tx
      .deleteFrom('contact_persons')
      .where('organization_id', '=', org)
      .where('contact_id', '=', contactId)
      .execute()
    await tx
      .deleteFrom('contacts')
      .where('organization_id', '=', org)
      .where('contact_id', '=', contactId)
      .execute()
    return true
  })
}
