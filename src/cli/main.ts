#!/usr/bin/env node
// The `faktura` command line: every command scriptable, with --json output, and the database
// chosen by --data-dir or DATABASE_URL.

import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config/config.ts'
import { DomainError } from '../domain/errors.ts'
import { COMMANDS, type CommandContext, usage } from './commands.ts'

const OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'public-url': { type: 'string' },
  'smtp-url': { type: 'string' },
  sandbox: { type: 'boolean' },
  name: { type: 'string' },
  country: { type: 'string' },
  currency: { type: 'string' },
  locale: { type: 'string' },
  org: { type: 'string' },
  dialect: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  days: { type: 'string' },
  invoice: { type: 'string' },
  outcome: { type: 'string' },
  amount: { type: 'string' },
  on: { type: 'string' },
  'billogram-port': { type: 'string' },
  'billomat-port': { type: 'string' },
  'billy-port': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  })
  const name = positionals.slice(0, 2).join(' ')
  const command =
    COMMANDS.find((candidate) => candidate.name === name) ??
    COMMANDS.find((candidate) => candidate.name === positionals[0])
  if (values.help || !command) {
    process.stdout.write(usage())
    return values.help ? 0 : 2
  }
  const context: CommandContext = {
    config: loadConfig(values),
    flags: values,
    json: values.json === true,
    print: (human, data) =>
      process.stdout.write(values.json ? `${JSON.stringify(data, bigintJson)}\n` : `${human}\n`),
  }
  return command.run(context)
}

function bigintJson(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code
  },
  (error: unknown) => {
    if (
      error instanceof DomainError ||
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`faktura: ${(error as Error).message}\n`)
      process.exitCode = 2
      return
    }
    process.stderr.write(`faktura: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 1
  },
)
