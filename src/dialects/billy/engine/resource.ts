// How a Billy resource is described, once, declaratively: its names, properties with their types
// and access rules, its relations, which operations it supports, its filters and sort keys. The
// engine reads this to parse requests, enforce readonly and immutable properties, resolve
// includes and build responses; the OpenAPI document is generated from the same description.
// A store behind each description does the work through core use cases.

import type { CoreContext } from '../../../core/context.ts'
import type { Authenticated } from '../../../core/credentials/authenticate.ts'

export type PropertyType =
  | 'string'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  /** A belongs-to relation written as `<relation>Id`. */
  | 'id'
  /** A polymorphic belongs-to written as `<relation>Reference`, "type:id". */
  | 'reference'
  /** A list of strings (country groups' member ids). */
  | 'strings'

/** Billy's notes column: readonly is never written by a client, immutable only on create. */
export type Access = 'writable' | 'readonly' | 'immutable'

export type PropertyDef = Readonly<{
  type: PropertyType
  access?: Access
  required?: boolean
  values?: readonly string[]
  /** For `id`: the resource (singular) the relation points at; the relation is named without `Id`. */
  resource?: string
  description?: string
}>

export type HasManyDef = Readonly<{
  /** The child resource (singular). */
  resource: string
  /** The child's property pointing back at the parent, e.g. `invoiceId`. */
  inverse: string
  /** `replace`: may be saved embedded, replacing the existing children. */
  save: 'replace' | 'create' | 'readonly'
  description?: string
}>

export type Operation = 'get' | 'list' | 'create' | 'update' | 'delete' | 'bulkSave' | 'bulkDelete'

export type FilterType =
  | 'string'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'integer'
  | 'float'
  | 'enum'
  | 'reference'

export type FilterDef = Readonly<{ type: FilterType; values?: readonly string[]; description?: string }>

export type ResourceDef = Readonly<{
  singular: string
  plural: string
  description?: string
  properties: Readonly<Record<string, PropertyDef>>
  hasMany?: Readonly<Record<string, HasManyDef>>
  /** What the vendor documents as supported; anything else answers 405 before authentication. */
  operations: readonly Operation[]
  filters?: Readonly<Record<string, FilterDef>>
  sortable?: readonly string[]
  defaultSort?: string
  /** Whether `q` searches this resource. */
  search?: boolean
  /** Reference data anyone may read without credentials (Billy's public routes). */
  public?: boolean
}>

/** A record as it goes on the wire: an id and camelCase properties. */
export type WireRecord = Readonly<Record<string, unknown>> & Readonly<{ id: string }>

/** A parsed request record: only the properties the client sent, already type-checked. */
export type WireInput = Readonly<{
  values: Readonly<Record<string, unknown>>
  children: Readonly<Record<string, readonly WireInput[]>>
  clientId?: unknown
}>

export type RequestContext = Readonly<{
  core: CoreContext
  tenant: Authenticated
  /** The absolute URL of the dialect's root, e.g. http://host:8080/billy/v2. */
  baseUrl: string
  /** The client's language from Accept-Language ('en' when absent), for names Billy localizes. */
  language: string
  /** Records loaded during this request, by "resource:id", so includes do not load them twice. */
  cache: Map<string, unknown>
  /** Facts that never change once made (an organization's base currency), kept across requests. */
  facts: Map<string, unknown>
}>

export type ListQuery = Readonly<{
  /** Documented filters the client sent, values already checked against their FilterDef. */
  filters: Readonly<Record<string, readonly string[]>>
  q?: string
  sort?: Readonly<{ property: string; direction: 'asc' | 'desc' }>
  offset: number
  limit: number
}>

export type ListResult = Readonly<{ records: readonly WireRecord[]; total: number }>

export type RecordRef = Readonly<{ resource: string; id: string; clientId?: unknown }>

/** Everything a write changed, so the response can carry each record under its plural key. */
export type Changes = Readonly<{ changed: readonly RecordRef[]; deleted: readonly RecordRef[] }>

export type Store = Readonly<{
  /** Core field names as this resource's wire names, for refusals (`invoiceDate` is `entryDate`). */
  fieldNames?: Readonly<Record<string, string>>
  load: (context: RequestContext, ids: readonly string[]) => Promise<readonly WireRecord[]>
  list?: (context: RequestContext, query: ListQuery) => Promise<ListResult>
  /** Children of these parents, by the child's inverse property (for has-many includes). */
  byParent?: (
    context: RequestContext,
    inverse: string,
    parentIds: readonly string[],
  ) => Promise<readonly WireRecord[]>
  create?: (context: RequestContext, input: WireInput) => Promise<Changes>
  /** Creates from a raw request body instead of a JSON record (`POST /v2/files`). */
  upload?: (
    context: RequestContext,
    body: Buffer,
    headers: Readonly<Record<string, unknown>>,
  ) => Promise<Changes>
  update?: (context: RequestContext, id: string, input: WireInput, current: WireRecord) => Promise<Changes>
  /** Deletes one record; an id that does not exist is not an error (DELETE is idempotent). */
  delete?: (context: RequestContext, id: string) => Promise<Changes>
}>

export type Resource = Readonly<{ def: ResourceDef; store: Store }>

export function mergeChanges(...all: readonly Changes[]): Changes {
  return { changed: all.flatMap((c) => c.changed), deleted: all.flatMap((c) => c.deleted) }
}
