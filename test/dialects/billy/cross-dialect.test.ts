// Proves, on both engines, that an invoice made and paid through the Billomat dialect is shown
// by Billy as Billy shows its own: the invoice with its amounts, isPaid and balance, one
// transaction with originatorReference invoice:<id> posting Dr 5810 Debitorer, Cr 1110 Salg and
// Cr 7410 Salgsmoms of a Danish organization's chart, and the payment's postings, which agree
// with the core's account balances.

import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../../src/config/config.ts'
import { createCredential } from '../../../src/core/credentials/create-credential.ts'
import { billyDialect } from '../../../src/dialects/billy/plugin.ts'
import { buildServer, createServices } from '../../../src/http/server.ts'
import { describeEachEngine } from '../../support/engines.ts'
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
