// Proves on both engines that Billy's ledger resources show the one core ledger: an invoice and a
// payment made through the core (as the other dialects make them) appear as Billy's transactions
// and postings; the chart of accounts, tax rates, organization, user and reference data read as
// Billy's do; and accounts can be added, changed and removed.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createContact } from '../../../src/core/contacts/create-contact.ts'
import { createCredential } from '../../../src/core/credentials/create-credential.ts'
import { approveInvoice } from '../../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../../src/core/invoices/create-invoice.ts'
import { recordPayment } from '../../../src/core/payments/record-payment.ts'
import { createProduct } from '../../../src/core/products/create-product.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

type Posting = { accountId: string; amount: number; side: string; transactionId: string; isVoided: boolean }

describeEachEngine('billy ledger and chart', ({ storage }) => {
  let world: BillyWorld
  let accountIds: Record<number, string>
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const accounts = (await world.client.get('/accounts')).json().accounts
    accountIds = Object.fromEntries(
      accounts.map((account: { accountNo: number; id: string }) => [account.accountNo, account.id]),
    )
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  describe('the core ledger through Billy', () => {
    test('an invoice approved and paid through the core shows as Billy’s transactions and postings', async () => {
      const { core, tenant } = world
      const contact = await createContact(core, tenant, {
        name: 'Other Dialect A/S',
        address: { country: 'DK' },
      })
      const product = await createProduct(core, tenant, {
        name: 'Timer',
        vatRatePercent: '25',
        prices: [{ currency: 'DKK', unitPrice: '800' }],
      })
      const draft = await createInvoice(core, tenant, {
        contactId: contact.contactId,
        lines: [{ productId: product.productId }],
      })
      const approved = await approveInvoice(core, tenant, draft.invoiceId)
      const payment = await recordPayment(core, tenant, {
        invoiceId: approved.invoiceId,
        amountMinor: 100000n,
        paidOn: '2026-11-05',
      })

      const invoice = (await world.client.get(`/invoices/${approved.invoiceId}`)).json().invoice
      const transactions = (
        await world.client.get(
          `/transactions?originatorReference=invoice:${approved.invoiceId}&include=transaction.postings:embed`,
        )
      ).json().transactions
      const paymentPostings: Posting[] = (
        await world.client.get(`/postings?originatorReference=bankPayment:${payment.paymentId}`)
      ).json().postings

      expect(invoice).toMatchObject({
        state: 'approved',
        isPaid: true,
        balance: 0,
        amount: 800,
        tax: 200,
        grossAmount: 1000,
      })
      expect(transactions).toHaveLength(1)
      expect(transactions[0]).toMatchObject({
        isVoided: false,
        entryDate: approved.invoiceDate,
        transactionNo: expect.any(Number),
      })
      expect(transactions[0].postings.map((p: Posting) => [p.accountId, p.amount, p.side])).toEqual([
        [accountIds[5810], 1000, 'debit'],
        [accountIds[1110], 800, 'credit'],
        [accountIds[7410], 200, 'credit'],
      ])
      expect(paymentPostings.map((p) => [p.accountId, p.amount, p.side])).toEqual([
        [accountIds[5710], 1000, 'debit'],
        [accountIds[5810], 1000, 'credit'],
      ])
    })

    test('postings filter by account and sum to every account’s balance', async () => {
      const receivables: Posting[] = (
        await world.client.get(`/postings?accountId=${accountIds[5810]}&isVoided=false`)
      ).json().postings

      const balance = receivables.reduce(
        (sum, p) => sum + (p.side === 'debit' ? 1 : -1) * Math.round(p.amount * 100),
        0,
      )

      expect(receivables.length).toBeGreaterThan(0)
      expect(balance).toBe(0)
    })

    test('postings and transactions are read-only', async () => {
      const create = await world.client.post('/postings', { posting: {} })
      const update = await world.client.put('/transactions/x', { transaction: {} })

      expect(create.statusCode).toBe(405)
      expect(update.statusCode).toBe(405)
    })
  })

  describe('chart of accounts', () => {
    test('the Danish chart holds the numbers Billy’s clients look up, with natures and groups', async () => {
      const response = await world.client.get(
        '/accounts?accountNo=1110&include=account.group:embed,account.nature:sideload',
      )

      const [sales] = response.json().accounts
      expect(response.json().accounts).toHaveLength(1)
      expect(sales).toMatchObject({
        accountNo: 1110,
        name: 'Salg',
        natureId: 'revenue',
        groupId: 'group-revenue',
      })
      expect(sales.group).toMatchObject({ natureId: 'revenue' })
      expect(response.json().accountNatures[0]).toMatchObject({ id: 'revenue', normalBalance: 'credit' })
      for (const number of [5710, 5810, 7410]) expect(accountIds[number]).toBeDefined()
    })

    test('payment accounts are found by isPaymentEnabled', async () => {
      const response = await world.client.get('/accounts?isPaymentEnabled=true')

      expect(response.json().accounts.map((account: { accountNo: number }) => account.accountNo)).toEqual([
        5710,
      ])
    })

    test('an account is created, renamed, archived and deleted; a role account is not deleted', async () => {
      const created = await world.client.post('/accounts', {
        account: { name: 'Husleje', accountNo: 2210, groupId: 'group-expense', _clientId: 'a' },
      })
      const id = created.json().accounts[0].id

      const renamed = await world.client.put(`/accounts/${id}`, {
        account: { name: 'Lokaleleje', isArchived: true },
      })
      const removed = await world.client.delete(`/accounts/${id}`)
      const bank = await world.client.delete(`/accounts/${accountIds[5710]}`)

      expect(created.json().accounts[0]).toMatchObject({
        natureId: 'expense',
        accountNo: 2210,
        _clientId: 'a',
      })
      expect(renamed.json().accounts[0]).toMatchObject({ name: 'Lokaleleje', isArchived: true })
      expect(removed.json().meta.deletedRecords.accounts).toEqual([id])
      expect(bank.statusCode).toBe(422)
    })

    test('a taken account number is refused naming accountNo', async () => {
      const response = await world.client.post('/accounts', {
        account: { name: 'Dubbel', accountNo: 1110, groupId: 'group-revenue' },
      })

      expect(response.statusCode).toBe(422)
      expect(response.json().validationErrors.account.attributes).toHaveProperty('accountNo')
    })
  })

  describe('tax rates, organization, user and reference data', () => {
    test('tax rates are fractions and a product’s ruleset falls back to one', async () => {
      const rates = (await world.client.get('/taxRates?appliesToSales=true')).json().taxRates
      const ruleset = (
        await world.client.get('/salesTaxRulesets/ruleset-25?include=salesTaxRuleset.fallbackTaxRate:embed')
      ).json()

      expect(rates.find((rate: { id: string }) => rate.id === 'sales-25')).toMatchObject({
        rate: 0.25,
        appliesToSales: true,
      })
      expect(ruleset.salesTaxRuleset.fallbackTaxRate).toMatchObject({ id: 'sales-25', rate: 0.25 })
    })

    test('GET /organization and /user describe the token’s company and caller', async () => {
      const organization = (await world.client.get('/organization')).json().organization
      const user = (await world.client.get('/user')).json().user
      const organizations = (await world.client.get('/user/organizations')).json().organizations

      expect(organization).toMatchObject({
        id: world.tenant.organizationId,
        countryId: 'DK',
        baseCurrencyId: 'DKK',
        localeId: 'da_DK',
      })
      expect(organization.defaultSalesAccountId).toBe(accountIds[1110])
      expect(user.id).toEqual(expect.any(String))
      expect(organizations.map((item: { id: string }) => item.id)).toEqual([world.tenant.organizationId])
    })

    test('the organization’s own settings are updated by PUT; another organization is not found', async () => {
      const id = world.tenant.organizationId

      const response = await world.client.put(`/organizations/${id}`, {
        organization: {
          street: 'Nørregade 1',
          zipcode: '1165',
          city: 'København K',
          fax: '11223344',
          paymentTermsDays: 14,
        },
      })
      const other = await world.client.put('/organizations/someone-else', { organization: { name: 'X' } })

      expect(response.json().organizations[0]).toMatchObject({
        street: 'Nørregade 1',
        zipcode: '1165',
        fax: '11223344',
        paymentTermsDays: 14,
      })
      expect(other.statusCode).toBe(404)
    })

    test('Basic auth with the user’s email and password reaches the same company', async () => {
      await createCredential(world.core, {
        organizationId: world.tenant.organizationId,
        dialect: 'billy',
        userPassword: { email: 'ejer@ninja.example', password: 'hemmelig kode' },
      })

      const response = await world.app.inject({
        url: '/billy/v2/user',
        headers: {
          authorization: `Basic ${Buffer.from('ejer@ninja.example:hemmelig kode').toString('base64')}`,
        },
      })

      expect(response.json().user.email).toBe('ejer@ninja.example')
    })

    test('names of reference data follow Accept-Language', async () => {
      const danish = await world.app.inject({
        url: '/billy/v2/countries/DE',
        headers: { 'accept-language': 'da-DK,da;q=0.9' },
      })
      const currencies = await world.app.inject('/billy/v2/currencies?q=krone')

      expect(danish.json().country.name).toBe('Tyskland')
      expect(currencies.json().currencies.map((currency: { id: string }) => currency.id)).toEqual(
        expect.arrayContaining(['DKK', 'NOK']),
      )
    })
  })
})
