// The PostgreSQL a benchmark writes to: a fresh database on DATABASE_URL's server when it is set,
// else on a throwaway cluster started here. Either way the benchmark leaves nothing behind.

import pg from 'pg'
import { newId } from '../../src/storage/ids.ts'
import { startPostgresCluster } from '../../test/support/postgres-cluster.ts'

export type PostgresTarget = Readonly<{ databaseUrl: string; dispose: () => Promise<void> }>

const DISCONNECT_WAIT_MS = 5_000

async function adminQuery(adminUrl: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await client.query(text, values)
  } finally {
    await client.end()
  }
}

// pg's pool.end() resolves before its sockets are closed. Stopping the cluster in that window makes
// the server terminate them, and the pool then throws that error with no listener; DROP DATABASE
// refuses while they exist. So wait, bounded, until the database has no sessions.
async function waitForDisconnect(adminUrl: string, name: string): Promise<void> {
  const deadlineMs = Date.now() + DISCONNECT_WAIT_MS
  while (Date.now() < deadlineMs) {
    const { rows } = await adminQuery(
      adminUrl,
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    )
    if (rows[0]?.n === 0) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Call `dispose` after closing every pool on the database: it drops the database or the cluster. */
export async function openPostgresTarget(): Promise<PostgresTarget> {
  const external = process.env.DATABASE_URL
  const cluster = external ? undefined : await startPostgresCluster()
  const adminUrl = external ?? cluster!.url
  const name = `faktura_bench_${newId().replaceAll('-', '').slice(-20)}`
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    databaseUrl: url.toString(),
    async dispose() {
      await waitForDisconnect(adminUrl, name)
      if (cluster) cluster.stop()
      else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`)
    },
  }
}
