// Deletes dialect records: one by its number, or every record hung on a core row (the tags and
// comments of a deleted invoice), so no record outlives what it describes.

import { notFound } from '../../domain/errors.ts'
import type { CoreContext, Tenant } from '../context.ts'

export async function deleteRecord(
  context: CoreContext,
  tenant: Tenant,
  resource: string,
  recordNo: bigint,
): Promise<void> {
  const result = await context.storage.db
    .deleteFrom('billomat_records')
    .where('organization_id', '=', tenant.organizationId)
    .where('resource', '=', resource)
    .where('record_no', '=', recordNo)
    .executeTakeFirst()
  if (result.numDeletedRows === 0n) throw notFound(resource, String(recordNo))
}

/** Deletes the owner's records of the given resources (all of them when `resources` is absent). */
export async function deleteRecordsOf(
  context: CoreContext,
  tenant: Tenant,
  ownerId: string,
  resources?: readonly string[],
): Promise<number> {
  let query = context.storage.db
    .deleteFrom('billomat_records')
    .where('organization_id', '=', tenant.organizationId)
    .where('owner_id', '=', ownerId)
  if (resources) query = query.where('resource', 'in', resources.length > 0 ? resources : [''])
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}
