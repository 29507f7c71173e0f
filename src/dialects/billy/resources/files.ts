// /v2/files and /v2/attachments. A file is uploaded raw (`POST /v2/files`, the body is the file,
// its name in `X-Filename`, ../shared/reference/billy.md section 3.3), and attached to an invoice,
// a bill or a daybook transaction by `POST /v2/attachments` with `ownerReference` and `fileId`;
// with `x-create-attachment: true` the upload is filed at once (to the owner named by
// `x-attachment-owner-reference`, else to the organization's inbox of uploads).

import {
  type Attachment,
  type AttachmentOwner,
  attachFile,
  deleteAttachment,
  deleteStoredFile,
  detachAllFrom,
  getAttachments,
  getStoredFiles,
  type StoredFile,
  uploadFile,
} from '../../../core/files/stored-files.ts'
import { assert } from '../../../domain/assert.ts'
import { invalidField } from '../../../domain/errors.ts'
import {
  type Changes,
  mergeChanges,
  type RecordRef,
  type RequestContext,
  type Resource,
  type WireInput,
  type WireRecord,
} from '../engine/resource.ts'
import { listInMemory } from '../engine/static-store.ts'
import { wireTime } from '../engine/wire-values.ts'
import { CREATED_TIME, checkOrganization, ORGANIZATION, ref, text } from './common.ts'

const OWNER_TYPES: Readonly<Record<string, AttachmentOwner['type']>> = {
  organization: 'organization',
  invoice: 'invoice',
  bill: 'bill',
  daybookTransaction: 'daybook_transaction',
}

/**
 * Saves a document whose request embeds `attachments` (`[{fileId, priority}]`): the document is
 * saved first, then its attachments are replaced by the embedded ones, in the same transaction.
 */
export async function saveWithAttachments(
  context: RequestContext,
  owner: Readonly<{ resource: string; type: AttachmentOwner['type']; id?: string }>,
  input: WireInput,
  save: (input: WireInput) => Promise<Changes>,
): Promise<Changes> {
  const children = input.children.attachments
  if (!children) return save(input)
  const { attachments: _embedded, ...others } = input.children
  const changes = await save({ ...input, children: others })
  const ownerId = owner.id ?? changes.changed.find((changed) => changed.resource === owner.resource)?.id
  assert(ownerId, `a saved ${owner.resource} names itself among the changes`)
  const removed = await detachAllFrom(context.core, context.tenant, [ownerId])
  const added: RecordRef[] = []
  for (const child of children) {
    const attachment = await attachFile(context.core, context.tenant, {
      fileId: text(child, 'fileId') ?? '',
      owner: { type: owner.type, id: ownerId },
      ...(typeof child.values.priority === 'number' ? { priority: child.values.priority } : {}),
    })
    added.push(ref('attachment', attachment.attachmentId, child.clientId))
  }
  return mergeChanges(changes, { changed: added, deleted: removed.map((id) => ref('attachment', id)) })
}

/** A deleted owner's attachments go with it; their files stay. Adds them to the deleted records. */
export async function withAttachmentsRemoved(
  context: RequestContext,
  ownerId: string,
  changes: Changes,
): Promise<Changes> {
  if (!changes.deleted.some((deleted) => deleted.id === ownerId)) return changes
  const removed = await detachAllFrom(context.core, context.tenant, [ownerId])
  return { ...changes, deleted: [...changes.deleted, ...removed.map((id) => ref('attachment', id))] }
}

function ownerOfReference(reference: string, field: string): AttachmentOwner {
  const [type = '', id = ''] = reference.split(':')
  const owner = OWNER_TYPES[type]
  if (!owner || id === '')
    throw invalidField(
      field,
      `${field} must be invoice:<id>, bill:<id>, daybookTransaction:<id> or organization:<id>`,
    )
  return { type: owner, id }
}

function referenceOfOwner(owner: AttachmentOwner): string {
  const type = Object.entries(OWNER_TYPES).find(([, core]) => core === owner.type)?.[0] ?? owner.type
  return `${type}:${owner.id}`
}

function fileToWire(context: RequestContext, file: StoredFile): WireRecord {
  return {
    id: file.fileId,
    createdTime: wireTime(file.createdAt),
    fileName: file.fileName,
    fileSize: file.sizeBytes,
    fileType: file.contentType,
    isImage: file.contentType.startsWith('image/'),
    isPdf: file.contentType === 'application/pdf',
    // Faktura does not decode images, so their dimensions are unknown.
    imageWidth: null,
    imageHeight: null,
    downloadUrl: `${context.baseUrl}/files/${file.fileId}/download`,
  }
}

function attachmentToWire(context: RequestContext, attachment: Attachment): WireRecord {
  return {
    id: attachment.attachmentId,
    organizationId: context.tenant.organizationId,
    createdTime: wireTime(attachment.createdAt),
    ownerReference: referenceOfOwner(attachment.owner),
    fileId: attachment.fileId,
    priority: attachment.priority,
  }
}

function header(headers: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = headers[name]
  return typeof value === 'string' ? value : undefined
}

async function upload(
  context: RequestContext,
  body: Buffer,
  headers: Readonly<Record<string, unknown>>,
): Promise<Changes> {
  const fileName = header(headers, 'x-filename')
  if (!fileName) throw invalidField('fileName', 'give the file’s name in the X-Filename header')
  const attach = header(headers, 'x-create-attachment') === 'true'
  const ownerReference =
    header(headers, 'x-attachment-owner-reference') ?? `organization:${context.tenant.organizationId}`
  const { file, attachment } = await uploadFile(context.core, context.tenant, {
    fileName: decodeURIComponent(fileName),
    contentType: (header(headers, 'content-type') ?? '').split(';')[0]?.trim() ?? '',
    content: body,
    ...(attach ? { attachTo: ownerOfReference(ownerReference, 'ownerReference') } : {}),
  })
  return {
    changed: [ref('file', file.fileId), ...(attachment ? [ref('attachment', attachment.attachmentId)] : [])],
    deleted: [],
  }
}

export const files: Resource = {
  def: {
    singular: 'file',
    plural: 'files',
    description: 'POST the file itself as the body, its name in X-Filename.',
    properties: {
      createdTime: CREATED_TIME,
      fileName: { type: 'string', access: 'readonly' },
      fileSize: { type: 'integer', access: 'readonly' },
      fileType: { type: 'string', access: 'readonly' },
      isImage: { type: 'boolean', access: 'readonly' },
      isPdf: { type: 'boolean', access: 'readonly' },
      imageWidth: { type: 'integer', access: 'readonly' },
      imageHeight: { type: 'integer', access: 'readonly' },
      downloadUrl: { type: 'string', access: 'readonly' },
    },
    operations: ['get', 'list', 'create', 'bulkDelete'],
    filters: { isPdf: { type: 'boolean' }, isImage: { type: 'boolean' } },
    sortable: ['createdTime', 'fileName', 'fileSize'],
    search: true,
  },
  store: {
    async load(context, ids) {
      return (await getStoredFiles(context.core, context.tenant, ids)).map((file) =>
        fileToWire(context, file),
      )
    },
    async list(context, query) {
      const all = (await getStoredFiles(context.core, context.tenant)).map((file) =>
        fileToWire(context, file),
      )
      return listInMemory(all, query, ['fileName'])
    },
    upload,
    async delete(context, id) {
      const { fileDeleted, attachmentIds } = await deleteStoredFile(context.core, context.tenant, id)
      return {
        changed: [],
        deleted: [
          ...(fileDeleted ? [ref('file', id)] : []),
          ...attachmentIds.map((attachmentId) => ref('attachment', attachmentId)),
        ],
      }
    },
  },
}

export const attachments: Resource = {
  def: {
    singular: 'attachment',
    plural: 'attachments',
    properties: {
      organizationId: ORGANIZATION,
      createdTime: CREATED_TIME,
      ownerReference: { type: 'reference', access: 'immutable', required: true },
      fileId: { type: 'id', resource: 'file', access: 'immutable', required: true },
      priority: { type: 'integer', access: 'immutable' },
    },
    operations: ['get', 'list', 'create', 'bulkSave', 'delete', 'bulkDelete'],
    filters: { ownerReference: { type: 'reference' }, fileId: { type: 'string' } },
    sortable: ['priority', 'createdTime'],
  },
  store: {
    fieldNames: { owner: 'ownerReference' },
    async load(context, ids) {
      return (await getAttachments(context.core, context.tenant, { ids })).map((attachment) =>
        attachmentToWire(context, attachment),
      )
    },
    async byParent(context, _inverse, ownerIds) {
      return (await getAttachments(context.core, context.tenant, { ownerIds })).map((attachment) =>
        attachmentToWire(context, attachment),
      )
    },
    async list(context, query) {
      const { ownerReference, fileId } = query.filters
      const found = await getAttachments(context.core, context.tenant, {
        ...(ownerReference
          ? { owners: ownerReference.map((reference) => ownerOfReference(reference, 'ownerReference')) }
          : {}),
        ...(fileId ? { fileIds: fileId } : {}),
      })
      return listInMemory(
        found.map((attachment) => attachmentToWire(context, attachment)),
        { ...query, filters: {} },
        [],
      )
    },
    async create(context, input): Promise<Changes> {
      checkOrganization(context, input)
      const attachment = await attachFile(context.core, context.tenant, {
        fileId: text(input, 'fileId') ?? '',
        owner: ownerOfReference(text(input, 'ownerReference') ?? '', 'ownerReference'),
        ...(typeof input.values.priority === 'number' ? { priority: input.values.priority } : {}),
      })
      return { changed: [ref('attachment', attachment.attachmentId, input.clientId)], deleted: [] }
    },
    async delete(context, id) {
      const existed = await deleteAttachment(context.core, context.tenant, id)
      return { changed: [], deleted: existed ? [ref('attachment', id)] : [] }
    },
  },
}
