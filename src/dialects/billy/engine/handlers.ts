// The seven operations every Billy resource shares, written once: get, list, create, update,
// bulk save (PATCH), delete and bulk delete. Each parses the wire against the resource's
// description, runs its store inside one transaction (so a record and its embedded children, or
// every record of a bulk request, are saved together or not at all), and answers in Billy's shape.

import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CoreContext } from '../../../core/context.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { DomainError, invalidField, notFound } from '../../../domain/errors.ts'
import { type Includes, loadCached, parseIncludes } from './include.ts'
import { parseListQuery, parsePaging, type QueryValues, queryValues } from './list-query.ts'
import { parseRecord } from './parse-record.ts'
import type { ResourceRegistry } from './registry.ts'
import {
  type Changes,
  mergeChanges,
  type RequestContext,
  type Resource,
  type WireInput,
  type WireRecord,
} from './resource.ts'
import { changesBody, pagingMeta, successMeta, withIncludes } from './respond.ts'
import { tagErrors } from './tag-error.ts'

export type Engine = Readonly<{
  registry: ResourceRegistry
  core: CoreContext
  contextOf: (request: FastifyRequest) => RequestContext
}>

function bodyRecord(body: unknown, key: string): unknown {
  if (typeof body !== 'object' || body === null || !(key in body))
    throw new DomainError(
      'missing_field',
      `the request body must hold the record under the root key "${key}"`,
      {
        field: key,
      },
    )
  return (body as Record<string, unknown>)[key]
}

function includesOf(values: QueryValues): Includes {
  return parseIncludes(values.get('include'))
}

export async function handleGet(
  engine: Engine,
  resource: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const context = engine.contextOf(request)
  const id = (request.params as { id: string }).id
  const [record] = await loadCached(context, engine.registry, resource.def.singular, [id])
  if (!record) throw notFound(resource.def.singular, id)
  const values = queryValues(request.query)
  const included = await withIncludes(context, engine.registry, includesOf(values), resource.def.singular, [
    record,
  ])
  return reply.send({
    meta: successMeta(reply.elapsedTime),
    [resource.def.singular]: included.records[0],
    ...included.sideloads,
  })
}

async function listRecords(
  context: RequestContext,
  resource: Resource,
  values: QueryValues,
): Promise<{ records: readonly WireRecord[]; total: number }> {
  const organizationIds = values.get('organizationId') ?? []
  if (
    organizationIds.length > 0 &&
    !organizationIds.includes(context.tenant.organizationId) &&
    !resource.def.public
  )
    return { records: [], total: 0 }
  const ids = values.get('ids') ?? []
  const paging = parsePaging(values)
  if (ids.length > 0) {
    const records = await resource.store.load(context, ids)
    return { records: records.slice(paging.offset, paging.offset + paging.pageSize), total: records.length }
  }
  if (!resource.store.list) throw invalidField('ids', `${resource.def.plural} are listed by ids[] only`)
  return resource.store.list(context, parseListQuery(resource.def, values))
}

export async function handleList(
  engine: Engine,
  resource: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const context = engine.contextOf(request)
  const values = queryValues(request.query)
  // A bad query parameter is keyed by the list's root key, the one the answer would have had.
  const { records, total } = await tagErrors(resource.def.plural, {}, undefined, () =>
    listRecords(context, resource, values),
  )
  for (const record of records) context.cache.set(`${resource.def.singular}:${record.id}`, record)
  const included = await withIncludes(
    context,
    engine.registry,
    includesOf(values),
    resource.def.singular,
    records,
  )
  const listUrl = `${context.baseUrl}/${resource.def.plural}`
  const { [resource.def.plural]: sameResource = [], ...others } = included.sideloads
  return reply.send({
    meta: successMeta(reply.elapsedTime, { paging: pagingMeta(listUrl, values, parsePaging(values), total) }),
    [resource.def.plural]: [...included.records, ...sameResource],
    ...others,
  })
}

async function respondChanges(
  engine: Engine,
  resource: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
  changes: Changes,
) {
  // A fresh context: the records are read again after commit, not from the write's cache.
  const context = engine.contextOf(request)
  return reply.send(
    await changesBody(
      context,
      engine.registry,
      changes,
      successMeta(reply.elapsedTime),
      resource.def.singular,
    ),
  )
}

export async function handleUpload(
  engine: Engine,
  resource: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const context = engine.contextOf(request)
  const upload = resource.store.upload
  if (!upload) throw invalidField(resource.def.singular, `${resource.def.plural} cannot be uploaded`)
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
  const changes = await inUnit(engine, context, (unit) =>
    tagErrors(resource.def.singular, resource.store.fieldNames ?? {}, undefined, () =>
      upload(unit, body, request.headers),
    ),
  )
  return respondChanges(engine, resource, request, reply, changes)
}

type Write = Readonly<{ input: WireInput; id?: string; current?: WireRecord }>

async function parseWrite(
  engine: Engine,
  resource: Resource,
  context: RequestContext,
  raw: unknown,
  id: string | undefined,
  recordKey: unknown,
): Promise<Write> {
  const current =
    id === undefined
      ? undefined
      : (await loadCached(context, engine.registry, resource.def.singular, [id]))[0]
  if (id !== undefined && !current) throw notFound(resource.def.singular, id)
  const clientId =
    typeof raw === 'object' && raw !== null ? (raw as { _clientId?: unknown })._clientId : undefined
  const input = await tagErrors(clientId ?? recordKey, {}, undefined, async () =>
    parseRecord(engine.registry.def, resource.def, raw, {
      mode: current ? 'update' : 'create',
      ...(current ? { current } : {}),
    }),
  )
  return { input, ...(id === undefined ? {} : { id }), ...(current ? { current } : {}) }
}

function runWrite(
  unit: RequestContext,
  resource: Resource,
  write: Write,
  recordKey: unknown,
): Promise<Changes> {
  const { store, def } = resource
  const key = write.input.clientId ?? recordKey
  return tagErrors(key, store.fieldNames ?? {}, write.input, async () => {
    if (write.id !== undefined && write.current) {
      if (!store.update) throw invalidField('id', `${def.plural} cannot be updated`)
      return store.update(unit, write.id, write.input, write.current)
    }
    if (!store.create) throw invalidField(def.singular, `${def.plural} cannot be created`)
    return store.create(unit, write.input)
  })
}

function inUnit<T>(
  engine: Engine,
  context: RequestContext,
  work: (unit: RequestContext) => Promise<T>,
): Promise<T> {
  return inOneTransaction(engine.core, (core) => work({ ...context, core, cache: new Map() }))
}

export async function handleSave(
  engine: Engine,
  resource: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const context = engine.contextOf(request)
  const id = (request.params as { id?: string }).id
  const raw = bodyRecord(request.body, resource.def.singular)
  const write = await parseWrite(engine, resource, context, raw, id, resource.def.singular)
  const changes = await inUnit(engine, context, (unit) =>
    runWrite(unit, resource, write, resource.def.singular),
  )
  return respondChanges(engine, resource, request, reply, changes)
}

export async function handleBulkSave(
  engine: Engine,
  resource: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const context = engine.contextOf(request)
  const list = bodyRecord(request.body, resource.def.plural)
  if (!Array.isArray(list))
    throw invalidField(resource.def.plural, `${resource.def.plural} must be a list of records`)
  const writes: Write[] = []
  for (const raw of list) {
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
    if (id !== undefined && typeof id !== 'string') throw invalidField('id', 'id must be a string')
    writes.push(await parseWrite(engine, resource, context, raw, id, resource.def.singular))
  }
  const changes = await inUnit(engine, context, async (unit) => {
    const all: Changes[] = []
    for (const write of writes) all.push(await runWrite(unit, resource, write, resource.def.singular))
    return mergeChanges(...all)
  })
  return respondChanges(engine, resource, request, reply, changes)
}

function deleteOne(unit: RequestContext, resource: Resource, id: string): Promise<Changes> {
  const remove = resource.store.delete
  if (!remove) throw invalidField('id', `${resource.def.plural} cannot be deleted`)
  return tagErrors(resource.def.singular, resource.store.fieldNames ?? {}, undefined, () => remove(unit, id))
}

export async function handleDelete(
  engine: Engine,
  resource: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const context = engine.contextOf(request)
  const id = (request.params as { id: string }).id
  const changes = await inUnit(engine, context, (unit) => deleteOne(unit, resource, id))
  return respondChanges(engine, resource, request, reply, changes)
}

/** Billy answers 400 INVALID_DELETE_ID_ARRAY unless the ids come as `ids[]` in the query, with no body. */
export class InvalidDeleteIds extends Error {
  override name = 'InvalidDeleteIds'
}

export async function handleBulkDelete(
  engine: Engine,
  resource: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const context = engine.contextOf(request)
  const raw = request.query as Record<string, unknown>
  const ids = Object.hasOwn(raw, 'ids[]') ? (queryValues({ 'ids[]': raw['ids[]'] }).get('ids') ?? []) : []
  const hasBody = request.body !== undefined && request.body !== null && request.body !== ''
  if (hasBody || ids.length === 0 || ids.some((id) => id.trim() === ''))
    throw new InvalidDeleteIds('Give the ids to delete as ids[]=<id> query parameters, without a body.')
  const changes = await inUnit(engine, context, async (unit) => {
    const all: Changes[] = []
    for (const id of new Set(ids)) all.push(await deleteOne(unit, resource, id))
    return mergeChanges(...all)
  })
  return respondChanges(engine, resource, request, reply, changes)
}
