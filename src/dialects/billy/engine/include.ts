// Billy's `include=resource.property:mode,...`: belongs-to and has-many relations, sideloaded
// (related records under their own plural root key; has-many parents get `<relation>Ids`) or
// embedded (the full record, or list of records, inside the parent). Includes apply to records
// of the named resource wherever they appear, so `invoice.contact:sideload,contact.country:embed`
// embeds the country in each sideloaded contact. Related records are loaded once per request.

import type { RequestContext, ResourceDef, Store, WireRecord } from './resource.ts'

export type IncludeMode = 'sideload' | 'embed'

/** Resource (singular) to relation name to mode. */
export type Includes = ReadonlyMap<string, ReadonlyMap<string, IncludeMode>>

export type Registry = Readonly<{
  bySingular: (singular: string) => Readonly<{ def: ResourceDef; store: Store }> | undefined
}>

export type Out = Record<string, unknown>

const MAX_DEPTH = 4

export function parseIncludes(values: readonly string[] | undefined): Includes {
  const includes = new Map<string, Map<string, IncludeMode>>()
  for (const item of (values ?? []).flatMap((value) => value.split(','))) {
    const match = /^\s*([A-Za-z]+)\.([A-Za-z]+)(?::(sideload|embed))?\s*$/.exec(item)
    if (!match) continue
    const [, resource = '', relation = '', mode = 'sideload'] = match
    const relations = includes.get(resource) ?? new Map<string, IncludeMode>()
    relations.set(relation, mode as IncludeMode)
    includes.set(resource, relations)
  }
  return includes
}

/** Loads records by id through the request cache, in the order asked. */
export async function loadCached(
  context: RequestContext,
  registry: Registry,
  singular: string,
  ids: readonly string[],
): Promise<WireRecord[]> {
  const resource = registry.bySingular(singular)
  if (!resource) return []
  const missing = [...new Set(ids)].filter((id) => !context.cache.has(`${singular}:${id}`))
  if (missing.length > 0) {
    for (const record of await resource.store.load(context, missing))
      context.cache.set(`${singular}:${record.id}`, record)
  }
  return ids.flatMap((id) => {
    const record = context.cache.get(`${singular}:${id}`) as WireRecord | undefined
    return record ? [record] : []
  })
}

/** One include pass over a response: what was asked, and the sideloads collected so far. */
export type IncludeRun = Readonly<{
  context: RequestContext
  registry: Registry
  includes: Includes
  sideloads: Map<string, Map<string, Out>>
}>

function addSideloads(run: IncludeRun, plural: string, records: readonly Out[]): void {
  const bucket = run.sideloads.get(plural) ?? new Map<string, Out>()
  for (const record of records) bucket.set(String(record.id), record)
  run.sideloads.set(plural, bucket)
}

type Step = Readonly<{ relation: string; mode: IncludeMode; records: readonly Out[]; depth: number }>

async function includeBelongsTo(run: IncludeRun, target: string, step: Step): Promise<void> {
  const property = `${step.relation}Id`
  const ids = step.records
    .map((record) => record[property])
    .filter((id): id is string => typeof id === 'string')
  const loaded = await loadCached(run.context, run.registry, target, ids)
  const related = new Map(loaded.map((record) => [record.id, { ...record } as Out]))
  await applyIncludes(run, target, [...related.values()], step.depth + 1)
  const targetDef = run.registry.bySingular(target)?.def
  if (step.mode === 'sideload' && targetDef) addSideloads(run, targetDef.plural, [...related.values()])
  if (step.mode === 'embed') {
    for (const record of step.records) record[step.relation] = related.get(record[property] as string) ?? null
  }
}

async function includeHasMany(run: IncludeRun, def: ResourceDef, step: Step): Promise<void> {
  const hasMany = def.hasMany?.[step.relation]
  const child = hasMany ? run.registry.bySingular(hasMany.resource) : undefined
  if (!hasMany || !child?.store.byParent) return
  const parentIds = step.records.map((record) => String(record.id))
  const loaded = await child.store.byParent(run.context, hasMany.inverse, parentIds)
  const children = loaded.map((record) => ({ ...record }) as Out)
  await applyIncludes(run, hasMany.resource, children, step.depth + 1)
  const byParent = new Map<string, Out[]>()
  for (const record of children) {
    // A polymorphic inverse (`subjectReference: "invoice:<id>"`) names its parent after the type.
    const parentId = String(record[hasMany.inverse]).replace(/^[A-Za-z]+:/, '')
    byParent.set(parentId, [...(byParent.get(parentId) ?? []), record])
  }
  for (const record of step.records) {
    const own = byParent.get(String(record.id)) ?? []
    if (step.mode === 'embed') record[step.relation] = own
    else record[`${step.relation.replace(/s$/, '')}Ids`] = own.map((item) => item.id)
  }
  if (step.mode === 'sideload') addSideloads(run, child.def.plural, children)
}

/** Adds the requested relations to `records` (mutable copies) of resource `singular`. */
export async function applyIncludes(
  run: IncludeRun,
  singular: string,
  records: readonly Out[],
  depth = 0,
): Promise<void> {
  const wanted = run.includes.get(singular)
  const def = run.registry.bySingular(singular)?.def
  if (!wanted || !def || records.length === 0 || depth > MAX_DEPTH) return
  for (const [relation, mode] of wanted) {
    const step = { relation, mode, records, depth }
    const property = def.properties[`${relation}Id`]
    if (property?.type === 'id' && property.resource) await includeBelongsTo(run, property.resource, step)
    else if (def.hasMany?.[relation]) await includeHasMany(run, def, step)
  }
}
