// Proves that the Billy seed's own code examples (Node.js with axios, Python with requests, PHP
// with curl) run unchanged against Faktura on a real socket, with only the base URL and the token
// changed, on both engines. A language that is not installed is skipped, saying which.

import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../../src/config/config.ts'
import { billyDialect } from '../../../src/dialects/billy/plugin.ts'
import { buildDialectServer, createServices } from '../../../src/http/server.ts'
import { coreOf } from '../../support/core-fixtures.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

const SAMPLES = resolve(import.meta.dirname, 'samples')
const TOKENS = [
  'YOUR ACCESS TOKEN HERE',
  '0aa10580a9f06be67e864cc93c6da68ab5695340',
  'INSERT ACCESS TOKEN HERE',
]

function installed(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 10_000 })
    return true
  } catch {
    return false
  }
}

const HAS_PYTHON = installed('python3', ['-c', 'import requests'])
const HAS_PHP = installed('php', ['-r', 'exit(function_exists("curl_init") ? 0 : 1);'])

/** The sample with the vendor's base URL and placeholder token replaced, written to a scratch file. */
function prepared(file: string, extension: string, baseUrl: string, token: string): string {
  let source = readFileSync(join(SAMPLES, file), 'utf8').replaceAll(
    'https://api.billysbilling.com/v2',
    baseUrl,
  )
  for (const placeholder of TOKENS) source = source.replaceAll(placeholder, token)
  const path = join(mkdtempSync(join(tmpdir(), 'billy-sample-')), `sample.${extension}`)
  writeFileSync(path, source)
  return path
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((done, fail) => {
    execFile(command, args, { timeout: 30_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${command} failed: ${error.message}\n${stdout}\n${stderr}`))
      else done(stdout)
    })
  })
}

describeEachEngine('the Billy seed’s code examples', ({ storage }) => {
  let world: BillyWorld
  let server: FastifyInstance
  let baseUrl = ''
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const services = createServices(
      loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }),
      coreOf(storage()),
    )
    server = await buildDialectServer(services, billyDialect)
    baseUrl = `${await server.listen({ host: '127.0.0.1', port: 0 })}/v2`
  })
  afterAll(async () => {
    await server.close()
    await world.app.close()
  })
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  async function invoicesFor(contactName: string): Promise<number> {
    const contacts = (await world.client.get(`/contacts?q=${encodeURIComponent(contactName)}`)).json()
      .contacts
    let count = 0
    for (const contact of contacts)
      count += (await world.client.get(`/invoices?contactId=${contact.id}`)).json().meta.paging.total
    return count
  }

  test('the Node.js example creates a contact, a product and an invoice and reads it back', async () => {
    const before = await invoicesFor('John')
    const path = prepared('seed-sample.cjs.txt', 'cjs', baseUrl, world.token)

    const output = await run(process.execPath, [path], {
      NODE_PATH: resolve(import.meta.dirname, '../../../node_modules'),
    })

    expect(output).toContain("entryDate: '2013-11-14'")
    expect(await invoicesFor('John')).toBe(before + 1)
  })

  test.skipIf(!HAS_PYTHON)(
    `the Python example runs unchanged${HAS_PYTHON ? '' : ' (skipped: python3 with requests is not installed)'}`,
    async () => {
      const before = await invoicesFor('John')
      const path = prepared('seed-sample.py', 'py', baseUrl, world.token)

      const output = await run('python3', [path])

      // The sample prints the first invoice of the whole list, as it would against Billy.
      expect(output).toContain("'entryDate': '2013-11-14'")
      expect(await invoicesFor('John')).toBe(before + 1)
    },
  )

  test.skipIf(!HAS_PHP)(
    `the PHP example runs unchanged${HAS_PHP ? '' : ' (skipped: php with the curl extension is not installed)'}`,
    async () => {
      const before = await invoicesFor('Ninjas')
      const path = prepared('seed-sample.php', 'php', baseUrl, world.token)

      const output = await run('php', [path])

      expect(output).toContain('[entryDate] => 2013-11-14')
      expect(await invoicesFor('Ninjas')).toBe(before + 1)
    },
  )
})
