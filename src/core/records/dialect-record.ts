// A dialect's own small record (a Billomat unit, tax, tag, comment, template, ...): numbered per
// organization and resource with a whole number, its fields kept as JSON the dialect owns, and
// optionally hung on a core row (`ownerId`). The one place that knows the billomat_records columns.

import type { Executor } from '../../storage/database.ts'
import type { BillomatRecordsTable } from '../../storage/schema-billomat.ts'

export type RecordData = Readonly<Record<string, unknown>>

export type DialectRecord = Readonly<{
  resource: string
  recordNo: bigint
  ownerId: string | null
  data: RecordData
  createdAt: string
  updatedAt: string
}>

export const MAX_RECORD_DATA_CHARS = 1_000_000

export function recordFromRow(row: BillomatRecordsTable): DialectRecord {
  return {
    resource: row.resource,
    recordNo: row.record_no,
    ownerId: row.owner_id,
    data: JSON.parse(row.data) as RecordData,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function loadRecord(
  db: Executor,
  organizationId: string,
  resource: string,
  recordNo: bigint,
): Promise<DialectRecord | undefined> {
  const row = await db
    .selectFrom('billomat_records')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('resource', '=', resource)
    .where('record_no', '=', recordNo)
    .executeTakeFirst()
  return row ? recordFromRow(row) : undefined
}
