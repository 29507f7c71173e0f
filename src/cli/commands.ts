// The table of CLI commands. Each command opens what it needs, prints a human line or JSON, and
// returns its exit code (-1: keep the process running, for the server).

import type { Config } from '../config/config.ts'
import { createCredential } from '../core/credentials/create-credential.ts'
import { isDialect } from '../core/credentials/credential-kinds.ts'
import { createOrganization, type Locale } from '../core/organizations/create-organization.ts'
import { DIALECTS } from '../dialects/all.ts'
import { invalidField } from '../domain/errors.ts'
import { openCore, startFaktura } from '../main.ts'
import { openStorage } from '../storage/database.ts'
import { migrateToLatest } from '../storage/migrate.ts'
import { AUTOMATION_COMMANDS } from './automation-commands.ts'
import { DELIVERY_COMMANDS } from './delivery-commands.ts'
import { clientInstructions, createDemo, ensureDemo } from './demo.ts'
import { PARTNER_COMMANDS } from './partner-commands.ts'

export type CommandContext = Readonly<{
  config: Config
  flags: Readonly<Record<string, string | boolean | undefined>>
  json: boolean
  print: (human: string, data: unknown) => void
}>

export type Command = Readonly<{
  name: string
  summary: string
  run: (context: CommandContext) => Promise<number>
}>

function required(context: CommandContext, flag: string): string {
  const value = context.flags[flag]
  if (typeof value !== 'string' || value === '') throw invalidField(flag, `--${flag} is required`)
  return value
}

async function serve(context: CommandContext, withDemo: boolean): Promise<number> {
  const startedAtMs = performance.now()
  const core = await openCore(context.config)
  const demo = withDemo ? await ensureDemo(core, context.config) : undefined
  const running = await startFaktura(context.config, core)
  const readyMs = Math.round(performance.now() - startedAtMs)
  context.print(
    [
      `Faktura listening on ${running.urls.main} (${core.storage.engine}, ready in ${readyMs} ms)`,
      demo ? clientInstructions(context.config, demo) : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    { event: 'listening', urls: running.urls, engine: core.storage.engine, readyMs, demo },
  )
  const stop = (signal: string) => {
    running.servers[0]?.log.info({ signal }, 'shutting down')
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
  return -1
}

const CORE_COMMANDS: readonly Command[] = [
  {
    name: 'serve',
    summary: 'serve [--port N] [--data-dir DIR] [--sandbox]: run the server',
    run: (c) => serve(c, false),
  },
  {
    name: 'start',
    summary: 'start: serve, creating a demo organization on the first run',
    run: (c) => serve(c, true),
  },
  {
    name: 'migrate',
    summary: 'migrate: bring the database schema up to date',
    async run(context) {
      const storage = openStorage({
        dataDir: context.config.dataDir,
        databaseUrl: context.config.databaseUrl,
      })
      try {
        const applied = await migrateToLatest(storage.db)
        context.print(applied.length ? `applied ${applied.join(', ')}` : 'schema is up to date', {
          engine: storage.engine,
          applied,
        })
        return 0
      } finally {
        await storage.close()
      }
    },
  },
  {
    name: 'demo',
    summary:
      'demo: seed a new demo organization (customers, products, invoices in several states) and print its credentials',
    async run(context) {
      const core = await openCore(context.config)
      try {
        const demo = await createDemo(core)
        context.print(clientInstructions(context.config, demo), demo)
        return 0
      } finally {
        await core.storage.close()
      }
    },
  },
  {
    name: 'org create',
    summary: 'org create --name NAME --country SE|DK|DE|... --currency SEK|... [--locale sv|da|de|en]',
    async run(context) {
      const core = await openCore(context.config)
      try {
        const locale = context.flags.locale as Locale | undefined
        const organization = await createOrganization(core, {
          name: required(context, 'name'),
          country: required(context, 'country'),
          currency: required(context, 'currency'),
          ...(locale ? { locale } : {}),
        })
        context.print(organization.organizationId, organization)
        return 0
      } finally {
        await core.storage.close()
      }
    },
  },
  {
    name: 'credentials create',
    summary: 'credentials create --org ID --dialect billogram|billomat|billy [--email E --password P]',
    async run(context) {
      const dialect = required(context, 'dialect')
      if (!isDialect(dialect)) throw invalidField('dialect', '--dialect must be billogram, billomat or billy')
      const core = await openCore(context.config)
      try {
        const email = context.flags.email
        const password = context.flags.password
        const credential = await createCredential(core, {
          organizationId: required(context, 'org'),
          dialect,
          ...(typeof email === 'string' && typeof password === 'string'
            ? { userPassword: { email, password } }
            : {}),
        })
        const baseUrl = `${context.config.publicBaseUrl}${DIALECTS.find((mount) => mount.name === dialect)?.prefix ?? ''}`
        const secrets = Object.entries(credential.secrets).map(([key, value]) => `${key}: ${value}`)
        context.print(
          [`base URL: ${baseUrl}`, ...secrets, '(the secret is shown only this once)'].join('\n'),
          { ...credential, baseUrl },
        )
        return 0
      } finally {
        await core.storage.close()
      }
    },
  },
]

export const COMMANDS: readonly Command[] = [
  ...CORE_COMMANDS,
  ...DELIVERY_COMMANDS,
  ...AUTOMATION_COMMANDS,
  ...PARTNER_COMMANDS,
]

export function usage(): string {
  return [
    'usage: faktura <command> [--json] [--data-dir DIR]',
    '',
    ...COMMANDS.map((command) => `  faktura ${command.summary}`),
    '',
  ].join('\n')
}
