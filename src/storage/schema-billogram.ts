// Row types of the tables created by migration 0003-billogram.ts, merged into Database in schema.ts.

export type BillogramTables = Record<never, never>
