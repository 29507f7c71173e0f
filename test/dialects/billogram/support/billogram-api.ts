// A Billogram API under test: the app built as main.ts builds it, an organization with a
// Billogram API user, and a client that speaks to it through inject(). After every test it checks
// the invariants the issue names: the organization's ledger balances, and every billogram's
// remaining_sum is its total less what was paid, credited and written off.

import type { FastifyInstance, HTTPMethods } from 'fastify'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { loadConfig } from '../../../../src/config/config.ts'
import type { CoreContext } from '../../../../src/core/context.ts'
import { createCredential } from '../../../../src/core/credentials/create-credential.ts'
import { createOrganization } from '../../../../src/core/organizations/create-organization.ts'
import { caseNoOf } from '../../../../src/dialects/billogram/ids.ts'
import { billogramDialect } from '../../../../src/dialects/billogram/plugin.ts'
import { buildServer, createServices } from '../../../../src/http/server.ts'
import type { Storage } from '../../../../src/storage/database.ts'
import { coreOf } from '../../../support/core-fixtures.ts'

export const PREFIX = '/billogram/api/v2'

export type Reply = Readonly<{
  status: number
  headers: Record<string, unknown>
  body: string
  // biome-ignore lint/suspicious/noExplicitAny: tests read the vendor's JSON by its documented shape
  json: any
}>

export type BillogramApi = Readonly<{
  app: () => FastifyInstance
  core: () => CoreContext
  organizationId: () => string
  credentials: () => Readonly<{ user: string; key: string }>
  authorization: () => string
  call: (
    method: HTTPMethods,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<Reply>
  /** Moves the clock the API runs on, for due dates and overdue invoices. */
  setNow: (iso: string) => void
}>

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

/** Registers the hooks of one suite: one app and one organization, invariants after every test. */
export function useBillogramApi(storage: () => Storage, startIso = '2026-03-02T09:00:00.000Z'): BillogramApi {
  let app: FastifyInstance | undefined
  let core: CoreContext | undefined
  let organizationId = ''
  let credentials = { user: '', key: '' }
  let now = new Date(startIso)

  beforeAll(async () => {
    core = coreOf(storage(), { now: () => now })
    app = await buildServer(
      createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), core),
      [billogramDialect],
    )
    const organization = await createOrganization(core, {
      name: 'Testbolaget AB',
      country: 'SE',
      currency: 'SEK',
      settings: {
        orgNo: '556036-0793',
        email: 'billing@testbolaget.example',
        bank: { bankgiro: '5050-1055' },
      },
    })
    organizationId = organization.organizationId
    const credential = await createCredential(core, { organizationId, dialect: 'billogram' })
    credentials = { user: credential.secrets.apiUser ?? '', key: credential.secrets.apiKey ?? '' }
  })
  afterAll(async () => app?.close())
  afterEach(async () => {
    await assertInvariants(storage(), organizationId)
    await assertBillogramSums(api, storage())
  })

  const api: BillogramApi = {
    app: () => app ?? fail('app'),
    core: () => core ?? fail('core'),
    organizationId: () => organizationId,
    credentials: () => credentials,
    authorization: () => basicAuth(credentials.user, credentials.key),
    setNow: (iso) => {
      now = new Date(iso)
    },
    async call(method, path, body, headers = {}) {
      const response = await api.app().inject({
        method,
        url: `${PREFIX}${path}`,
        headers: {
          authorization: api.authorization(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      })
      let json: unknown
      try {
        json = JSON.parse(response.body)
      } catch {
        json = undefined
      }
      return { status: response.statusCode, headers: response.headers, body: response.body, json }
    },
  }
  return api
}

/**
 * Every billogram's remaining_sum, as the list shows it, is its total_sum less what its invoices
 * were paid, credited and written off, and equals what the core says is still owed.
 */
async function assertBillogramSums(api: BillogramApi, storage: Storage): Promise<void> {
  if (!api.organizationId()) return
  const rows = await storage.db
    .selectFrom('invoices')
    .innerJoin('cases', (join) =>
      join
        .onRef('cases.organization_id', '=', 'invoices.organization_id')
        .onRef('cases.case_id', '=', 'invoices.case_id'),
    )
    .select([
      'cases.case_no',
      sql<bigint>`sum(invoices.paid_minor + invoices.credited_minor + invoices.written_off_minor)`.as(
        'taken',
      ),
      sql<bigint>`sum(invoices.gross_minor + invoices.fees_minor - invoices.paid_minor - invoices.credited_minor - invoices.written_off_minor)`.as(
        'owed',
      ),
    ])
    .where('invoices.organization_id', '=', api.organizationId())
    // A case's debit invoices, or the stand-alone credit (a credit note crediting no invoice) that opened it.
    .where((eb) =>
      eb.or([
        eb('invoices.kind', '=', 'invoice'),
        eb.and([eb('invoices.kind', '=', 'credit_note'), eb('invoices.credited_invoice_id', 'is', null)]),
      ]),
    )
    .groupBy('cases.case_no')
    .execute()
  const byCaseNo = new Map(rows.map((row) => [String(row.case_no), row]))
  for (let page = 1; ; page++) {
    const list = await api.call('GET', `/billogram?page=${page}&page_size=500`)
    for (const billogram of list.json.data as { id: string; total_sum: number; remaining_sum: number }[]) {
      const row = byCaseNo.get(String(caseNoOf(billogram.id)))
      const toMinor = (amount: number) => BigInt(Math.round(amount * 100))
      expect(row, `billogram ${billogram.id} has its case`).toBeDefined()
      expect(toMinor(billogram.remaining_sum)).toBe(BigInt(row?.owed ?? -1))
      expect(toMinor(billogram.total_sum) - BigInt(row?.taken ?? 0)).toBe(toMinor(billogram.remaining_sum))
    }
    if (page * 500 >= list.json.meta.total_count) break
  }
}

function fail(what: string): never {
  throw new Error(`${what} is created in beforeAll`)
}

/** Every entry balances, and each case's open balance is its total less payments, credits and write-offs. */
export async function assertInvariants(storage: Storage, organizationId: string): Promise<void> {
  if (!organizationId) return
  const unbalanced = await storage.db
    .selectFrom('journal_lines')
    .select(['entry_id', sql<bigint>`sum(debit_minor) - sum(credit_minor)`.as('difference')])
    .where('organization_id', '=', organizationId)
    .groupBy('entry_id')
    .having(sql`sum(debit_minor) - sum(credit_minor)`, '!=', 0)
    .execute()
  expect(unbalanced).toEqual([])
  const invoices = await storage.db
    .selectFrom('invoices')
    .select([
      'invoice_id',
      'gross_minor',
      'fees_minor',
      'paid_minor',
      'credited_minor',
      'written_off_minor',
      'kind',
      'state',
      'credited_invoice_id',
    ])
    .where('organization_id', '=', organizationId)
    .execute()
  for (const invoice of invoices) {
    const remaining =
      invoice.gross_minor +
      invoice.fees_minor -
      invoice.paid_minor -
      invoice.credited_minor -
      invoice.written_off_minor
    if (invoice.kind === 'invoice')
      expect(remaining >= 0n, `invoice ${invoice.invoice_id} owes ${remaining}`).toBe(true)
    else if (invoice.credited_invoice_id === null)
      // A stand-alone credit has between nothing and all of its (negative) total left.
      expect(
        remaining <= 0n && remaining >= invoice.gross_minor,
        `credit ${invoice.invoice_id} has ${remaining} left of ${invoice.gross_minor}`,
      ).toBe(true)
  }
}
