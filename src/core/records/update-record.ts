// Replaces the fields of a dialect record (the dialect merges and validates them first), under the
// row lock so two concurrent edits apply one after the other.

import { invalidField, notFound } from '../../domain/errors.ts'
import { forUpdate } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import {
  type DialectRecord,
  MAX_RECORD_DATA_CHARS,
  type RecordData,
  recordFromRow,
} from './dialect-record.ts'

/** `change` receives the stored fields and returns the new ones; it may throw to refuse the edit. */
export async function updateRecord(
  context: CoreContext,
  tenant: Tenant,
  resource: string,
  recordNo: bigint,
  change: (current: DialectRecord) => RecordData,
): Promise<DialectRecord> {
  return context.storage.db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      context.storage,
      tx
        .selectFrom('billomat_records')
        .selectAll()
        .where('organization_id', '=', tenant.organizationId)
        .where('resource', '=', resource)
        .where('record_no', '=', recordNo),
    ).executeTakeFirst()
    if (!row) throw notFound(resource, String(recordNo))
    const data = JSON.stringify(change(recordFromRow(row)))
    if (data.length > MAX_RECORD_DATA_CHARS) throw invalidField(resource, 'the record is too large')
    const updated = await tx
      .updateTable('billomat_records')
      .set({ data, updated_at: nowIso(context) })
      .where('organization_id', '=', tenant.organizationId)
      .where('resource', '=', resource)
      .where('record_no', '=', recordNo)
      .returningAll()
      .executeTakeFirstOrThrow()
    return recordFromRow(updated)
  })
}
