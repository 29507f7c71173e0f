// Runs one behaviour over both storage engines, the way every storage and use-case test must:
// each test file gets its own SQLite file and its own PostgreSQL database, migrated fresh.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { type Engine, openMigratedStorage, type Storage } from '../../src/storage/database.ts'
import { newId } from '../../src/storage/ids.ts'

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres']

export async function createPostgresDatabase(adminUrl: string): Promise<string> {
  const name = `faktura_test_${newId().replaceAll('-', '').slice(-20)}`
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export type EngineContext = Readonly<{
  engine: Engine
  storage: () => Storage
  databaseUrl: () => string | undefined
  dataDir: () => string
}>

/** Declares the suite once per engine; `storage()` is ready inside tests and hooks. */
export function describeEachEngine(title: string, body: (context: EngineContext) => void): void {
  for (const engine of ENGINES) {
    describe(`${title} [${engine}]`, () => {
      let storage: Storage | undefined
      let dataDir = ''
      let databaseUrl: string | undefined
      beforeAll(async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'faktura-test-'))
        databaseUrl = engine === 'postgres' ? await createPostgresDatabase(inject('postgresUrl')) : undefined
        storage = await openMigratedStorage({ dataDir, databaseUrl })
      })
      afterAll(async () => {
        await storage?.close()
        rmSync(dataDir, { recursive: true, force: true })
      })
      body({
        engine,
        storage: () => {
          if (!storage) throw new Error('storage is opened in beforeAll')
          return storage
        },
        databaseUrl: () => databaseUrl,
        dataDir: () => dataDir,
      })
    })
  }
}
