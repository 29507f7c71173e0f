// The one PDF a sender may attach to a case, printed after the invoice in letters and
// downloadable from the invoice page. The invariant it protects: what is stored is a PDF (by its
// signature) of a size a letter can carry; attaching again replaces it.

import { invalidField, notFound } from '../../domain/errors.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'

export type CaseAttachment = Readonly<{ filename: string; contentBase64: string; createdAt: string }>

export type AttachmentInput = Readonly<{ filename: unknown; contentBase64: unknown }>

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

function checkAttachment(input: AttachmentInput): Readonly<{ filename: string; bytes: Buffer }> {
  const filename = typeof input.filename === 'string' ? input.filename.trim() : ''
  if (filename === '' || filename.length > 200 || /[/\\]/.test(filename))
    throw invalidField('filename', 'a file name of 1 to 200 characters, without slashes, is required')
  if (typeof input.contentBase64 !== 'string' || !/^[A-Za-z0-9+/=\s]+$/.test(input.contentBase64))
    throw invalidField('content', 'the attachment must be base64')
  const bytes = Buffer.from(input.contentBase64, 'base64')
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw invalidField('content', 'an attachment is at most 10 MB')
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw invalidField('content', 'the attachment must be a PDF')
  return { filename, bytes }
}

/** Attaches (or with null removes) the case's PDF inside the caller's transaction. */
export async function putAttachmentWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  caseId: string,
  input: AttachmentInput | null,
): Promise<void> {
  const org = tenant.organizationId
  await tx
    .deleteFrom('case_attachments')
    .where('organization_id', '=', org)
    .where('case_id', '=', caseId)
    .execute()
  if (input === null) return
  const { filename, bytes } = checkAttachment(input)
  const now = nowIso(context)
  await tx
    .insertInto('case_attachments')
    .values({
      organization_id: org,
      case_id: caseId,
      filename,
      content_base64: bytes.toString('base64'),
      created_at: now,
    })
    .execute()
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: 'case.attachment_added',
    caseId,
    data: { filename },
    visibleToRecipient: true,
    occurredAt: now,
  })
}

export async function getCaseAttachment(
  context: CoreContext,
  tenant: Tenant,
  caseId: string,
): Promise<CaseAttachment> {
  const row = await context.storage.db
    .selectFrom('case_attachments')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('case_id', '=', caseId)
    .executeTakeFirst()
  if (!row) throw notFound('attachment of case', caseId)
  return { filename: row.filename, contentBase64: row.content_base64, createdAt: row.created_at }
}
