// Files a client uploaded (a supplier's bill as PDF, a receipt photo) and their attachments to the
// documents they support: an invoice, a bill, a daybook transaction, or the organization itself
// (an inbox of uploads not yet filed). The invariants it protects: a file is kept whole and
// bounded in size, an attachment names a file and an owner of the same organization, and a
// deleted file takes its attachments with it.

import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import type { Executor } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import type { AttachmentsTable, StoredFilesTable } from '../../storage/schema-billy.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'

/** 15 MB: more than any scanned bill needs, and within the server's body limit. */
export const MAX_FILE_BYTES = 15 * 1024 * 1024

export const ATTACHMENT_OWNERS = ['organization', 'invoice', 'bill', 'daybook_transaction'] as const

export type AttachmentOwner = Readonly<{ type: (typeof ATTACHMENT_OWNERS)[number]; id: string }>

export type StoredFile = Readonly<{
  fileId: string
  fileName: string
  contentType: string
  sizeBytes: number
  createdAt: string
}>

export type Attachment = Readonly<{
  attachmentId: string
  fileId: string
  owner: AttachmentOwner
  priority: number
  createdAt: string
}>

function fileOf(row: Omit<StoredFilesTable, 'content_base64'>): StoredFile {
  return {
    fileId: row.file_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    createdAt: row.created_at,
  }
}

function attachmentOf(row: AttachmentsTable): Attachment {
  return {
    attachmentId: row.attachment_id,
    fileId: row.file_id,
    owner: { type: row.owner_type as AttachmentOwner['type'], id: row.owner_id },
    priority: row.priority,
    createdAt: row.created_at,
  }
}

export type UploadInput = Readonly<{
  fileName: string
  contentType: string
  content: Uint8Array
  /** Files the upload into an owner's attachments at once (Billy's x-create-attachment). */
  attachTo?: AttachmentOwner
}>

export async function uploadFile(
  context: CoreContext,
  tenant: Tenant,
  input: UploadInput,
): Promise<{ file: StoredFile; attachment?: Attachment }> {
  const fileName = input.fileName.trim()
  if (fileName === '' || fileName.length > 255)
    throw invalidField('fileName', 'give the file a name of at most 255 characters')
  if (input.content.length === 0) throw invalidField('file', 'the file is empty')
  if (input.content.length > MAX_FILE_BYTES) throw invalidField('file', 'the file is larger than 15 MB')
  const row: StoredFilesTable = {
    organization_id: tenant.organizationId,
    file_id: newId(),
    file_name: fileName,
    content_type: input.contentType || 'application/octet-stream',
    size_bytes: input.content.length,
    content_base64: Buffer.from(input.content).toString('base64'),
    created_at: nowIso(context),
  }
  return context.storage.db.transaction().execute(async (tx) => {
    await tx.insertInto('stored_files').values(row).execute()
    const file = fileOf(row)
    if (!input.attachTo) return { file }
    return {
      file,
      attachment: await insertAttachment(tx, tenant, file.fileId, input.attachTo, 0, row.created_at),
    }
  })
}

export async function getStoredFiles(
  context: CoreContext,
  tenant: Tenant,
  ids?: readonly string[],
): Promise<StoredFile[]> {
  let query = context.storage.db
    .selectFrom('stored_files')
    .select(['organization_id', 'file_id', 'file_name', 'content_type', 'size_bytes', 'created_at'])
    .where('organization_id', '=', tenant.organizationId)
  if (ids) query = query.where('file_id', 'in', [...ids, ''])
  const rows = await query.orderBy('created_at').orderBy('file_id').limit(10_000).execute()
  return rows.map(fileOf)
}

export async function getFileContent(
  context: CoreContext,
  tenant: Tenant,
  fileId: string,
): Promise<StoredFile & { content: Buffer }> {
  const row = await context.storage.db
    .selectFrom('stored_files')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('file_id', '=', fileId)
    .executeTakeFirst()
  if (!row) throw notFound('file', fileId)
  return { ...fileOf(row), content: Buffer.from(row.content_base64, 'base64') }
}

/** Deletes a file and its attachments; an unknown id is not an error. Returns what was deleted. */
export async function deleteStoredFile(
  context: CoreContext,
  tenant: Tenant,
  fileId: string,
): Promise<{ fileDeleted: boolean; attachmentIds: string[] }> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const attachments = await tx
      .deleteFrom('attachments')
      .where('organization_id', '=', org)
      .where('file_id', '=', fileId)
      .returning('attachment_id')
      .execute()
    const files = await tx
      .deleteFrom('stored_files')
      .where('organization_id', '=', org)
      .where('file_id', '=', fileId)
      .returning('file_id')
      .execute()
    return { fileDeleted: files.length > 0, attachmentIds: attachments.map((row) => row.attachment_id) }
  })
}

const OWNER_TABLES = {
  invoice: ['invoices', 'invoice_id'],
  bill: ['bills', 'bill_id'],
  daybook_transaction: ['daybook_transactions', 'transaction_id'],
} as const

async function checkOwner(db: Executor, tenant: Tenant, owner: AttachmentOwner): Promise<void> {
  if (!ATTACHMENT_OWNERS.includes(owner.type))
    throw invalidField('owner', `files are attached to ${ATTACHMENT_OWNERS.join(', ')}`)
  if (owner.type === 'organization') {
    if (owner.id !== tenant.organizationId) throw notFound('organization', owner.id)
    return
  }
  const [table, column] = OWNER_TABLES[owner.type]
  const found = await db
    .selectFrom(table)
    .select(column)
    .where('organization_id', '=', tenant.organizationId)
    .where(column, '=', owner.id)
    .executeTakeFirst()
  if (!found)
    throw new DomainError('invalid_field', `${owner.type} ${owner.id} does not exist`, { field: 'owner' })
}

async function insertAttachment(
  db: Executor,
  tenant: Tenant,
  fileId: string,
  owner: AttachmentOwner,
  priority: number,
  createdAt: string,
): Promise<Attachment> {
  await checkOwner(db, tenant, owner)
  const row: AttachmentsTable = {
    organization_id: tenant.organizationId,
    attachment_id: newId(),
    file_id: fileId,
    owner_type: owner.type,
    owner_id: owner.id,
    priority,
    created_at: createdAt,
  }
  await db.insertInto('attachments').values(row).execute()
  return attachmentOf(row)
}

export async function attachFile(
  context: CoreContext,
  tenant: Tenant,
  input: Readonly<{ fileId: string; owner: AttachmentOwner; priority?: number }>,
): Promise<Attachment> {
  const priority = input.priority ?? 0
  if (!Number.isInteger(priority) || priority < 0 || priority > 1_000_000)
    throw invalidField('priority', 'priority must be a whole number from 0')
  return context.storage.db.transaction().execute(async (tx) => {
    const file = await tx
      .selectFrom('stored_files')
      .select('file_id')
      .where('organization_id', '=', tenant.organizationId)
      .where('file_id', '=', input.fileId)
      .executeTakeFirst()
    if (!file) throw invalidField('fileId', `file ${input.fileId} does not exist`)
    return insertAttachment(tx, tenant, input.fileId, input.owner, priority, nowIso(context))
  })
}

export async function getAttachments(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{
    ids?: readonly string[]
    owners?: readonly AttachmentOwner[]
    /** Owners by id alone, whatever their type: ids are unique across types. */
    ownerIds?: readonly string[]
    fileIds?: readonly string[]
  }>,
): Promise<Attachment[]> {
  let query = context.storage.db
    .selectFrom('attachments')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
  if (by.ids) query = query.where('attachment_id', 'in', [...by.ids, ''])
  if (by.ownerIds) query = query.where('owner_id', 'in', [...by.ownerIds, ''])
  if (by.fileIds) query = query.where('file_id', 'in', [...by.fileIds, ''])
  const owners = by.owners
  if (owners?.length === 0) return []
  if (owners)
    query = query.where((eb) =>
      eb.or(
        owners.map((owner) => eb.and([eb('owner_type', '=', owner.type), eb('owner_id', '=', owner.id)])),
      ),
    )
  const rows = await query.orderBy('priority').orderBy('created_at').limit(10_000).execute()
  return rows.map(attachmentOf)
}

/** Detaches a file from its owner; the file itself stays. An unknown id is not an error. */
export async function deleteAttachment(
  context: CoreContext,
  tenant: Tenant,
  attachmentId: string,
): Promise<boolean> {
  const rows = await context.storage.db
    .deleteFrom('attachments')
    .where('organization_id', '=', tenant.organizationId)
    .where('attachment_id', '=', attachmentId)
    .returning('attachment_id')
    .execute()
  return rows.length > 0
}

/** Detaches every file from owners that are going away (a deleted draft); the files stay. */
export async function detachAllFrom(
  context: CoreContext,
  tenant: Tenant,
  ownerIds: readonly string[],
): Promise<string[]> {
  if (ownerIds.length === 0) return []
  const rows = await context.storage.db
    .deleteFrom('attachments')
    .where('organization_id', '=', tenant.organizationId)
    .where('owner_id', 'in', [...ownerIds])
    .returning('attachment_id')
    .execute()
  return rows.map((row) => row.attachment_id)
}
