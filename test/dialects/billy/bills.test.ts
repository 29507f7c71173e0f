// Proves Billy's bills on both engines: drafts post nothing; approval posts expenses, input VAT and
// payables; withdrawals settle bills by cash less fee; overpaying is refused; voiding a payment or
// an unpaid bill reverses its entry; a bill with a payment account is paid when approved.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

type Posting = { accountId: string; amount: number; side: string }

describeEachEngine('billy bills', ({ storage }) => {
  let world: BillyWorld
  let accountIds: Record<number, string>
  let supplierId: string
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const accounts = (await world.client.get('/accounts')).json().accounts
    accountIds = Object.fromEntries(
      accounts.map((account: { accountNo: number; id: string }) => [account.accountNo, account.id]),
    )
    const supplier = await world.client.post('/contacts', {
      contact: { name: 'Leverandør ApS', countryId: 'DK', isSupplier: true },
    })
    supplierId = supplier.json().contacts[0].id
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  async function bill(fields: Record<string, unknown> = {}, lines?: unknown[]) {
    const response = await world.client.post('/bills', {
      bill: {
        contactId: supplierId,
        entryDate: '2024-04-02',
        suppliersInvoiceNo: 'L-1001',
        lines: lines ?? [
          {
            accountId: accountIds[1840],
            taxRateId: 'purchase-25',
            description: 'Kontorartikler',
            amount: 80,
          },
          { accountId: accountIds[1210], description: 'Porto', amount: 20, _clientId: 'porto' },
        ],
        ...fields,
      },
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }

  async function postingsOf(reference: string): Promise<Posting[]> {
    return (await world.client.get(`/postings?originatorReference=${reference}&isVoided=false`)).json()
      .postings
  }

  function withdraw(billId: string, cashAmount: number, feeAmount = 0) {
    return world.client.post('/bankPayments', {
      bankPayment: {
        entryDate: '2024-04-20',
        cashAmount,
        feeAmount,
        cashSide: 'credit',
        cashAccountId: accountIds[5710],
        associations: [{ subjectReference: `bill:${billId}` }],
      },
    })
  }

  test('a draft bill is totalled and posts nothing; approval posts expenses, input VAT and payables', async () => {
    const draft = await bill()
    const id = draft.bills[0].id

    const approved = await world.client.put(`/bills/${id}`, { bill: { state: 'approved' } })

    expect(draft.bills[0]).toMatchObject({ state: 'draft', amount: 100, tax: 20, grossAmount: 120 })
    expect(draft.billLines.find((line: { _clientId?: string }) => line._clientId === 'porto')).toMatchObject({
      amount: 20,
      tax: 0,
    })
    expect(approved.json().bills[0]).toMatchObject({ state: 'approved', balance: 120, isPaid: false })
    expect((await postingsOf(`bill:${id}`)).map((p) => [p.accountId, p.amount, p.side])).toEqual([
      [accountIds[1840], 80, 'debit'],
      [accountIds[7420], 20, 'debit'],
      [accountIds[1210], 20, 'debit'],
      [accountIds[7310], 120, 'credit'],
    ])
  })

  test('a withdrawal of cash 125 with a fee of 5 pays a bill of 120', async () => {
    const id = (await bill({ state: 'approved' })).bills[0].id

    const response = await withdraw(id, 125, 5)

    const payment = response.json().bankPayments[0]
    expect(payment).toMatchObject({ cashSide: 'credit', cashAmount: 125, feeAmount: 5 })
    expect(response.json().bills[0]).toMatchObject({ isPaid: true, balance: 0 })
    expect(
      (await postingsOf(`bankPayment:${payment.id}`)).map((p) => [p.accountId, p.amount, p.side]),
    ).toEqual([
      [accountIds[7310], 120, 'debit'],
      [accountIds[1860], 5, 'debit'],
      [accountIds[5710], 125, 'credit'],
    ])
    const modifiers = await world.client.get(`/balanceModifiers?subjectReference=bill:${id}`)
    expect(modifiers.json().balanceModifiers).toEqual([
      expect.objectContaining({ amount: 120, modifierReference: `bankPayment:${payment.id}` }),
    ])
  })

  test('paying more than the bill owes is refused, and voiding a payment makes it owe again', async () => {
    const id = (await bill({ state: 'approved' })).bills[0].id
    const payment = (await withdraw(id, 50)).json().bankPayments[0]

    const over = await withdraw(id, 100)
    const voided = await world.client.put(`/bankPayments/${payment.id}`, { bankPayment: { isVoided: true } })

    expect(over.statusCode).toBe(422)
    expect(voided.json().bills[0]).toMatchObject({ balance: 120, isPaid: false })
  })

  test('an unpaid bill is voided by reversing its entry; a paid one is not', async () => {
    const unpaid = (await bill({ state: 'approved' })).bills[0].id
    const paid = (await bill({ state: 'approved' })).bills[0].id
    await withdraw(paid, 120)

    const voided = await world.client.put(`/bills/${unpaid}`, { bill: { state: 'voided' } })
    const refused = await world.client.put(`/bills/${paid}`, { bill: { state: 'voided' } })

    expect(voided.json().bills[0].state).toBe('voided')
    expect(await postingsOf(`bill:${unpaid}`)).toEqual([])
    expect(refused.statusCode).toBe(422)
  })

  test('a bill approved with a payment account is paid from it at once', async () => {
    const body = await bill({
      state: 'approved',
      paymentAccountId: accountIds[5710],
      paymentDate: '2024-04-03',
    })

    expect(body.bills[0]).toMatchObject({ isPaid: true, balance: 0 })
    expect(body.bankPayments[0]).toMatchObject({
      cashAmount: 120,
      cashSide: 'credit',
      entryDate: '2024-04-03',
    })
  })

  test('saving lines replaces a draft’s lines; a draft is deleted with its lines', async () => {
    const draft = await bill()
    const id = draft.bills[0].id

    const replaced = await world.client.put(`/bills/${id}`, {
      bill: {
        taxMode: 'incl',
        lines: [
          { accountId: accountIds[1840], taxRateId: 'purchase-25', description: 'Alt i én', amount: 250 },
        ],
      },
    })
    const lines = await world.client.get(`/billLines?billId=${id}`)
    const removed = await world.client.delete(`/bills/${id}`)

    expect(replaced.json().bills[0]).toMatchObject({
      amount: 200,
      tax: 50,
      grossAmount: 250,
      taxMode: 'incl',
    })
    expect(replaced.json().meta.deletedRecords.billLines).toHaveLength(2)
    expect(lines.json().billLines).toHaveLength(1)
    expect(removed.json().meta.deletedRecords.bills).toEqual([id])
  })

  test('bills filter by state and isPaid, and a line on an unknown account is refused naming it', async () => {
    const response = await world.client.get(`/bills?contactId=${supplierId}&state=approved&isPaid=true`)
    const bad = await world.client.post('/bills', {
      bill: {
        contactId: supplierId,
        entryDate: '2024-04-02',
        lines: [{ accountId: 'no-such-account', description: 'X', amount: 1, _clientId: 'x' }],
      },
    })

    expect(
      response
        .json()
        .bills.every((item: { isPaid: boolean; state: string }) => item.isPaid && item.state === 'approved'),
    ).toBe(true)
    expect(response.json().bills.length).toBeGreaterThan(0)
    expect(bad.statusCode).toBe(422)
    expect(bad.json().validationErrors.x.attributes).toHaveProperty('accountId')
  })
})
