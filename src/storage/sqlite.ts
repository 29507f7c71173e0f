// The embedded engine: node:sqlite behind Kysely's SqliteDialect. The adapter owns two things
// Kysely cannot know: which statements return rows, and how SQLite's loosely typed values map
// to the same JavaScript types the PostgreSQL engine returns (see postgres.ts).

import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { type DatabaseConnection, type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely'

type ColumnReader = (value: unknown) => unknown

const asIs: ColumnReader = (value) => value
// Integers are read as bigint so money never passes through a double; columns declared as
// plain `integer` (counts, flags, line numbers) are small by construction and read as numbers.
const toNumber: ColumnReader = (value) => (typeof value === 'bigint' ? Number(value) : value)
const toBoolean: ColumnReader = (value) => (value === null ? null : value === 1n || value === 1)

function readerFor(declaredType: string | null): ColumnReader {
  switch (declaredType?.toLowerCase()) {
    case 'integer':
    case 'int':
      return toNumber
    case 'boolean':
      return toBoolean
    default:
      return asIs
  }
}

function toParameter(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.toISOString()
  return value
}

const STATEMENT_CACHE_LIMIT = 512

function adapt(db: DatabaseSync): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>()

  function wrap(stmt: StatementSync): SqliteStatement {
    stmt.setReadBigInts(true)
    const columns = stmt.columns()
    // Only the columns whose values change are visited: a wide row (an invoice) has a few.
    const readers = columns
      .map((column) => [column.name, readerFor(column.type)] as const)
      .filter(([, reader]) => reader !== asIs)
    const mapRow = (row: unknown): unknown => {
      const record = row as Record<string, unknown>
      for (const [name, reader] of readers) record[name] = reader(record[name])
      return record
    }
    const params = (parameters: ReadonlyArray<unknown>) => parameters.map(toParameter) as never[]
    return {
      reader: columns.length > 0,
      all: (parameters) => {
        const rows = stmt.all(...params(parameters))
        return readers.length === 0 ? rows : rows.map(mapRow)
      },
      run: (parameters) => stmt.run(...params(parameters)),
      *iterate(parameters) {
        for (const row of stmt.iterate(...params(parameters))) yield mapRow(row)
      },
    }
  }

  return {
    close: () => db.close(),
    prepare(sql) {
      const cached = cache.get(sql)
      if (cached) return cached
      const statement = wrap(db.prepare(sql))
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
      cache.set(sql, statement)
      return statement
    },
  }
}

export function openSqliteDatabase(path: string): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new DatabaseSync(path)
  // WAL lets readers run beside the single writer; NORMAL sync is durable across process
  // crashes in WAL mode and only risks the last commits on power loss.
  db.exec('PRAGMA journal_mode = WAL')
  db.exec('PRAGMA synchronous = NORMAL')
  db.exec('PRAGMA foreign_keys = ON')
  // A CLI command and the server may share the file: wait for the other writer instead of failing.
  db.exec('PRAGMA busy_timeout = 5000')
  return db
}

export function createSqliteDialect(path: string): SqliteDialect {
  return new SqliteDialect({
    database: async () => adapt(openSqliteDatabase(path)),
    onCreateConnection: async (_connection: DatabaseConnection) => {},
  })
}
