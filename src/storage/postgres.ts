// The server engine: PostgreSQL through pg. Type parsers make pg return the same JavaScript
// types as the SQLite adapter: bigint for int8 (money), strings for numeric, dates as
// YYYY-MM-DD and instants as ISO 8601, so no value ever becomes a float or a local-time Date.

import { PostgresDialect } from 'kysely'
import pg from 'pg'

const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const

/** PostgreSQL writes `2026-11-02 10:00:00.123+00`; JavaScript wants `T` and a `+00:00` offset. */
function toIsoInstant(text: string): string {
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')
  return new Date(iso).toISOString()
}

export function pgTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides()
  types.setTypeParser(OID.int8, (text: string) => BigInt(text))
  types.setTypeParser(OID.numeric, (text: string) => text)
  types.setTypeParser(OID.date, (text: string) => text)
  types.setTypeParser(OID.timestamptz, toIsoInstant)
  types.setTypeParser(OID.timestamp, (text: string) => toIsoInstant(`${text}+00`))
  return types
}

export function createPostgresPool(connectionString: string, maxConnections = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: maxConnections, types: pgTypes() })
  // An idle connection the server closes (a restart, an idle timeout) raises an error on the pool;
  // unhandled, it would end the process. The pool replaces the connection on the next checkout.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`)
  })
  return pool
}

export function createPostgresDialect(pool: pg.Pool): PostgresDialect {
  return new PostgresDialect({ pool })
}
