// Configuration is read once, from the environment and command-line flags (flags win), checked,
// and passed down as one typed value. Nothing else in Faktura reads process.env.

import { resolve } from 'node:path'

export type Config = Readonly<{
  host: string
  port: number
  dataDir: string
  databaseUrl: string | undefined
  smtpUrl: string | undefined
  mailFrom: string
  publicBaseUrl: string
  logLevel: string
  bodyLimitBytes: number
  sandbox: boolean
  allowPrivateWebhookTargets: boolean
  dialectPorts: Readonly<{ billogram?: number; billomat?: number; billy?: number }>
  /** Billomat's quota per 15-minute window, without and with registered app headers. */
  billomatRateLimit: Readonly<{ perWindow: number; perWindowWithApp: number }>
}>

export type Flags = Readonly<Record<string, string | boolean | undefined>>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

function portFrom(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined || value === '' || typeof value === 'boolean') return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`${name} must be a port number, got ${value}`)
  return port
}

function text(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0)
    throw new ConfigError(`${name} must be a positive integer, got ${value}`)
  return number
}

function flag(value: string | boolean | undefined): boolean {
  return value === true || value === '1' || value === 'true' || value === 'yes'
}

export function loadConfig(flags: Flags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = portFrom(flags.port ?? env.PORT, 'port') ?? 8080
  const host = text(flags.host) ?? env.HOST ?? '127.0.0.1'
  const publicBaseUrl = (
    text(flags['public-url']) ??
    env.PUBLIC_BASE_URL ??
    `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
  ).replace(/\/+$/, '')
  try {
    new URL(publicBaseUrl)
  } catch {
    throw new ConfigError(`PUBLIC_BASE_URL must be an absolute URL, got ${publicBaseUrl}`)
  }
  const bodyLimitBytes = positiveInteger(env.BODY_LIMIT_BYTES, 'BODY_LIMIT_BYTES', 10 * 1024 * 1024)
  const dialectPorts: { billogram?: number; billomat?: number; billy?: number } = {}
  for (const dialect of ['billogram', 'billomat', 'billy'] as const) {
    const value = portFrom(
      flags[`${dialect}-port`] ?? env[`${dialect.toUpperCase()}_PORT`],
      `${dialect}-port`,
    )
    if (value !== undefined) dialectPorts[dialect] = value
  }
  return {
    host,
    port,
    dataDir: resolve(text(flags['data-dir']) ?? env.FAKTURA_DATA_DIR ?? 'data'),
    databaseUrl: text(flags['database-url']) ?? text(env.DATABASE_URL),
    smtpUrl: text(flags['smtp-url']) ?? text(env.SMTP_URL),
    mailFrom: env.MAIL_FROM ?? 'Faktura <faktura@localhost>',
    publicBaseUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimitBytes,
    sandbox: flag(flags.sandbox) || flag(env.FAKTURA_SANDBOX),
    allowPrivateWebhookTargets: flag(env.ALLOW_PRIVATE_WEBHOOK_TARGETS),
    dialectPorts,
    // Billomat's own quotas: 300 requests a window, 1000 with X-AppId and X-AppSecret.
    billomatRateLimit: {
      perWindow: positiveInteger(env.BILLOMAT_RATE_LIMIT, 'BILLOMAT_RATE_LIMIT', 300),
      perWindowWithApp: positiveInteger(env.BILLOMAT_RATE_LIMIT_APP, 'BILLOMAT_RATE_LIMIT_APP', 1000),
    },
  }
}
