// Proves the seed's Python quick start (000_6565a723d6fb4c4b.txt) runs unchanged against Faktura
// with only BASE_URL and the credentials changed: it creates a customer and a billogram sent by
// email, through python3's `requests` over a real socket.

import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { PREFIX, useBillogramApi } from './support/billogram-api.ts'

const SCRIPT = readFileSync(join(import.meta.dirname, 'fixtures/quickstart.py'), 'utf8')
const SEED = join(import.meta.dirname, '../../../../shared/seeds/000_6565a723d6fb4c4b.txt')
const python = spawnSync('python3', ['-c', 'import requests'], { timeout: 10_000 })
const skipReason =
  python.error !== undefined
    ? 'python3 is not installed'
    : python.status !== 0
      ? 'python3 has no requests module (pip install requests)'
      : undefined

/** The script with its three configuration lines pointed at this server, and nothing else changed. */
function configured(baseUrl: string, user: string, key: string): string {
  const replaced = SCRIPT.replace(/^API_USER = .*$/m, `API_USER = ${JSON.stringify(user)}`)
    .replace(/^API_PASSWORD = .*$/m, `API_PASSWORD = ${JSON.stringify(key)}`)
    .replace(/^BASE_URL = .*$/m, `BASE_URL = ${JSON.stringify(baseUrl)}`)
  const changed = replaced.split('\n').filter((line, index) => line !== SCRIPT.split('\n')[index])
  if (changed.length !== 3) throw new Error('the quick start no longer has its three configuration lines')
  return replaced
}

test.runIf(existsSync(SEED))('the quick start fixture is the seed code block, verbatim', () => {
  expect(readFileSync(SEED, 'utf8')).toContain(SCRIPT.trimEnd())
})

describeEachEngine('billogram python quick start', ({ storage }) => {
  const api = useBillogramApi(storage)
  let baseUrl = ''

  beforeAll(async () => {
    const address = await api.app().listen({ host: '127.0.0.1', port: 0 })
    baseUrl = `${address}${PREFIX}`
  })
  afterAll(async () => api.app().close())

  test.skipIf(skipReason !== undefined)(
    `creates a customer and sends a billogram${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const { user, key } = api.credentials()
      const script = configured(baseUrl, user, key)

      const run = await runPython(script)

      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      const customerNo = /Created customer: (\d+)/.exec(run.stdout)?.[1]
      const billogramId = /Billogram created and sent with ID: (\w+)/.exec(run.stdout)?.[1]
      expect(customerNo).toBeDefined()
      expect(billogramId).toBeDefined()
      const billogram = await api.call('GET', `/billogram/${billogramId}`)
      expect(billogram.json.data).toMatchObject({
        state: 'Unpaid',
        delivery_method: 'Email',
        total_sum: 18750,
        customer: { customer_no: Number(customerNo), name: 'ACME Corp' },
        info: { message: 'Thank you for your business!' },
      })
    },
  )
})

/** Runs a script on python3's stdin, bounded to 30 seconds. */
function runPython(script: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-'], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
    child.stdin.end(script)
  })
}
