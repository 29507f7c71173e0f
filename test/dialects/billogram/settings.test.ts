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
})
