// The server engine: PostgreSQL through pg. Type parsers make pg return the same JavaScript
// types as the SQLite adapter: bigint for int8 (money), strings for numeric, dates as
// YYYY-MM-DD and instants as ISO 8601, so no value ever becomes a float or a local-time Date.

import { PostgresDialect } from 'kysely'
import pg from 'pg'

const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const

function toIsoInstant(text: string): string {
  return new Date(text.includes('T') ? text : `${text.replace(' ', 'T')}`).toISOString()
}

export function pgTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides()
  types.setTypeParser(OID.int8, (text: string) => BigInt(text))
  types.setTypeParser(OID.numeric, (text: string) => text)
  types.setTypeParser(OID.date, (text: string) => text)
  types.setTypeParser(OID.timestamptz, toIsoInstant)
  types.setTypeParser(OID.timestamp, (text: string) => toIsoInstant(`${text}Z`))
  return types
}

export function createPostgresPool(connectionString: string, maxConnections = 10): pg.Pool {
  return new pg.Pool({ connectionString, max: maxConnections, types: pgTypes() })
}

export function createPostgresDialect(pool: pg.Pool): PostgresDialect {
  return new PostgresDialect({ pool })
}
