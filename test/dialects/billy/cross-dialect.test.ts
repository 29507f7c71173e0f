// Proves, on both engines, that invoices made through the other dialects read through Billy as
// Billy shows its own: one completed and paid through Billomat in a Danish organization (its
// transaction Dr 5810 Debitorer, Cr 1110 Salg, Cr 7410 Salgsmoms; the payment Dr 5710, Cr 5810;
// isPaid with balance 0), and one sent through Billogram in a Swedish organization, whose BAS
// chart Billy shows as it is (Dr 1510, Cr 3001, Cr 2611). Each test ends with a zero trial balance.

import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../../src/config/config.ts'
import { createCredential } from '../../../src/core/credentials/create-credential.ts'
import { billyDialect } from '../../../src/dialects/billy/plugin.ts'
import { buildServer, createServices } from '../../../src/http/server.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from '../billogram/support/billogram-api.ts'
import { createBillogram, createCustomer } from '../billogram/support/fixtures.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from '../billomat/harness.ts'
import { type BillyClient, billyClient, trialBalanceMinor } from './billy-app.ts'

type Posting = { accountId: string; amount: number; side: string }
type Json = Record<string, unknown>

describeEachEngine('billy shows what another dialect posted', ({ storage }) => {
  let billomat: Billomat
  let billyApp: FastifyInstance
  let billy: BillyClient
  let accountIds: Record<number, string>
  beforeAll(async () => {
    billomat = await openBillomat(storage(), { country: 'DK', currency: 'DKK' })
    billyApp = await buildServer(
      createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), billomat.core),
      [billyDialect],
    )
    const credential = await createCredential(billomat.core, {
      organizationId: billomat.tenant.organizationId,
      dialect: 'billy',
    })
    billy = billyClient(billyApp, credential.secrets.accessToken ?? '')
    const accounts = (await billy.get('/accounts?pageSize=1000')).json().accounts
    accountIds = Object.fromEntries(
      accounts.map((account: { accountNo: number; id: string }) => [account.accountNo, account.id]),
    )
  })
  afterEach(async () => {
    await expectLedgerBalanced(storage(), billomat.tenant)
    expect(await trialBalanceMinor(storage(), billomat.tenant.organizationId)).toBe(0n)
  })
  afterAll(async () => {
    await billyApp.close()
    await billomat.close()
  })

  test('a Billomat invoice completed and paid shows as Billy’s invoice, transaction and postings', async () => {
    const clientId = await billomat.client('Kunde fra Billomat ApS')
    const draft = ok<{ invoice: Json }>(
      await billomat.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          date: '2026-11-02',
          'invoice-items': {
            'invoice-item': [{ title: 'Rådgivning', unit_price: '400', quantity: '2', tax_rate: '25' }],
          },
        },
      }),
      201,
    ).invoice
    const invoiceId = String(draft.id)
    ok(await billomat.json('PUT', `/invoices/${invoiceId}/complete`, {}))
    const payment = ok<{ 'invoice-payment': Json }>(
      await billomat.json('POST', '/invoice-payments', {
        'invoice-payment': { invoice_id: invoiceId, amount: '1000', date: '2026-11-05' },
      }),
      201,
    )['invoice-payment']

    const invoices = (await billy.get('/invoices')).json().invoices
    const transactions = (await billy.get('/transactions?include=transaction.postings:embed')).json()
      .transactions
    const shape = (postings: Posting[]) => postings.map((p) => [p.accountId, p.amount, p.side])

    expect(payment).toMatchObject({ invoice_id: invoiceId, amount: '1000' })
    expect(invoices).toEqual([
      expect.objectContaining({
        type: 'invoice',
        state: 'approved',
        invoiceNo: '1',
        entryDate: '2026-11-02',
        currencyId: 'DKK',
        amount: 800,
        tax: 200,
        grossAmount: 1000,
        balance: 0,
        isPaid: true,
      }),
    ])
    expect(transactions).toHaveLength(2)
    expect(transactions[0]).toMatchObject({
      originatorReference: `invoice:${invoices[0].id}`,
      entryDate: '2026-11-02',
      isVoided: false,
    })
    expect(shape(transactions[0].postings)).toEqual([
      [accountIds[5810], 1000, 'debit'],
      [accountIds[1110], 800, 'credit'],
      [accountIds[7410], 200, 'credit'],
    ])
    expect(transactions[1]).toMatchObject({
      originatorReference: expect.stringMatching(/^bankPayment:/),
      entryDate: '2026-11-05',
    })
    expect(shape(transactions[1].postings)).toEqual([
      [accountIds[5710], 1000, 'debit'],
      [accountIds[5810], 1000, 'credit'],
    ])
  })
})

describeEachEngine('billy shows what Billogram posted', ({ storage }) => {
  const api = useBillogramApi(storage)
  let billyApp: FastifyInstance
  let billy: BillyClient
  let accountIds: Record<number, string>
  beforeAll(async () => {
    billyApp = await buildServer(
      createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), api.core()),
      [billyDialect],
    )
    const credential = await createCredential(api.core(), {
      organizationId: api.organizationId(),
      dialect: 'billy',
    })
    billy = billyClient(billyApp, credential.secrets.accessToken ?? '')
    const accounts = (await billy.get('/accounts?pageSize=1000')).json().accounts
    accountIds = Object.fromEntries(
      accounts.map((account: { accountNo: number; id: string }) => [account.accountNo, account.id]),
    )
  })
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), api.organizationId())).toBe(0n)
  })
  afterAll(async () => billyApp.close())

  test('a billogram sent through Billogram shows as Billy’s invoice, transaction and postings', async () => {
    const customerNo = await createCustomer(api)
    const billogram = await createBillogram(api, customerNo, {
      on_success: { command: 'send', method: 'Email' },
    })

    const invoices = (await billy.get('/invoices')).json().invoices
    const transactions = (await billy.get('/transactions?include=transaction.postings:embed')).json()
      .transactions
    const shape = (postings: Posting[]) => postings.map((p) => [p.accountId, p.amount, p.side])

    expect(billogram.state).toBe('Unpaid')
    expect(invoices).toEqual([
      expect.objectContaining({
        state: 'approved',
        entryDate: '2026-03-02',
        currencyId: 'SEK',
        amount: 1000,
        tax: 250,
        grossAmount: 1250,
        balance: 1250,
        isPaid: false,
      }),
    ])
    // A Swedish organization keeps the BAS chart: 1510 Kundfordringar, 3001 Försäljning 25 %,
    // 2611 Utgående moms 25 %.
    expect(transactions).toHaveLength(1)
    expect(transactions[0].originatorReference).toBe(`invoice:${invoices[0].id}`)
    expect(shape(transactions[0].postings)).toEqual([
      [accountIds[1510], 1250, 'debit'],
      [accountIds[3001], 1000, 'credit'],
      [accountIds[2611], 250, 'credit'],
    ])
  })
})
