// Creates a dialect record with the next whole number of its resource, taken under the counter's
// row lock so two concurrent creates never share a number.

import { invalidField } from '../../domain/errors.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import {
  type DialectRecord,
  MAX_RECORD_DATA_CHARS,
  type RecordData,
  recordFromRow,
} from './dialect-record.ts'

export type CreateRecordInput = Readonly<{ resource: string; ownerId?: string | null; data: RecordData }>

export async function createRecord(
  context: CoreContext,
  tenant: Tenant,
  input: CreateRecordInput,
): Promise<DialectRecord> {
  const data = JSON.stringify(input.data)
  if (data.length > MAX_RECORD_DATA_CHARS) throw invalidField(input.resource, 'the record is too large')
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    const recordNo = await takeCounter(context.storage, tx, tenant.organizationId, `record:${input.resource}`)
    const row = await tx
      .insertInto('billomat_records')
      .values({
        organization_id: tenant.organizationId,
        resource: input.resource,
        record_no: recordNo,
        owner_id: input.ownerId ?? null,
        data,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return recordFromRow(row)
  })
}
