// Reads back a file kept by save-file.ts; absent when none was uploaded.

import type { CoreContext, Tenant } from '../context.ts'
import type { StoredFile } from './save-file.ts'

export async function getFile(
  context: CoreContext,
  tenant: Tenant,
  ownerId: string,
  kind: string,
): Promise<StoredFile | undefined> {
  const row = await context.storage.db
    .selectFrom('billomat_files')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('owner_id', '=', ownerId)
    .where('kind', '=', kind)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    fileNo: row.file_no,
    ownerId: row.owner_id,
    kind: row.kind,
    filename: row.filename,
    mimetype: row.mimetype,
    contentBase64: row.content_base64,
    createdAt: row.created_at,
  }
}

/** Deletes an owner's files, when the owner itself goes. */
export async function deleteFilesOf(context: CoreContext, tenant: Tenant, ownerId: string): Promise<void> {
  await context.storage.db
    .deleteFrom('billomat_files')
    .where('organization_id', '=', tenant.organizationId)
    .where('owner_id', '=', ownerId)
    .execute()
}
