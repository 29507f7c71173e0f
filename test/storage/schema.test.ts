// Proves the schema is tenant-first on both engines: organization_id leads every primary and unique key.

import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { MIGRATOR_TABLES } from '../../src/storage/migrate.ts'
import { describeEachEngine } from '../support/engines.ts'

type KeyColumns = { table: string; key: string; columns: string[] }

async function keysOf(
  engine: string,
  storage: ReturnType<Parameters<Parameters<typeof describeEachEngine>[1]>[0]['storage']>,
): Promise<KeyColumns[]> {
  if (engine === 'postgres') {
    const result = await sql<{ table_name: string; constraint_name: string; columns: string[] }>`
      select tc.table_name, tc.constraint_name,
             array_agg(kcu.column_name::text order by kcu.ordinal_position) as columns
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      where tc.table_schema = 'public' and tc.constraint_type in ('PRIMARY KEY', 'UNIQUE')
      group by tc.table_name, tc.constraint_name`.execute(storage.db)
    return result.rows.map((row) => ({
      table: row.table_name,
      key: row.constraint_name,
      columns: row.columns,
    }))
  }
  const tables = await sql<{
    name: string
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(storage.db)
  const keys: KeyColumns[] = []
  for (const { name } of tables.rows) {
    const info = await sql<{
      name: string
      pk: bigint
    }>`select name, pk from pragma_table_info(${name})`.execute(storage.db)
    const pk = info.rows.filter((column) => column.pk > 0n).sort((a, b) => Number(a.pk - b.pk))
    keys.push({ table: name, key: `${name}_pk`, columns: pk.map((column) => column.name) })
    const indexes = await sql<{
      name: string
      unique: bigint
      origin: string
    }>`select name, "unique", origin from pragma_index_list(${name})`.execute(storage.db)
    for (const index of indexes.rows.filter((row) => row.unique === 1n && row.origin !== 'pk')) {
      const columns = await sql<{
        name: string
      }>`select name from pragma_index_info(${index.name}) order by seqno`.execute(storage.db)
      keys.push({ table: name, key: index.name, columns: columns.rows.map((column) => column.name) })
    }
  }
  return keys
}

describeEachEngine('schema', ({ engine, storage }) => {
  test('every primary and unique key of every tenant table starts with organization_id', async () => {
    const keys = (await keysOf(engine, storage())).filter(
      (key) => !(MIGRATOR_TABLES as readonly string[]).includes(key.table),
    )

    const offenders = keys.filter((key) => key.columns[0] !== 'organization_id')

    expect(keys.length).toBeGreaterThan(20)
    expect(offenders).toEqual([])
  })

  test('every tenant table has a primary key', async () => {
    const keys = await keysOf(engine, storage())
    const tables = new Set(keys.filter((key) => key.columns.length > 0).map((key) => key.table))

    expect([...tables]).toEqual(
      expect.arrayContaining([
        'organizations',
        'contacts',
        'invoices',
        'journal_lines',
        'outbox',
        'idempotency_keys',
      ]),
    )
  })
})
