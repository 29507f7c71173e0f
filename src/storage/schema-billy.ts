// Row types of the tables created by migration 0005-billy.ts, merged into Database in schema.ts.

export type BillyTables = Record<never, never>
