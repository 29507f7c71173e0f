// Reads one invoice of the tenant with its lines; another tenant's id is simply not found.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { loadInvoice } from './invoice-record.ts'
import { assertFound } from './resolve-draft.ts'

export async function getInvoice(context: CoreContext, tenant: Tenant, invoiceId: string): Promise<Invoice> {
  return assertFound(
    await loadInvoice(context.storage.db, tenant.organizationId, invoiceId),
    'invoice',
    invoiceId,
  )
}
