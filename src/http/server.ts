// The one HTTP server: shared plumbing (request ids, body limits, health, metrics, logging) and
// the three dialects mounted under their prefixes. Everything vendor-specific lives in the
// dialect plugins; this file decides nothing about invoices.

import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify'
import { sql } from 'kysely'
import type { Config } from '../config/config.ts'
import type { CoreContext } from '../core/context.ts'
import { type AuthCache, createAuthCache } from '../core/credentials/authenticate.ts'
import { registerIdempotency } from './idempotency.ts'
import { createMetrics, type Metrics } from './metrics.ts'
import { registerRecipientPage } from './recipient-page.ts'

export type AppServices = Readonly<{
  config: Config
  core: CoreContext
  authCache: AuthCache
  metrics: Metrics
}>

export type DialectMount = Readonly<{
  name: 'billogram' | 'billomat' | 'billy'
  prefix: string
  /** The vendor's own path prefix, used when the dialect listens on a port of its own. */
  ownPrefix: string
  plugin: FastifyPluginAsync<{ services: AppServices }>
}>

export function createServices(config: Config, core: CoreContext): AppServices {
  return { config, core, authCache: createAuthCache(), metrics: createMetrics() }
}

function baseServer(services: AppServices): FastifyInstance {
  const app = Fastify({
    logger: { level: services.config.logLevel },
    bodyLimit: services.config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    return503OnClosing: true,
  })
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.addHook('onResponse', async (request, reply) => {
    const dialect = request.url.split('/')[1] ?? ''
    services.metrics.observeRequest(
      {
        dialect: ['billogram', 'billomat', 'billy'].includes(dialect) ? dialect : 'other',
        method: request.method,
        status: reply.statusCode,
      },
      reply.elapsedTime / 1000,
    )
  })
  return app
}

function operationalRoutes(app: FastifyInstance, services: AppServices): void {
  app.get('/healthz', async () => ({ status: 'ok' }))
  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(services.core.storage.db)
      return { status: 'ready', engine: services.core.storage.engine }
    } catch (error) {
      reply.code(503)
      return { status: 'unavailable', reason: (error as Error).message }
    }
  })
  app.get('/metrics', async (_request, reply) => {
    const memory = process.memoryUsage()
    reply.header('content-type', 'text/plain; version=0.0.4')
    return services.metrics.render({
      faktura_process_resident_memory_bytes: memory.rss,
      faktura_process_heap_used_bytes: memory.heapUsed,
      faktura_process_uptime_seconds: Math.round(process.uptime()),
    })
  })
}

/** The main server: health and metrics at the root, each dialect under its prefix. */
export async function buildServer(
  services: AppServices,
  dialects: readonly DialectMount[],
): Promise<FastifyInstance> {
  const app = baseServer(services)
  operationalRoutes(app, services)
  await registerRecipientPage(app, services.core)
  registerIdempotency(app, services.core)
  for (const dialect of dialects) await app.register(dialect.plugin, { prefix: dialect.prefix, services })
  return app
}

/** A server for one dialect at the vendor's exact paths, for clients that only let you change the host. */
export async function buildDialectServer(
  services: AppServices,
  dialect: DialectMount,
): Promise<FastifyInstance> {
  const app = baseServer(services)
  operationalRoutes(app, services)
  registerIdempotency(app, services.core)
  await app.register(dialect.plugin, { prefix: dialect.ownPrefix, services })
  return app
}
