// The respite pair as use cases of their own transaction: grant the debtor until a later date to
// pay, or take the respite back. The rules live in core/cases/respite.ts (the due date moves to
// the respite date, an overdue invoice is open again); dunning follows from them, because the
// dunning clock counts only overdue days: under a respite no day is counted, no interest earned
// and no reminder sent, and all of it resumes where it stopped once the new due date has passed.

import { grantRespiteWithin, removeRespiteWithin } from '../cases/respite.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { inOneTransaction } from '../unit-of-work.ts'

export async function grantRespite(
  context: CoreContext,
  tenant: Tenant,
  input: Readonly<{ invoiceId: string; until: unknown }>,
): Promise<void> {
  await inOneTransaction(context, (unit) =>
    unit.storage.db
      .transaction()
      .execute((tx) => grantRespiteWithin(unit, tx, tenant, input.invoiceId, input.until)),
  )
}

export async function removeRespite(context: CoreContext, tenant: Tenant, invoiceId: string): Promise<void> {
  await inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute((tx) => removeRespiteWithin(unit, tx, tenant, invoiceId)),
  )
}
