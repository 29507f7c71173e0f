// Deletes a draft and its case. Approved invoices are never deleted: they are credited.

import { notFound } from '../../domain/errors.ts'
import type { InvoiceState } from '../../domain/invoicing/lifecycle.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { forUpdate } from '../../storage/database.ts'
import type { CoreContext, Tenant } from '../context.ts'

export async function deleteDraftInvoice(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
): Promise<void> {
  await context.storage.db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      context.storage,
      tx
        .selectFrom('invoices')
        .select(['state', 'case_id'])
        .where('organization_id', '=', tenant.organizationId)
        .where('invoice_id', '=', invoiceId),
    ).executeTakeFirst()
    if (!row) throw notFound('invoice', invoiceId)
    nextState(row.state as InvoiceState, 'delete')
    const org = tenant.organizationId
    await tx
      .deleteFrom('invoice_lines')
      .where('organization_id', '=', org)
      .where('invoice_id', '=', invoiceId)
      .execute()
    await tx
      .deleteFrom('invoices')
      .where('organization_id', '=', org)
      .where('invoice_id', '=', invoiceId)
      .execute()
    const others = await tx
      .selectFrom('invoices')
      .select('invoice_id')
      .where('organization_id', '=', org)
      .where('case_id', '=', row.case_id)
      .executeTakeFirst()
    if (!others) {
      await tx
        .deleteFrom('events')
        .where('organization_id', '=', org)
        .where('case_id', '=', row.case_id)
        .execute()
      await tx
        .deleteFrom('cases')
        .where('organization_id', '=', org)
        .where('case_id', '=', row.case_id)
        .execute()
    }
  })
}
