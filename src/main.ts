// Process wiring: config -> storage -> core -> HTTP, the outbox relay and the scheduler. The only
// place where concrete providers are chosen.

import type { FastifyInstance } from 'fastify'
import type { Config } from './config/config.ts'
import { mailFromAddress } from './config/mail-from.ts'
import { TAB_FAILURE_KIND } from './core/billing-tabs/bill-due-tabs.ts'
import { type CoreContext, systemClock } from './core/context.ts'
import { deliveryDirs } from './delivery/delivery-dirs.ts'
import { createInvoiceDeliveryHandlers } from './delivery/invoice/invoice-delivery-handlers.ts'
import { loadInvoiceDocument } from './delivery/invoice/load-invoice-document.ts'
import { createLocalPrintSpool } from './delivery/letters/local-print-spool.ts'
import { createLocalMailOutbox } from './delivery/mail/local-mail-outbox.ts'
import type { MailTransport } from './delivery/mail/mail-transport.ts'
import { createSmtpMailTransport } from './delivery/mail/smtp-mail-transport.ts'
import { ANNOUNCE_KIND, createAnnounceHandler } from './delivery/relay/announce-handler.ts'
import { createDeliveryHandlers } from './delivery/relay/delivery-handlers.ts'
import { createNoticeHandler } from './delivery/relay/notice-handler.ts'
import { createOutboxRelay, type OutboxRelay, type RelayLog } from './delivery/relay/outbox-relay.ts'
import { createWebhookHandler } from './delivery/relay/webhook-handler.ts'
import { createLocalSmsOutbox } from './delivery/sms/local-sms-outbox.ts'
import { dialectsFor } from './dialects/all.ts'
import { billogramAnnouncerFor } from './dialects/billogram/announce.ts'
import { billogramSignerFor } from './dialects/billogram/callback-signer.ts'
import { billogramTabFailureNotifierFor } from './dialects/billogram/tab-failure-notice.ts'
import { billomatAnnouncerFor } from './dialects/billomat/webhooks/announce.ts'
import {
  BILLOMAT_WEBHOOK_KIND,
  billomatWebhookDelivery,
} from './dialects/billomat/webhooks/webhook-delivery.ts'
import { registerSandboxClock } from './http/sandbox-clock.ts'
import { buildDialectServer, buildServer, createServices } from './http/server.ts'
import { createScheduler } from './jobs/scheduler.ts'
import { openMigratedStorage, type Storage } from './storage/database.ts'

export type Running = Readonly<{
  storage: Storage
  core: CoreContext
  servers: readonly FastifyInstance[]
  urls: Readonly<Record<string, string>>
  close: () => Promise<void>
}>

export type StartOptions = Readonly<{
  /** How long the outbox relay sleeps when it finds no full batch; tests shorten it. */
  relayPollIntervalMs?: number
  /** How long the scheduler sleeps between passes over the organizations; tests shorten it. */
  schedulerPollIntervalMs?: number
}>

/** Long enough to cost nothing when idle, short enough that a sent invoice leaves within a second or so. */
const RELAY_POLL_INTERVAL_MS = 1_000

export async function openCore(config: Config): Promise<CoreContext> {
  const storage = await openMigratedStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl })
  return { storage, clock: systemClock }
}

export async function startFaktura(
  config: Config,
  core?: CoreContext,
  options: StartOptions = {},
): Promise<Running> {
  const context = core ?? (await openCore(config))
  const services = createServices(config, context)
  const dialects = dialectsFor(config)
  const main = await buildServer(services, dialects)
  // Built before anything listens, so a bad MAIL_FROM stops the start with nothing to undo.
  const relay = createDelivery(config, context, main.log.child({ worker: 'outbox-relay' }), options)
  const scheduler = createScheduler({
    context,
    log: main.log.child({ worker: 'scheduler' }),
    ...(options.schedulerPollIntervalMs ? { pollIntervalMs: options.schedulerPollIntervalMs } : {}),
  })
  registerSandboxClock(main, services, scheduler)
  const servers: FastifyInstance[] = [main]
  const address = await main.listen({ host: config.host, port: config.port })
  const urls: Record<string, string> = { main: address }
  for (const dialect of dialects) {
    const port = config.dialectPorts[dialect.name]
    if (port === undefined) continue
    const server = await buildDialectServer(services, dialect)
    urls[dialect.name] = await server.listen({ host: config.host, port })
    servers.push(server)
  }
  relay.start()
  scheduler.start()
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
      // The scheduler finishes its batch in flight and gives back its claim; what it queued the
      // relay may still deliver.
      await scheduler.stop()
      // The relay lets the row in flight settle, which needs the database: storage closes last.
      await relay.stop()
      await context.storage.close()
    },
  }
}

/**
 * The transports (SMTP when SMTP_URL is set, else the local mail outbox; the local print spool
 * and SMS outbox), every handler, and the relay that runs them as a worker of this process.
 * Other processes on the same PostgreSQL run relays of their own; the claim keeps them apart.
 */
function createDelivery(
  config: Config,
  context: CoreContext,
  log: RelayLog,
  options: StartOptions,
): Pick<OutboxRelay, 'start' | 'stop'> {
  const dirs = deliveryDirs(config.dataDir)
  const smtp = config.smtpUrl ? createSmtpMailTransport({ url: config.smtpUrl, pool: true }) : undefined
  const mail: MailTransport = smtp ?? createLocalMailOutbox({ dir: dirs.mailOutbox })
  const letters = createLocalPrintSpool({ dir: dirs.printSpool })
  const sms = createLocalSmsOutbox({ dir: dirs.smsOutbox })
  // One operator switch opens private networks and loopback (never link-local metadata).
  const network = {
    allowPrivateNetworks: config.allowPrivateWebhookTargets,
    allowLoopback: config.allowPrivateWebhookTargets,
  }
  const handlers = {
    ...createDeliveryHandlers({
      mail,
      letters,
      sms,
      webhooks: { network, signerFor: billogramSignerFor(context) },
    }),
    // Billomat's webhooks: the same transport, with Billomat's retry schedule and basic auth.
    [BILLOMAT_WEBHOOK_KIND]: createWebhookHandler({ network, ...billomatWebhookDelivery(context) }),
    [ANNOUNCE_KIND]: createAnnounceHandler([
      billogramAnnouncerFor(context),
      billomatAnnouncerFor(context, config.publicBaseUrl),
    ]),
    [TAB_FAILURE_KIND]: createNoticeHandler([billogramTabFailureNotifierFor(context)]),
    ...createInvoiceDeliveryHandlers({
      mail,
      letters,
      sms,
      from: mailFromAddress(config.mailFrom),
      publicBaseUrl: config.publicBaseUrl,
      loadInvoiceDocument: (organizationId, invoiceId) =>
        loadInvoiceDocument(context, organizationId, invoiceId),
    }),
  }
  const relay = createOutboxRelay({
    storage: context.storage,
    handlers,
    pollIntervalMs: options.relayPollIntervalMs ?? RELAY_POLL_INTERVAL_MS,
    log,
  })
  return {
    start: relay.start,
    async stop() {
      await relay.stop()
      smtp?.close()
    },
  }
}
