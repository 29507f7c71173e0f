// Proves stand-alone credit invoices over the Billogram API (seed 001, workflow 3): a billogram
// with a negative total, attested with DoNotNotify, allocated with credit-allocate and paid out
// with credit-payment, and every refusal of those commands in the vendor's codes.

import { beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer, eventTypes } from './support/fixtures.ts'

describeEachEngine('billogram stand-alone credits', ({ storage }) => {
  const api = useBillogramApi(storage)
  let customerNo = 0
  let otherNo = 0
  const command = (id: string, name: string, body?: unknown) =>
    api.call('POST', `/billogram/${id}/command/${name}`, body)
  const credit = async (customer = customerNo) => {
    const created = await createBillogram(api, customer, {
      items: [{ title: 'Återbetalning', count: 2, price: -400, vat: 25, unit: 'unit' }],
    })
    return (await command(created.id, 'send', { method: 'DoNotNotify' })).json.data
  }
  const debit = () => createBillogram(api, customerNo, { on_success: { command: 'send', method: 'Email' } })

  beforeAll(async () => {
    customerNo = await createCustomer(api)
    otherNo = await createCustomer(api, { name: 'Annan Kund AB' })
  })

  test('a negative total makes a credit that shows negative sums and its items as posted', async () => {
    const created = await credit()

    expect(created).toMatchObject({ state: 'Unpaid', total_sum: -1000, remaining_sum: -1000 })
    expect(created.items[0]).toMatchObject({ price: -400, count: 2 })
    // DoNotNotify attests without sending: no BillogramSent.
    expect(eventTypes(created)).toEqual(['BillogramCreated'])
  })

  test('credit-payment of an amount leaves the rest; then remaining pays out the rest', async () => {
    const created = await credit()

    const part = await command(created.id, 'credit-payment', { mode: 'amount', amount: 400 })
    const rest = await command(created.id, 'credit-payment', { mode: 'remaining' })

    expect(part.json.data).toMatchObject({ state: 'PartlyPaid', remaining_sum: -600, flags: ['partly paid'] })
    expect(rest.json.data).toMatchObject({ state: 'Paid', remaining_sum: 0 })
    expect(rest.json.data.events.at(-2).data).toMatchObject({
      amount: -600,
      payment_flags: ['credit paid out'],
    })
  })

  test('credit-payment needs a mode, refuses a debit billogram and an amount beyond the credit', async () => {
    const created = await credit()
    const owed = await debit()

    const noMode = await command(created.id, 'credit-payment', null)
    const onDebit = await command(owed.id, 'credit-payment', { mode: 'remaining' })
    const tooMuch = await command(created.id, 'credit-payment', { mode: 'amount', amount: 1000.01 })

    expect(noMode.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'mode' } })
    expect(onDebit.json.status).toBe('INVALID_OBJECT_STATE')
    expect(tooMuch.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'amount' } })
  })

  test("credit-allocate refuses another customer's credit, an unknown or debit source, a missing amount", async () => {
    const foreign = await credit(otherNo)
    const owed = await debit()
    const other = await debit()

    const otherCustomer = await command(owed.id, 'credit-allocate', { amount: 10, source_id: foreign.id })
    const unknown = await command(owed.id, 'credit-allocate', { amount: 10, source_id: 'zzzzzzzz' })
    const fromDebit = await command(owed.id, 'credit-allocate', { amount: 10, source_id: other.id })
    const noAmount = await command(owed.id, 'credit-allocate', { source_id: foreign.id })
    const noSource = await command(owed.id, 'credit-allocate', { amount: 10 })

    for (const refused of [otherCustomer, unknown, fromDebit])
      expect(refused.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'source_id' } })
    expect(noAmount.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'amount' } })
    expect(noSource.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'source_id' } })
  })

  test('a partial allocation leaves both billograms open with the amount moved', async () => {
    const created = await credit()
    const owed = await debit()

    const allocated = await command(owed.id, 'credit-allocate', { amount: 300, source_id: created.id })
    const source = await api.call('GET', `/billogram/${created.id}`)

    expect(allocated.json.data).toMatchObject({
      state: 'Unpaid',
      remaining_sum: 950,
      detailed_sums: { credited_sum: 300 },
    })
    expect(allocated.json.data.events.at(-1)).toMatchObject({ type: 'Credit', data: { amount: 300 } })
    expect(source.json.data).toMatchObject({ state: 'PartlyPaid', remaining_sum: -700 })
  })

  test('a credit cannot take a payment, be credited or become a debit by an update', async () => {
    const created = await credit()
    const draft = await createBillogram(api, customerNo, {
      items: [{ title: 'Kredit', count: 1, price: -100, vat: 25 }],
    })

    const payment = await command(created.id, 'payment', { amount: 10 })
    const credited = await command(created.id, 'credit', { mode: 'full' })
    const positive = await api.call('PUT', `/billogram/${draft.id}`, {
      items: [{ title: 'Kredit', count: 1, price: 100, vat: 25 }],
    })
    const negativeDebit = await api.call('PUT', `/billogram/${(await createBillogram(api, customerNo)).id}`, {
      items: [{ title: 'Rad', count: 1, price: -100, vat: 25 }],
    })

    expect(payment.json.status).toBe('INVALID_OBJECT_STATE')
    expect(credited.json.status).toBe('INVALID_OBJECT_STATE')
    expect(positive.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'items' } })
    expect(negativeDebit.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'items' } })
  })

  test('DoNotNotify attests only a credit; a debit billogram must be sent by a method', async () => {
    const owed = await createBillogram(api, customerNo)

    const refused = await command(owed.id, 'send', { method: 'DoNotNotify' })

    expect(refused.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'method' } })
  })
})
