// Proves a Python integration built on requests, in the habits of the billomapy client (JSON
// session headers, None app headers, `null` bodies on PUT actions, per_page=1000 paging by the
// string @total), runs against Faktura over a real socket on both engines, with only its base URL
// changed. Skips, saying why, when python3 or requests is missing.

import { execFile, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../../src/config/config.ts'
import { createCredential } from '../../../src/core/credentials/create-credential.ts'
import { createOrganization } from '../../../src/core/organizations/create-organization.ts'
import { createBillomatDialect } from '../../../src/dialects/billomat/plugin.ts'
import { buildDialectServer, createServices } from '../../../src/http/server.ts'
import { accountBalances, coreOf } from '../../support/core-fixtures.ts'
import { describeEachEngine } from '../../support/engines.ts'

const execFileAsync = promisify(execFile)
const probe = spawnSync('python3', ['-c', 'import requests'], { timeout: 10_000 })
const pythonReady = probe.status === 0
const why = probe.error ? 'python3 is not installed' : 'the python package requests is not installed'

describeEachEngine('billomat from a Python requests client', ({ storage }) => {
  let app: FastifyInstance
  let baseUrl: string
  let apiKey: string
  let organizationId: string
  beforeAll(async () => {
    const core = coreOf(storage())
    const config = loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' })
    // The dialect's own server at Billomat's exact paths, as for a client that only changes the host.
    app = await buildDialectServer(createServices(config, core), createBillomatDialect())
    baseUrl = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api/`
    const organization = await createOrganization(core, {
      name: 'Python GmbH',
      country: 'DE',
      currency: 'EUR',
    })
    organizationId = organization.organizationId
    apiKey = (await createCredential(core, { organizationId, dialect: 'billomat' })).secrets.apiKey ?? ''
  })
  afterAll(async () => app.close())

  test.skipIf(!pythonReady)(`the whole flow succeeds${pythonReady ? '' : ` (skipped: ${why})`}`, async () => {
    const script = join(import.meta.dirname, 'fixtures', 'python_client_flow.py')

    // Asynchronously: the server answering the script runs in this very process.
    const run = await execFileAsync('python3', [script, baseUrl, apiKey], {
      timeout: 60_000,
      encoding: 'utf8',
    })

    expect(JSON.parse(run.stdout)).toEqual({
      client_status: 201,
      draft_status: 'DRAFT',
      completed_status: 'OPEN',
      total_gross: '298.1',
      pdf_starts: 'JVBER',
      payment_amount: '298.1',
      paid_status: 'PAID',
      open_amount: '0',
      rate_limit_remaining: expect.stringMatching(/^\d+$/),
      pages: 1,
      listed_one_as_object: true,
    })
    const total = [...(await accountBalances(storage(), organizationId)).values()].reduce(
      (sum, value) => sum + value,
      0n,
    )
    expect(total).toBe(0n)
  })
})
