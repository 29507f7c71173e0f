// Reads one invoice of the tenant with its lines; another tenant's id is simply not found.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { loadInvoice, loadInvoices } from './invoice-record.ts'
import { assertFound } from './resolve-draft.ts'

export async function getInvoice(context: CoreContext, tenant: Tenant, invoiceId: string): Promise<Invoice> {
  return assertFound(
    await loadInvoice(context.storage.db, tenant.organizationId, invoiceId),
    'invoice',
    invoiceId,
  )
}

/** Invoices by id, in the order asked, without counting or paging: what a batch read needs. */
export async function getInvoices(
  context: CoreContext,
  tenant: Tenant,
  invoiceIds: readonly string[],
): Promise<Invoice[]> {
  const invoices = await loadInvoices(context.storage.db, tenant.organizationId, invoiceIds)
  return invoices.filter((invoice) => invoice.state !== 'deleted')
}
