// Keeps a file a client uploaded for a core row (a signed PDF of an invoice), one per kind and
// owner: a new upload replaces the previous one. Contents stay base64 text, as they arrived and as
// they are served back, so nothing is decoded twice.

import { invalidField } from '../../domain/errors.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'

export type StoredFile = Readonly<{
  fileNo: bigint
  ownerId: string
  kind: string
  filename: string
  mimetype: string
  contentBase64: string
  createdAt: string
}>

export type SaveFileInput = Omit<StoredFile, 'fileNo' | 'createdAt'>

/** 20 MB of base64, about 15 MB of file: more than any signed invoice needs. */
export const MAX_FILE_BASE64_CHARS = 20 * 1024 * 1024

export async function saveFile(
  context: CoreContext,
  tenant: Tenant,
  input: SaveFileInput,
): Promise<StoredFile> {
  if (input.contentBase64.length > MAX_FILE_BASE64_CHARS)
    throw invalidField('base64file', 'the file is larger than 15 MB')
  const org = tenant.organizationId
  const createdAt = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const fileNo = await takeCounter(context.storage, tx, org, 'record:file')
    await tx
      .deleteFrom('billomat_files')
      .where('organization_id', '=', org)
      .where('owner_id', '=', input.ownerId)
      .where('kind', '=', input.kind)
      .execute()
    await tx
      .insertInto('billomat_files')
      .values({
        organization_id: org,
        owner_id: input.ownerId,
        kind: input.kind,
        file_no: fileNo,
        filename: input.filename,
        mimetype: input.mimetype,
        content_base64: input.contentBase64,
        created_at: createdAt,
      })
      .execute()
    return { ...input, fileNo, createdAt }
  })
}
