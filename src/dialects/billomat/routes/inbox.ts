// /inbox-documents (appendix: eingangsrechnungen/inbox): files dropped into the account's inbox
// (receipts, invoices, contracts, ...) before they become incomings, kept with their metadata; and
// /incoming-categories, read-only, which are the chart's expense accounts (an incoming's or item's
// `category` books its cost there; incomings/expense-accounts.ts).

import type { FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { createRecord } from '../../../core/records/create-record.ts'
import { deleteRecord } from '../../../core/records/delete-records.ts'
import type { DialectRecord } from '../../../core/records/dialect-record.ts'
import { deleteFilesOf, getFile } from '../../../core/records/get-file.ts'
import { getRecord, listRecords } from '../../../core/records/list-records.ts'
import { saveFile } from '../../../core/records/save-file.ts'
import { updateRecord } from '../../../core/records/update-record.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { invalidField, notFound } from '../../../domain/errors.ts'
import { pathId } from '../ids.ts'
import { expenseAccountsOf } from '../incomings/expense-accounts.ts'
import { API_USER_ID } from '../payments/payment-wire.ts'
import { nestedItems, type WireObject } from '../wire/body.ts'
import { orderOf, pagingOf } from '../wire/query.ts'
import { readEnum, readText } from '../wire/read.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { datetime, int, list, nested, pagedAttributes, record, str, type WireRecord } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

const RESOURCE = 'inbox-document'
const DOCUMENT_TYPES = [
  'BANK_STATEMENT',
  'CONTRACT',
  'INVOICE',
  'REMINDER',
  'REMITTANCE_SLIP',
  'TRAVEL_EXPENSE_REPORT',
  'RECEIPT',
  'FUEL_RECEIPT',
  'ENERGY',
  'OTHER',
] as const
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** The file of an inbox document is kept apart from its record, under this owner key. */
const ownerOf = (recordNo: bigint) => `${RESOURCE}:${recordNo}`

/** Metadata as clients send it: {"data": [{key, value}]}, a bare list of pairs, or a plain map. */
function metadataOf(body: WireObject): [string, string][] {
  const raw = body.metadata
  if (raw === undefined || raw === null || raw === '') return []
  const pairs = nestedItems(raw, 'data', 'metadata')
  if (pairs.every((pair) => 'key' in pair))
    return pairs.map((pair, index) => {
      const key = readText(pair, 'key', 200)
      if (key === undefined) throw invalidField(`metadata[${index}].key`, 'a metadata entry needs a key')
      return [key, readText(pair, 'value', 10_000) ?? '']
    })
  return Object.entries(pairs[0] ?? {}).map(([key, value]) => [key, String(value)])
}

function mimetypeOf(filename: string, base64: string): string {
  if (base64.startsWith('JVBER')) return 'application/pdf'
  if (base64.startsWith('/9j/')) return 'image/jpeg'
  if (base64.startsWith('iVBOR')) return 'image/png'
  return /\.pdf$/i.test(filename) ? 'application/pdf' : 'application/octet-stream'
}

async function toWire(
  core: CoreContext,
  t: Tenant,
  stored: DialectRecord,
  withFile: boolean,
): Promise<WireRecord> {
  const data = stored.data as Readonly<Record<string, string>>
  const file = withFile ? await getFile(core, t, ownerOf(stored.recordNo), RESOURCE) : undefined
  const metadata = JSON.parse(data.metadata ?? '[]') as [string, string][]
  return record(RESOURCE, [
    int('id', stored.recordNo),
    datetime('created', stored.createdAt),
    datetime('updated', stored.updatedAt),
    int('user_id', API_USER_ID),
    str('filename', data.filename),
    str('mimetype', data.mimetype),
    str('document_type', data.document_type),
    int('filesize', data.filesize),
    int('page_count', data.page_count),
    ...(withFile ? [str('base64file', file?.contentBase64 ?? '')] : []),
    nested(
      list(
        'metadata',
        'data',
        metadata.map(([key, value]) => record('data', [str('key', key), str('value', value)])),
      ),
    ),
    str('customfield', data.customfield),
  ])
}

async function createInbox(core: CoreContext, t: Tenant, body: WireObject): Promise<DialectRecord> {
  const base64 = readText(body, 'base64file', 20 * 1024 * 1024)?.replace(/\s+/g, '')
  if (base64 === undefined) throw invalidField('base64file', 'base64file is required')
  if (!BASE64.test(base64)) throw invalidField('base64file', 'base64file must be base64')
  const content = Buffer.from(base64, 'base64')
  return inOneTransaction(core, async (unit) => {
    const created = await createRecord(unit, t, { resource: RESOURCE, data: {} })
    const filename = readText(body, 'filename', 255) ?? `inbox_${created.recordNo}.pdf`
    const mimetype = mimetypeOf(filename, base64)
    const data = {
      filename,
      mimetype,
      document_type: readEnum(body, 'document_type', DOCUMENT_TYPES) ?? 'OTHER',
      filesize: String(content.length),
      // Pages of a PDF by its page objects; an image is one page.
      page_count: String(
        mimetype === 'application/pdf'
          ? Math.max(1, content.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0)
          : 1,
      ),
      metadata: JSON.stringify(metadataOf(body)),
      ...(readText(body, 'customfield') ? { customfield: readText(body, 'customfield') } : {}),
    }
    await saveFile(unit, t, {
      ownerId: ownerOf(created.recordNo),
      kind: RESOURCE,
      filename,
      mimetype,
      contentBase64: base64,
    })
    return updateRecord(unit, t, RESOURCE, created.recordNo, () => data)
  })
}

export const inboxRoutes: Routes = (app, services) => {
  const core = services.core
  const idOf = (request: FastifyRequest) => pathId(request, RESOURCE)

  app.get('/inbox-documents', async (request, reply) => {
    const t = tenant(request)
    const query = queryOf(request)
    const paging = pagingOf(query)
    const page = await listRecords(core, t, RESOURCE, {
      orderBy: orderOf(query, { id: 'recordNo', created: 'createdAt', filename: 'data.filename' }),
      limit: paging.limit,
      offset: paging.offset,
    })
    const items = await Promise.all(page.items.map((item) => toWire(core, t, item, false)))
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(request, reply, list('inbox-documents', RESOURCE, items, attributes), page.totalCount)
  })

  app.get('/inbox-documents/:id', async (request, reply) => {
    const t = tenant(request)
    return sendRecord(
      request,
      reply,
      await toWire(core, t, await getRecord(core, t, RESOURCE, idOf(request)), true),
    )
  })

  app.post('/inbox-documents', async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, ['filename', 'document_type', 'base64file', 'metadata', 'customfield'])
    return sendRecord(request, reply, await toWire(core, t, await createInbox(core, t, body), true), 201)
  })

  app.delete('/inbox-documents/:id', async (request, reply) => {
    const t = tenant(request)
    const recordNo = idOf(request)
    await getRecord(core, t, RESOURCE, recordNo)
    await inOneTransaction(core, async (unit) => {
      await deleteRecord(unit, t, RESOURCE, recordNo)
      await deleteFilesOf(unit, t, ownerOf(recordNo))
    })
    return sendNothing(reply)
  })

  app.get('/incoming-categories', async (request, reply) => {
    const query = queryOf(request)
    const paging = pagingOf(query)
    const { categories } = await expenseAccountsOf(core, tenant(request))
    const items = categories.slice(paging.offset, paging.offset + paging.limit).map(categoryToWire)
    const attributes = pagedAttributes(paging.page, paging.perPage, categories.length)
    return sendList(
      request,
      reply,
      list('incoming-categories', 'incoming-category', items, attributes),
      categories.length,
    )
  })

  app.get('/incoming-categories/:id', async (request, reply) => {
    const id = String(pathId(request, 'incoming-category'))
    const { categories } = await expenseAccountsOf(core, tenant(request))
    const category = categories.find((account) => account.number === id)
    if (!category) throw notFound('incoming-category', id)
    return sendRecord(request, reply, categoryToWire(category))
  })
}

function categoryToWire(account: Readonly<{ number: string; name: string }>): WireRecord {
  return record('incoming-category', [
    int('id', account.number),
    str('name', account.name),
    int('expense_account_number', account.number),
  ])
}
