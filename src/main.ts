// Process wiring: config -> storage -> core -> HTTP (and, as they arrive, the workers). The only
// place where concrete providers are chosen.

import type { FastifyInstance } from 'fastify'
import type { Config } from './config/config.ts'
import { type CoreContext, systemClock } from './core/context.ts'
import { DIALECTS } from './dialects/all.ts'
import { buildDialectServer, buildServer, createServices } from './http/server.ts'
import { openMigratedStorage, type Storage } from './storage/database.ts'

export type Running = Readonly<{
  storage: Storage
  core: CoreContext
  servers: readonly FastifyInstance[]
  urls: Readonly<Record<string, string>>
  close: () => Promise<void>
}>

export async function openCore(config: Config): Promise<CoreContext> {
  const storage = await openMigratedStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl })
  return { storage, clock: systemClock }
}

export async function startFaktura(config: Config, core?: CoreContext): Promise<Running> {
  const context = core ?? (await openCore(config))
  const services = createServices(config, context)
  const main = await buildServer(services, DIALECTS)
  const servers: FastifyInstance[] = [main]
  const address = await main.listen({ host: config.host, port: config.port })
  const urls: Record<string, string> = { main: address }
  for (const dialect of DIALECTS) {
    const port = config.dialectPorts[dialect.name]
    if (port === undefined) continue
    const server = await buildDialectServer(services, dialect)
    urls[dialect.name] = await server.listen({ host: config.host, port })
    servers.push(server)
  }
  let closed = false
  return {
    storage: context.storage,
    core: context,
    servers,
    urls,
    async close() {
      if (closed) return
      closed = true
      await Promise.all(servers.map((server) => server.close()))
      await context.storage.close()
    },
  }
}
