// The organization's logo, printed on its invoices: one image, PNG or JPEG, kept as base64. The
// invariant it protects: what is stored decodes to an image of the declared type, within a size
// a PDF can carry.

import { DomainError, invalidField } from '../../domain/errors.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'

export type Logo = Readonly<{ fileType: string; contentBase64: string; updatedAt: string }>

const MAX_LOGO_BYTES = 1024 * 1024
const SIGNATURES: Readonly<Record<string, readonly number[]>> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
}

export function checkLogo(
  fileType: unknown,
  contentBase64: unknown,
): Readonly<{ fileType: string; bytes: Buffer }> {
  if (typeof fileType !== 'string' || !SIGNATURES[fileType])
    throw invalidField('fileType', 'a logo is image/png or image/jpeg')
  if (typeof contentBase64 !== 'string' || !/^[A-Za-z0-9+/=\s]+$/.test(contentBase64))
    throw invalidField('content', 'logo content must be base64')
  const bytes = Buffer.from(contentBase64, 'base64')
  if (bytes.length > MAX_LOGO_BYTES) throw invalidField('content', 'a logo is at most 1 MB')
  const signature = SIGNATURES[fileType] ?? []
  if (!signature.every((byte, index) => bytes[index] === byte))
    throw invalidField('content', `the content is not ${fileType === 'image/png' ? 'a PNG' : 'a JPEG'} image`)
  return { fileType, bytes }
}

export async function putLogo(
  context: CoreContext,
  tenant: Tenant,
  input: Readonly<{ fileType: unknown; contentBase64: unknown }>,
): Promise<Logo> {
  const { fileType, bytes } = checkLogo(input.fileType, input.contentBase64)
  const logo = { fileType, contentBase64: bytes.toString('base64'), updatedAt: nowIso(context) }
  await context.storage.db
    .insertInto('organization_logos')
    .values({
      organization_id: tenant.organizationId,
      file_type: logo.fileType,
      content_base64: logo.contentBase64,
      updated_at: logo.updatedAt,
    })
    .onConflict((conflict) =>
      conflict.column('organization_id').doUpdateSet({
        file_type: logo.fileType,
        content_base64: logo.contentBase64,
        updated_at: logo.updatedAt,
      }),
    )
    .execute()
  return logo
}

export async function getLogo(context: CoreContext, tenant: Tenant): Promise<Logo> {
  const row = await context.storage.db
    .selectFrom('organization_logos')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found', 'no logo has been uploaded', { resource: 'logo' })
  return { fileType: row.file_type, contentBase64: row.content_base64, updatedAt: row.updated_at }
}
