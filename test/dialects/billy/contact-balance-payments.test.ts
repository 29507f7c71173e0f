// Proves Billy's contact balance payments on both engines: what a customer overpaid is applied to
// another of its invoices (Dr 7390, Cr 5810, the invoice's balance falls), never more than the
// balance holds, shown as the invoice's balance modifier, and voiding gives the balance back.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

describeEachEngine('billy contact balance payments', ({ storage }) => {
  let world: BillyWorld
  let contactId: string
  let productId: string
  let bankId: string
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    contactId = (
      await world.client.post('/contacts', { contact: { name: 'Kunde ApS', countryId: 'DK' } })
    ).json().contacts[0].id
    productId = (
      await world.client.post('/products', {
        product: { name: 'Ydelse', prices: [{ unitPrice: 1000, currencyId: 'DKK' }] },
      })
    ).json().products[0].id
    bankId = (await world.client.get('/accounts?accountNo=5710')).json().accounts[0].id
    const first = await approvedInvoice()
    // 1 500 for an invoice of 1 250: 250 goes to the customer's balance.
    await world.client.post('/bankPayments', {
      bankPayment: {
        entryDate: '2026-10-05',
        cashAmount: 1500,
        cashSide: 'debit',
        cashAccountId: bankId,
        associations: [{ subjectReference: `invoice:${first}` }],
      },
    })
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  async function approvedInvoice(): Promise<string> {
    const response = await world.client.post('/invoices', {
      invoice: {
        contactId,
        entryDate: '2026-10-01',
        state: 'approved',
        lines: [{ productId, unitPrice: 1000 }],
      },
    })
    return response.json().invoices[0].id
  }

  function pay(invoiceId: string, amount: number) {
    return world.client.post('/contactBalancePayments', {
      contactBalancePayment: {
        entryDate: '2026-10-10',
        amount,
        associations: [{ subjectReference: `invoice:${invoiceId}` }],
      },
    })
  }

  test('the balance pays part of another invoice and shows as its balance modifier', async () => {
    const invoiceId = await approvedInvoice()

    const response = await pay(invoiceId, 250)

    expect(response.statusCode).toBe(200)
    expect(response.json().contactBalancePayments[0]).toMatchObject({
      contactId,
      amount: 250,
      side: 'debit',
      currencyId: 'DKK',
      isVoided: false,
    })
    expect(response.json().invoices[0].balance).toBe(1000)
    const modifiers = (
      await world.client.get(`/balanceModifiers?subjectReference=invoice:${invoiceId}`)
    ).json().balanceModifiers
    expect(modifiers).toEqual([
      expect.objectContaining({
        modifierReference: `contactBalancePayment:${response.json().contactBalancePayments[0].id}`,
        amount: 250,
      }),
    ])

    const voided = await world.client.put(
      `/contactBalancePayments/${response.json().contactBalancePayments[0].id}`,
      {
        contactBalancePayment: { isVoided: true },
      },
    )

    expect(voided.json().invoices[0].balance).toBe(1250)
    expect(voided.json().contactBalancePayments[0].isVoided).toBe(true)
  })

  test('more than the balance holds is 422 naming the amount, and nothing is applied', async () => {
    const invoiceId = await approvedInvoice()

    const response = await pay(invoiceId, 300)

    expect(response.statusCode).toBe(422)
    expect(response.json().validationErrors.contactBalancePayment.attributes).toHaveProperty('amount')
    expect((await world.client.get(`/invoices/${invoiceId}`)).json().invoice.balance).toBe(1250)
  })

  test('a subject that is not an invoice is 422 naming the associations', async () => {
    const response = await world.client.post('/contactBalancePayments', {
      contactBalancePayment: {
        entryDate: '2026-10-10',
        amount: 10,
        associations: [{ subjectReference: 'bill:x' }],
      },
    })

    expect(response.statusCode).toBe(422)
    expect(JSON.stringify(response.json().validationErrors)).toContain('associations')
  })
})
