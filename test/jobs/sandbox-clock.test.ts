// Proves the sandbox clock's doors: the HTTP admin route moves an organization's clock and runs
// each day's jobs when the server runs in sandbox mode, answers 403, 401, 404 and 400 otherwise,
// and the CLI refuses without --sandbox and moves the clock with it; the ledger balances after each.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { createCredential } from '../../src/core/credentials/create-credential.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { loadInvoice } from '../../src/core/invoices/invoice-record.ts'
import { createOrganization } from '../../src/core/organizations/create-organization.ts'
import { DIALECTS } from '../../src/dialects/all.ts'
import { registerSandboxClock } from '../../src/http/sandbox-clock.ts'
import { buildServer, createServices } from '../../src/http/server.ts'
import { createScheduler } from '../../src/jobs/scheduler.ts'
import { createWorld, expectBalancedLedger, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

const CLI = resolve(import.meta.dirname, '../../src/cli/main.ts')

async function appFor(world: World, sandbox: boolean): Promise<FastifyInstance> {
  const config = loadConfig({ 'data-dir': '/tmp/unused', sandbox }, { LOG_LEVEL: 'silent' })
  const services = createServices(config, world.core)
  const app = await buildServer(services, DIALECTS)
  registerSandboxClock(app, services, createScheduler({ context: world.core }))
  return app
}

describeEachEngine('the sandbox clock', ({ storage, dataDir, databaseUrl }) => {
  let world: World
  let token: string
  let sandbox: FastifyInstance
  let production: FastifyInstance

  beforeAll(async () => {
    world = await createWorld(storage())
    token = (
      await createCredential(world.core, { organizationId: world.tenant.organizationId, dialect: 'billy' })
    ).secrets.accessToken as string
    sandbox = await appFor(world, true)
    production = await appFor(world, false)
  })
  afterEach(async () => expectBalancedLedger(storage(), world.tenant.organizationId))
  afterAll(async () => {
    await sandbox.close()
    await production.close()
  })

  const advance = (
    app: FastifyInstance,
    body: unknown,
    organizationId = world.tenant.organizationId,
    headers = {},
  ) =>
    app.inject({
      method: 'POST',
      url: `/admin/organizations/${organizationId}/clock/advance`,
      headers: { 'x-access-token': token, ...headers },
      payload: body as Record<string, unknown>,
    })

  test('advancing over HTTP moves the day and runs its jobs: the invoice is overdue', async () => {
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      invoiceDate: '2026-11-02',
      dueDate: '2026-11-05',
      lines: [{ productId: world.productId, quantity: '1' }],
    })
    await approveInvoice(world.core, world.tenant, draft.invoiceId)

    const response = await advance(sandbox, { days: 4 })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ clockOffsetDays: 4, today: '2026-11-06' })
    expect(response.json().runs).toHaveLength(4)
    const invoice = await loadInvoice(storage().db, world.tenant.organizationId, draft.invoiceId)
    expect(invoice?.state).toBe('overdue')
  })

  test('the route refuses without sandbox mode, without a credential, for another organization and for bad days', async () => {
    const off = await advance(production, { days: 1 })
    const anonymous = await advance(sandbox, { days: 1 }, undefined, { 'x-access-token': '' })
    const other = await createOrganization(world.core, { name: 'Annan AB', country: 'SE', currency: 'SEK' })
    const foreign = await advance(sandbox, { days: 1 }, other.organizationId)
    const zero = await advance(sandbox, { days: 0 })

    expect([off.statusCode, anonymous.statusCode, foreign.statusCode, zero.statusCode]).toEqual([
      403, 401, 404, 400,
    ])
    expect(zero.json()).toMatchObject({ error: 'invalid_field', field: 'days' })
    expect(off.json().message).toContain('sandbox')
  })

  test('the CLI refuses to move the clock without --sandbox and moves it with it', async () => {
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [CLI, 'clock', 'advance', '--org', world.tenant.organizationId, '--days', '2', ...args],
        {
          encoding: 'utf8',
          timeout: 30_000,
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl() ?? '',
            FAKTURA_DATA_DIR: dataDir(),
            FAKTURA_SANDBOX: '',
          },
        },
      )
    const before = (
      await storage()
        .db.selectFrom('organizations')
        .select('clock_offset_days')
        .where('organization_id', '=', world.tenant.organizationId)
        .executeTakeFirstOrThrow()
    ).clock_offset_days

    const refused = run()
    const moved = run('--sandbox', '--json')

    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('sandbox')
    expect(moved.status).toBe(0)
    expect(JSON.parse(moved.stdout)).toMatchObject({ clockOffsetDays: before + 2 })
  })
})
