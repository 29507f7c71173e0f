// Reads dialect records: one by number, or a page of a resource by the shared list spec, where a
// field of the record's JSON is named `data.<key>` and its owner `ownerId`.

import { notFound } from '../../domain/errors.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { withJsonFields } from '../queries/json-field.ts'
import {
  applyFilters,
  applyOrder,
  checkPage,
  type FieldMap,
  type ListSpec,
  type Page,
} from '../queries/list-spec.ts'
import { type DialectRecord, loadRecord, recordFromRow } from './dialect-record.ts'

const RECORD_FIELDS: FieldMap = {
  recordNo: 'billomat_records.record_no',
  ownerId: 'billomat_records.owner_id',
  createdAt: 'billomat_records.created_at',
  updatedAt: 'billomat_records.updated_at',
}

export async function getRecord(
  context: CoreContext,
  tenant: Tenant,
  resource: string,
  recordNo: bigint,
): Promise<DialectRecord> {
  const record = await loadRecord(context.storage.db, tenant.organizationId, resource, recordNo)
  if (!record) throw notFound(resource, String(recordNo))
  return record
}

export async function listRecords(
  context: CoreContext,
  tenant: Tenant,
  resource: string,
  spec: ListSpec,
): Promise<Page<DialectRecord>> {
  checkPage(spec)
  const fields = withJsonFields(RECORD_FIELDS, context.storage.engine, 'data', 'billomat_records.data', spec)
  const base = applyFilters(
    context.storage.db
      .selectFrom('billomat_records')
      .where('billomat_records.organization_id', '=', tenant.organizationId)
      .where('billomat_records.resource', '=', resource),
    fields,
    spec,
  )
  const [countRow, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<bigint>().as('count')).executeTakeFirstOrThrow(),
    applyOrder(base.selectAll(), fields, spec.orderBy ?? [], 'billomat_records.record_no')
      .limit(spec.limit)
      .offset(spec.offset)
      .execute(),
  ])
  return { items: rows.map(recordFromRow), totalCount: Number(countRow.count) }
}

/** Records matching `spec`, at most `spec.limit`, without the count a page carries: for lookups. */
export async function findRecords(
  context: CoreContext,
  tenant: Tenant,
  resource: string,
  spec: ListSpec,
): Promise<DialectRecord[]> {
  checkPage(spec)
  const fields = withJsonFields(RECORD_FIELDS, context.storage.engine, 'data', 'billomat_records.data', spec)
  const base = applyFilters(
    context.storage.db
      .selectFrom('billomat_records')
      .where('billomat_records.organization_id', '=', tenant.organizationId)
      .where('billomat_records.resource', '=', resource),
    fields,
    spec,
  )
  const rows = await applyOrder(base.selectAll(), fields, spec.orderBy ?? [], 'billomat_records.record_no')
    .limit(spec.limit)
    .offset(spec.offset)
    .execute()
  return rows.map(recordFromRow)
}
