// Gives every test worker a PostgreSQL server: the one DATABASE_URL names, or a throwaway
// cluster started here and stopped when the run ends.

import type { TestProject } from 'vitest/node'
import { startPostgresCluster } from './postgres-cluster.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.DATABASE_URL) {
    project.provide('postgresUrl', process.env.DATABASE_URL)
    return () => {}
  }
  const cluster = await startPostgresCluster()
  console.log(`[faktura] throwaway PostgreSQL cluster started at ${cluster.url}`)
  project.provide('postgresUrl', cluster.url)
  return () => {
    cluster.stop()
    console.log('[faktura] throwaway PostgreSQL cluster stopped')
  }
}
