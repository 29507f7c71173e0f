// The description of a Billomat resource kept as dialect records (units, taxes, tags, comments,
// templates, properties, ...): its fields with their wire types and rules, its list filters and
// order fields, and the parent a record may hang on. One reader and one renderer serve them all,
// so every such resource validates, filters and answers by the same rules.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { ScalarType } from '../wire/tree.ts'

export type FieldType = 'text' | 'integer' | 'id' | 'float' | 'bool' | 'enum' | 'date' | 'base64'

export type FieldSpec = Readonly<{
  name: string
  type: FieldType
  required?: boolean
  /** Written when a create leaves the field out. */
  defaultValue?: string
  values?: readonly string[]
  maxLength?: number
  /** Shown but never written by a client (set by the server). */
  readOnly?: boolean
  /** Not shown in answers (file contents). */
  hidden?: boolean
}>

/** The core row a record hangs on, named on the wire by an id field such as invoice_id. */
export type ParentSpec = Readonly<{
  field: string
  /** The core id behind the wire id; throws a clear error naming `field` when there is none. */
  resolve: (core: CoreContext, tenant: Tenant, id: bigint) => Promise<string>
  /** Lists must name the parent (Billomat's sub-resource lists, §5). */
  requiredInList?: boolean
  /** Records may only change while the parent allows it, e.g. a DRAFT document. */
  assertWritable?: (core: CoreContext, tenant: Tenant, ownerId: string) => Promise<void>
}>

export type FilterSpec = Readonly<{ field: string; op: 'eq' | 'contains' | 'in' }>

export type RecordSpec = Readonly<{
  /** The path after /api/, e.g. `units` or `invoice-tags`. */
  path: string
  /** The record kind in storage, e.g. `unit`. */
  resource: string
  /** The singular element, e.g. `unit`; the plural is `path` unless given. */
  element: string
  plural?: string
  fields: readonly FieldSpec[]
  filters?: Readonly<Record<string, FilterSpec>>
  parent?: ParentSpec
  methods: readonly ('list' | 'get' | 'create' | 'update' | 'delete')[]
  /** Whether answers carry `updated` (records that can be edited). */
  hasUpdated?: boolean
  /** A field only one record may have set to 1 (is_default): setting it clears the others. */
  exclusiveFlag?: string
  /** The flag is exclusive among records with the same value of this field (an email template's type). */
  exclusiveScope?: string
  /** Derived keys stored beside the fields, for filters (a property value's "id:value" key). */
  keys?: (data: Readonly<Record<string, string>>) => Readonly<Record<string, string>>
  /** Refuses a delete that would break something (a unit still used by an article). */
  beforeDelete?: (
    core: CoreContext,
    tenant: Tenant,
    data: Readonly<Record<string, string>>,
    recordNo: bigint,
  ) => Promise<void>
  /**
   * Runs inside a create's, edit's or delete's transaction, after the record is written (mirrors the
   * records into the core): when it throws, nothing of the change is saved.
   */
  afterChange?: (core: CoreContext, tenant: Tenant) => Promise<void>
  /** Checks a create or edit beyond single fields (a referenced record exists). */
  validate?: (core: CoreContext, tenant: Tenant, data: Readonly<Record<string, string>>) => Promise<void>
}>

export function scalarTypeOf(type: FieldType): ScalarType {
  switch (type) {
    case 'integer':
    case 'id':
      return 'integer'
    case 'float':
      return 'float'
    case 'date':
      return 'date'
    default:
      return 'string'
  }
}
