// Proves the command line end to end on the embedded database: it creates an organization and a
// credential, seeds a demo, and answers bad input with a clear message and exit code 2.

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, expect, test } from 'vitest'

const CLI = resolve(import.meta.dirname, '../../src/cli/main.ts')
const dataDir = mkdtempSync(join(tmpdir(), 'faktura-cli-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

function faktura(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, DATABASE_URL: '' },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

test('org create and credentials create print JSON a script can use', () => {
  const org = faktura(
    'org',
    'create',
    '--name',
    'Skript AB',
    '--country',
    'SE',
    '--currency',
    'SEK',
    '--json',
  )
  const { organizationId } = JSON.parse(org.stdout) as { organizationId: string }

  const credential = faktura(
    'credentials',
    'create',
    '--org',
    organizationId,
    '--dialect',
    'billogram',
    '--json',
  )

  expect(org.code).toBe(0)
  const parsed = JSON.parse(credential.stdout) as { secrets: Record<string, string>; baseUrl: string }
  expect(parsed.secrets.apiUser).toMatch(/^\d{4}-[A-Za-z]{8}$/)
  expect(parsed.secrets.apiKey).toMatch(/^[0-9a-f]{32}$/)
  expect(parsed.baseUrl).toMatch(/\/billogram\/api\/v2$/)
})

test('demo seeds an organization and prints a curl line per dialect', () => {
  const demo = faktura('demo')

  expect(demo.code).toBe(0)
  expect(demo.stdout.match(/curl /g)).toHaveLength(3)
})

test('bad input exits 2 with a message naming the problem', () => {
  const missing = faktura('org', 'create', '--name', 'X', '--country', 'SE')
  const unknownDialect = faktura('credentials', 'create', '--org', 'x', '--dialect', 'fortnox')

  expect(missing.code).toBe(2)
  expect(missing.stderr).toContain('--currency is required')
  expect(unknownDialect.code).toBe(2)
  expect(unknownDialect.stderr).toContain('--dialect must be')
})

test('serve answers /healthz and stops cleanly on SIGTERM', async () => {
  const server = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--json', '--data-dir', dataDir], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  })
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const listening = await new Promise<{ urls: { main: string } }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in: ${output}`)), 20_000)
    server.stdout.on('data', () => {
      const line = output.split('\n').find((candidate) => candidate.includes('"event":"listening"'))
      if (line) {
        clearTimeout(timer)
        resolve(JSON.parse(line) as { urls: { main: string } })
      }
    })
  })

  const health = await fetch(`${listening.urls.main}/healthz`)
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))
  server.kill('SIGTERM')

  expect(health.status).toBe(200)
  expect(await exited).toBe(0)
})
