// Row types of the tables created by migration 0004-billomat.ts, merged into Database in schema.ts.

export type BillomatTables = Record<never, never>
