// Row types of the tables created by migration 0004-billomat.ts, merged into Database in schema.ts.

export type BillomatRecordsTable = {
  organization_id: string
  resource: string
  record_no: bigint
  owner_id: string | null
  data: string
  created_at: string
  updated_at: string
}

export type BillomatFilesTable = {
  organization_id: string
  owner_id: string
  kind: string
  file_no: bigint
  filename: string
  mimetype: string
  content_base64: string
  created_at: string
}

export type BillomatTables = {
  billomat_records: BillomatRecordsTable
  billomat_files: BillomatFilesTable
}
