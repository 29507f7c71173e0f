// Proves billing tabs: items added once per X-API-Deduplication-ID, read and deleted by UUID,
// settings, the vendor's 400s for a non-digit customer_no or a non-UUID id, and emptying the tab
// into one sent billogram with all its items.

import { beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createCustomer } from './support/fixtures.ts'

describeEachEngine('billogram billing tabs', ({ storage }) => {
  const api = useBillogramApi(storage)
  let customerNo = 0
  const item = (title: string, price: number) => ({
    billogram_item: { title, description: 'Månadsavgift', price, count: 1, unit: 'month', vat: 25 },
  })
  const add = (body: unknown, key: string, no = customerNo) =>
    api.call('POST', `/customer/${no}/billing-tab/items`, body, { 'x-api-deduplication-id': key })

  beforeAll(async () => {
    customerNo = await createCustomer(api)
  })

  test('an item is added once per deduplication id; the same id with another item is refused', async () => {
    const first = await add(item('Abonnemang', 99), 'key-1')
    const retried = await add(item('Abonnemang', 99), 'key-1')
    const conflicting = await add(item('Annat', 10), 'key-1')
    const tab = await api.call('GET', `/customer/${customerNo}/billing-tab`)

    expect(first.json.data).toMatchObject({
      billing_tab_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      item_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      billogram_item: { title: 'Abonnemang', price: 99, vat: 25, count: 1, unit: 'month' },
    })
    expect(retried.json.data.item_id).toBe(first.json.data.item_id)
    expect(conflicting.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'X-API-Deduplication-ID' },
    })
    expect(tab.json.data.items).toHaveLength(1)
  })

  test('without the deduplication header an item is refused naming it', async () => {
    const response = await api.call('POST', `/customer/${customerNo}/billing-tab/items`, item('x', 1))

    expect(response.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'X-API-Deduplication-ID' },
    })
  })

  test('a non-digit customer_no or a non-UUID id is 400', async () => {
    const customer = await api.call('GET', '/customer/abc/billing-tab')
    const tabId = await api.call('GET', `/customer/${customerNo}/billing-tab/not-a-uuid`)
    const itemId = await api.call('GET', `/customer/${customerNo}/billing-tab/item/42`)

    expect(customer.status).toBe(400)
    expect(tabId.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'billing_tab_id' } })
    expect(itemId.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'billing_tab_item_id' } })
  })

  test('an item is read and deleted by its id, and the tab by its id', async () => {
    const added = await add(item('Tillval', 20), 'key-2')
    const path = `/customer/${customerNo}/billing-tab/item/${added.json.data.item_id}`

    const read = await api.call('GET', path)
    const deleted = await api.call('DELETE', path)
    const gone = await api.call('GET', path)
    const tab = await api.call('GET', `/customer/${customerNo}/billing-tab/${added.json.data.billing_tab_id}`)

    expect(read.json.data.billogram_item.title).toBe('Tillval')
    expect(deleted.json.status).toBe('OK')
    expect(gone.status).toBe(404)
    expect(
      tab.json.data.items.map((entry: { billogram_item: { title: string } }) => entry.billogram_item.title),
    ).toEqual(['Abonnemang'])
  })

  test('settings are set, read and cleared; Efaktura is PERMISSION_DENIED', async () => {
    const put = await api.call('PUT', `/customer/${customerNo}/billing-tab/settings`, {
      billing_frequency: 'monthly',
      delivery_method: 'Email',
    })
    const efaktura = await api.call('POST', `/customer/${customerNo}/billing-tab/settings`, {
      delivery_method: 'Efaktura',
    })
    const read = await api.call('GET', `/customer/${customerNo}/billing-tab/settings`)

    expect(put.json.data).toEqual({ billing_frequency: 'monthly', delivery_method: 'Email' })
    expect(efaktura.json.status).toBe('PERMISSION_DENIED')
    expect(read.json.data).toEqual({ billing_frequency: 'monthly', delivery_method: 'Email' })
  })

  test('emptying the tab bills all its items as one sent billogram; a retried old item is not billed again', async () => {
    const extra = await add(item('Extra', 1), 'key-3')

    const emptied = await api.call('POST', `/customer/${customerNo}/billing-tab/empty`)
    const retried = await add(item('Extra', 1), 'key-3')
    const next = await api.call('GET', `/customer/${customerNo}/billing-tab`)
    const emptyAgain = await api.call('POST', `/customer/${customerNo}/billing-tab/empty`)

    expect(emptied.json.data).toMatchObject({ state: 'Unpaid', delivery_method: 'Email', total_sum: 125 })
    expect(emptied.json.data.items.map((line: { title: string }) => line.title)).toEqual([
      'Abonnemang',
      'Extra',
    ])
    expect(retried.json.data.item_id).toBe(extra.json.data.item_id)
    expect(next.status).toBe(404)
    expect(emptyAgain.status).toBe(404)
  })
})
