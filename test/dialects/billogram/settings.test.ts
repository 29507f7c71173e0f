// Proves the settings and logotype singletons: read, partial update that leaves the rest, the
// chart's bookkeeping accounts read-only, and a logo checked to be the image it claims to be.

import { expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
).toString('base64')

describeEachEngine('billogram settings', ({ storage }) => {
  const api = useBillogramApi(storage)

  test('settings show the organization, its payment details and its chart accounts', async () => {
    const response = await api.call('GET', '/settings/')

    expect(response.json.data).toMatchObject({
      name: 'Testbolaget AB',
      org_no: '556036-0793',
      contact: { email: 'billing@testbolaget.example' },
      payment: { bankgiro: '5050-1055' },
      bookkeeping: { account_receivable_account: expect.stringMatching(/^\d{4}$/) },
    })
  })

  test('a partial update changes what it names and keeps the rest', async () => {
    const updated = await api.call('PUT', '/settings', {
      address: { city: 'Exempelköping', zipcode: '23456' },
      invoices: { default_reminder_fee: 50 },
    })

    expect(updated.json.data).toMatchObject({
      name: 'Testbolaget AB',
      payment: { bankgiro: '5050-1055' },
      address: { city: 'Exempelköping', zipcode: '23456' },
      invoices: { default_reminder_fee: 50 },
    })
  })

  test('the bookkeeping accounts are read-only, echoed back unchanged they are accepted', async () => {
    const current = await api.call('GET', '/settings')

    const echoed = await api.call('PUT', '/settings', current.json.data)
    const changed = await api.call('PUT', '/settings', { bookkeeping: { banking_account: '1111' } })

    expect(echoed.status).toBe(200)
    expect(changed.json).toMatchObject({ status: 'READ_ONLY_PARAMETER', data: { field: 'bookkeeping' } })
  })

  test('a bad country in the address is refused naming it, and nothing else changes', async () => {
    const response = await api.call('PUT', '/settings', {
      name: 'Nytt Namn AB',
      address: { country: 'Sverige' },
    })
    const after = await api.call('GET', '/settings')

    expect(response.json.status).toBe('INVALID_PARAMETER')
    expect(after.json.data.name).toBe('Testbolaget AB')
  })

  test('a logotype is NOT_FOUND until uploaded, then read back as given', async () => {
    const before = await api.call('GET', '/logotype')

    const put = await api.call('PUT', '/logotype', { file_type: 'image/png', content: PNG })
    const after = await api.call('GET', '/logotype')

    expect(before.json.status).toBe('NOT_FOUND')
    expect(put.json.data.file_type).toBe('image/png')
    expect(after.json.data).toEqual({ file_type: 'image/png', content: PNG })
  })

  test('a logotype whose bytes are not the declared image is refused naming content', async () => {
    const response = await api.call('POST', '/logotype', { file_type: 'image/jpeg', content: PNG })

    expect(response.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'content' } })
  })

  test('a new billogram takes its fees and message from the settings, and its total is rounded to whole kronor as in the vendor fixture', async () => {
    await api.call('PUT', '/settings', {
      invoices: { default_invoice_fee: 29, default_reminder_fee: 60, default_message: 'Tack för köpet' },
    })
    const customer = await api.call('POST', '/customer', { name: 'Standard AB' })

    const created = await api.call('POST', '/billogram', {
      customer: { customer_no: customer.json.data.customer_no },
      items: [{ title: 'Software', price: 300, vat: 25, count: 1 }],
    })
    const explicit = await api.call('POST', '/billogram', {
      customer: { customer_no: customer.json.data.customer_no },
      items: [{ title: 'Software', price: 300, vat: 25, count: 1 }],
      invoice_fee: 0,
      info: { message: 'Egen text' },
    })

    expect(created.json.data).toMatchObject({
      invoice_fee: 29,
      invoice_fee_vat: 25,
      reminder_fee: '60',
      total_sum: 411,
      rounding_value: -0.25,
      detailed_sums: { net_sum: 329, vat_sum: 82.25, gross_sum: 411.25, rounding: -0.25, remaining_sum: 411 },
      info: { message: 'Tack för köpet' },
      items: [{ title: 'Software' }],
    })
    expect(explicit.json.data).toMatchObject({
      invoice_fee: 0,
      total_sum: 375,
      info: { message: 'Egen text' },
    })
  })
})
