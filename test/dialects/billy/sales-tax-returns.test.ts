// Proves Billy's sales tax returns on both engines: the VAT quarters are listed from the first
// posting, settling one moves its output and input VAT to 7430 Momsafregning and marks its
// postings with salesTaxReturnId, a sales tax payment pays the settlement from the bank, a paid
// return cannot be reopened until the payment is voided, and reopening reverses the settlement.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

type Posting = { accountId: string; amount: number; side: string; salesTaxReturnId: string | null }

describeEachEngine('billy sales tax returns', ({ storage }) => {
  let world: BillyWorld
  let accountIds: Record<number, string>
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const accounts = (await world.client.get('/accounts')).json().accounts
    accountIds = Object.fromEntries(
      accounts.map((account: { accountNo: number; id: string }) => [account.accountNo, account.id]),
    )
    const customer = await world.client.post('/contacts', { contact: { name: 'Kunde ApS', countryId: 'DK' } })
    const supplier = await world.client.post('/contacts', {
      contact: { name: 'Leverandør ApS', countryId: 'DK', isSupplier: true },
    })
    const product = await world.client.post('/products', {
      product: { name: 'Ydelse', prices: [{ unitPrice: 1000, currencyId: 'DKK' }] },
    })
    await world.client.post('/invoices', {
      invoice: {
        contactId: customer.json().contacts[0].id,
        entryDate: '2024-05-02',
        state: 'approved',
        lines: [{ productId: product.json().products[0].id, unitPrice: 1000 }],
      },
    })
    await world.client.post('/bills', {
      bill: {
        contactId: supplier.json().contacts[0].id,
        entryDate: '2024-05-10',
        state: 'approved',
        lines: [{ accountId: accountIds[1840], taxRateId: 'purchase-25', description: 'Skærm', amount: 400 }],
      },
    })
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  async function postingsOn(accountNo: number): Promise<Posting[]> {
    return (await world.client.get(`/postings?accountId=${accountIds[accountNo]}&pageSize=1000`)).json()
      .postings
  }

  function balance(postings: readonly Posting[]): number {
    return postings.reduce((sum, p) => sum + (p.side === 'debit' ? p.amount : -p.amount), 0)
  }

  test('the VAT quarters are listed from the first posting to today', async () => {
    const response = await world.client.get('/salesTaxReturns?pageSize=100')

    const returns = response.json().salesTaxReturns
    expect(returns[0]).toMatchObject({
      id: '2024-Q2',
      periodType: 'quarter',
      period: 'quarter:2024-2',
      startDate: '2024-04-01',
      endDate: '2024-06-30',
      reportDeadline: '2024-09-01',
      isSettled: false,
      isPaid: false,
    })
    expect(returns.at(-1).id).toBe('2026-Q4')
  })

  test('settling a quarter moves its VAT to the settlement account and marks its postings', async () => {
    const settled = await world.client.put('/salesTaxReturns/2024-Q2', {
      salesTaxReturn: { isSettled: true },
    })

    expect(settled.statusCode).toBe(200)
    expect(settled.json().salesTaxReturns[0].isSettled).toBe(true)
    expect(balance(await postingsOn(7410))).toBe(0)
    expect(balance(await postingsOn(7420))).toBe(0)
    expect(balance(await postingsOn(7430))).toBe(-150)
    expect((await postingsOn(7410)).every((p) => p.salesTaxReturnId === '2024-Q2')).toBe(true)
  })

  test('a payment pays the settlement from the bank; a paid return is not reopened until it is voided', async () => {
    const payment = await world.client.post('/salesTaxPayments', {
      salesTaxPayment: { salesTaxReturnId: '2024-Q2', entryDate: '2024-09-01', accountId: accountIds[5710] },
    })
    const refused = await world.client.put('/salesTaxReturns/2024-Q2', {
      salesTaxReturn: { isSettled: false },
    })
    const again = await world.client.post('/salesTaxPayments', {
      salesTaxPayment: { salesTaxReturnId: '2024-Q2', entryDate: '2024-09-01', accountId: accountIds[5710] },
    })

    expect(payment.statusCode).toBe(200)
    expect(payment.json().salesTaxPayments[0]).toMatchObject({ amount: 150, side: 'credit', isVoided: false })
    expect(payment.json().salesTaxReturns[0].isPaid).toBe(true)
    expect(balance(await postingsOn(7430))).toBe(0)
    expect(refused.statusCode).toBe(422)
    expect(again.statusCode).toBe(422)

    const id = payment.json().salesTaxPayments[0].id
    const voided = await world.client.put(`/salesTaxPayments/${id}`, { salesTaxPayment: { isVoided: true } })
    const reopened = await world.client.put('/salesTaxReturns/2024-Q2', {
      salesTaxReturn: { isSettled: false },
    })

    expect(voided.json().salesTaxReturns[0].isPaid).toBe(false)
    expect(reopened.json().salesTaxReturns[0].isSettled).toBe(false)
    expect(balance(await postingsOn(7430))).toBe(0)
    expect(balance(await postingsOn(7410))).toBe(-250)
    expect((await postingsOn(7410)).some((p) => p.salesTaxReturnId !== null)).toBe(false)
  })

  test('an unsettled return cannot be paid, and the period text and deadline can be changed', async () => {
    const unpaid = await world.client.post('/salesTaxPayments', {
      salesTaxPayment: { salesTaxReturnId: '2024-Q3', entryDate: '2024-12-01', accountId: accountIds[5710] },
    })
    const described = await world.client.put('/salesTaxReturns/2024-Q3', {
      salesTaxReturn: { periodText: 'Tredje kvartal', reportDeadline: '2024-12-02' },
    })

    expect(unpaid.statusCode).toBe(422)
    expect(unpaid.json().validationErrors.salesTaxPayment.attributes).toHaveProperty('salesTaxReturnId')
    expect(described.json().salesTaxReturns[0]).toMatchObject({
      periodText: 'Tredje kvartal',
      reportDeadline: '2024-12-02',
    })
  })
})
