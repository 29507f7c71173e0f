// Billy's response bodies: `meta` on every answer; one record under its singular root key; a
// list under its plural key with `meta.paging`; and for every write, each record the request
// changed under its plural key (the `_clientId` it was sent with echoed) plus the ids of deleted
// records in `meta.deletedRecords` (seed "Responses to create/update/delete requests").

import { applyIncludes, type IncludeRun, type Includes, loadCached, type Out } from './include.ts'
import type { Paging, QueryValues } from './list-query.ts'
import type { ResourceRegistry } from './registry.ts'
import type { Changes, RequestContext, WireRecord } from './resource.ts'

export type Meta = Record<string, unknown>

export function successMeta(elapsedMs: number, extra: Meta = {}): Meta {
  return { statusCode: 200, success: true, time: Math.round(elapsedMs) / 1000, ...extra }
}

/**
 * Root records plus whatever `include` asked for. Sideloads are keyed by plural name; records of
 * the root's own resource that were only sideloaded come under the root's plural key.
 */
export async function withIncludes(
  context: RequestContext,
  registry: ResourceRegistry,
  includes: Includes,
  singular: string,
  records: readonly WireRecord[],
): Promise<{ records: Out[]; sideloads: Record<string, Out[]> }> {
  const run: IncludeRun = { context, registry, includes, sideloads: new Map() }
  const copies = records.map((record) => ({ ...record }) as Out)
  await applyIncludes(run, singular, copies)
  const rootPlural = registry.def(singular).plural
  const rootIds = new Set(copies.map((record) => String(record.id)))
  const sideloads: Record<string, Out[]> = {}
  for (const [plural, bucket] of run.sideloads) {
    const extra = [...bucket.values()].filter(
      (record) => plural !== rootPlural || !rootIds.has(String(record.id)),
    )
    if (extra.length > 0 || plural !== rootPlural) sideloads[plural] = extra
  }
  return { records: copies, sideloads }
}

/** The four paging URLs, keeping the client's other parameters (Billy's firstUrl has no page). */
export function pagingMeta(listUrl: string, values: QueryValues, paging: Paging, total: number): Meta {
  const pageCount = Math.max(1, Math.ceil(total / paging.pageSize))
  const kept = new URLSearchParams()
  for (const [name, list] of values) {
    if (['page', 'pageSize', 'offset'].includes(name)) continue
    const key = list.length > 1 || name === 'ids' ? `${name}[]` : name
    for (const value of list) kept.append(key, value)
  }
  const url = (page: number) => {
    const params = new URLSearchParams(kept)
    if (page > 1) params.set('page', String(page))
    params.set('pageSize', String(paging.pageSize))
    return `${listUrl}?${params.toString()}`
  }
  return {
    page: paging.page,
    pageCount,
    pageSize: paging.pageSize,
    total,
    firstUrl: url(1),
    previousUrl: paging.page > 1 ? url(Math.min(paging.page - 1, pageCount)) : null,
    nextUrl: paging.page < pageCount ? url(paging.page + 1) : null,
    lastUrl: url(pageCount),
  }
}

/** Every record a write changed, loaded fresh after commit, under its plural key. */
export async function changesBody(
  context: RequestContext,
  registry: ResourceRegistry,
  changes: Changes,
  meta: Meta,
  rootSingular: string,
): Promise<Record<string, unknown>> {
  const deleted = new Map<string, Set<string>>()
  for (const ref of changes.deleted) {
    const plural = registry.def(ref.resource).plural
    deleted.set(plural, (deleted.get(plural) ?? new Set()).add(ref.id))
  }
  const bySingular = new Map<string, Map<string, unknown>>([[rootSingular, new Map()]])
  for (const ref of changes.changed) {
    if (deleted.get(registry.def(ref.resource).plural)?.has(ref.id)) continue
    const ids = bySingular.get(ref.resource) ?? new Map<string, unknown>()
    if (!ids.has(ref.id) || ref.clientId !== undefined) ids.set(ref.id, ref.clientId)
    bySingular.set(ref.resource, ids)
  }
  const body: Record<string, unknown> = {}
  for (const [singular, ids] of bySingular) {
    const records = await loadCached(context, registry, singular, [...ids.keys()])
    if (records.length === 0 && singular === rootSingular && ids.size === 0) continue
    body[registry.def(singular).plural] = records.map((record) => {
      const clientId = ids.get(record.id)
      return clientId === undefined ? record : { ...record, _clientId: clientId }
    })
  }
  const deletedRecords = Object.fromEntries([...deleted].map(([plural, ids]) => [plural, [...ids]]))
  return {
    meta: { ...meta, ...(deleted.size > 0 ? { deletedRecords } : {}) },
    ...body,
  }
}
