// Deletes a product. Issued invoices keep a reference to the product of each line, and history is
// never rewritten, so a product that any invoice line names is archived instead of removed: it
// disappears from catalogues but its lines still point at it. Draft lines are not history: they
// let go of the product, so a draft can still be edited and approved after the delete.

import { notFound } from '../../domain/errors.ts'
import { forUpdate } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'

export type DeletedProduct = Readonly<{ productId: string; archived: boolean }>

export async function deleteProduct(
  context: CoreContext,
  tenant: Tenant,
  productId: string,
): Promise<DeletedProduct> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const product = await forUpdate(
      context.storage,
      tx
        .selectFrom('products')
        .select(['product_id', 'is_archived'])
        .where('organization_id', '=', org)
        .where('product_id', '=', productId),
    ).executeTakeFirst()
    if (!product) throw notFound('product', productId)
    const draftIds = tx
      .selectFrom('invoices')
      .select('invoice_id')
      .where('organization_id', '=', org)
      .where('state', '=', 'draft')
    await tx
      .updateTable('invoice_lines')
      .set({ product_id: null })
      .where('organization_id', '=', org)
      .where('product_id', '=', productId)
      .where('invoice_id', 'in', draftIds)
      .execute()
    const used = await tx
      .selectFrom('invoice_lines')
      .select('invoice_id')
      .where('organization_id', '=', org)
      .where('product_id', '=', productId)
      .executeTakeFirst()
    if (used) {
      await tx
        .updateTable('products')
        .set({ is_archived: true, updated_at: nowIso(context) })
        .where('organization_id', '=', org)
        .where('product_id', '=', productId)
        .execute()
      return { productId, archived: true }
    }
    await tx
      .deleteFrom('product_prices')
      .where('organization_id', '=', org)
      .where('product_id', '=', productId)
      .execute()
    await tx
      .deleteFrom('products')
      .where('organization_id', '=', org)
      .where('product_id', '=', productId)
      .execute()
    return { productId, archived: false }
  })
}
