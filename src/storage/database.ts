// Opens the configured engine and gives the rest of the code one handle to it. The engine is
// chosen once, at start-up: PostgreSQL when a connection URL is given, else one SQLite file in
// the data directory.

import { join } from 'node:path'
import { Kysely, type SelectQueryBuilder, type Transaction } from 'kysely'
import { migrateToLatest } from './migrate.ts'
import { createPostgresDialect, createPostgresPool } from './postgres.ts'
import type { Database } from './schema.ts'
import { createSqliteDialect } from './sqlite.ts'

export type Engine = 'sqlite' | 'postgres'

export type Storage = Readonly<{
  engine: Engine
  db: Kysely<Database>
  close: () => Promise<void>
}>

export type Tx = Transaction<Database>
export type Executor = Kysely<Database> | Tx

export type StorageOptions = Readonly<{
  databaseUrl?: string | undefined
  dataDir: string
  maxConnections?: number
}>

export const SQLITE_FILE_NAME = 'faktura.sqlite'

export function openStorage(options: StorageOptions): Storage {
  if (options.databaseUrl) {
    const pool = createPostgresPool(options.databaseUrl, options.maxConnections)
    const db = new Kysely<Database>({ dialect: createPostgresDialect(pool) })
    return { engine: 'postgres', db, close: () => db.destroy() }
  }
  const db = new Kysely<Database>({ dialect: createSqliteDialect(join(options.dataDir, SQLITE_FILE_NAME)) })
  return { engine: 'sqlite', db, close: () => db.destroy() }
}

export async function openMigratedStorage(options: StorageOptions): Promise<Storage> {
  const storage = openStorage(options)
  await migrateToLatest(storage.db)
  return storage
}

/**
 * Takes the row lock a read-modify-write needs. PostgreSQL locks the selected rows until commit;
 * SQLite has no row locks because it serializes writers, so the query runs unchanged.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  storage: Pick<Storage, 'engine'>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return storage.engine === 'postgres' ? query.forUpdate() : query
}

export function inTransaction<T>(storage: Storage, work: (tx: Tx) => Promise<T>): Promise<T> {
  return storage.db.transaction().execute(work)
}
