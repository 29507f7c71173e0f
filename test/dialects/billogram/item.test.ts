// Proves the Billogram item resource: create with automatic and chosen item_no, the Swedish VAT
// rates and unit list, updates (updated_at null until the first), delete, and list filters.

import { expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'

describeEachEngine('billogram item', ({ storage }) => {
  const api = useBillogramApi(storage)

  test('creating an item assigns an item_no and shows price and vat as numbers', async () => {
    const response = await api.call('POST', '/item', { title: 'Support', price: 12.5, vat: 25, unit: 'hour' })

    expect(response.json.data).toMatchObject({
      item_no: expect.stringMatching(/^\d+$/),
      title: 'Support',
      price: 12.5,
      vat: 25,
      unit: 'hour',
      bookkeeping: { income_account: '', vat_account: '' },
      updated_at: null,
    })
    expect(response.body).toContain('"price":12.5,')
  })

  test('a chosen item_no may hold letters and is the key of get, update and delete', async () => {
    await api.call('POST', '/item', { item_no: 'ABC-1', title: 'Bok', price: '199.00', vat: 6, unit: 'unit' })
    api.setNow('2026-03-02T10:00:00.000Z')

    const updated = await api.call('PUT', '/item/ABC-1', {
      price: 179,
      bookkeeping: { income_account: '3002' },
    })
    const deleted = await api.call('DELETE', '/item/ABC-1')
    const gone = await api.call('GET', '/item/ABC-1')

    expect(updated.json.data).toMatchObject({ price: 179, bookkeeping: { income_account: '3002' } })
    expect(updated.json.data.updated_at).toBe('2026-03-02 10:00:00')
    expect(deleted.json).toMatchObject({ status: 'OK', data: { item_no: 'ABC-1' } })
    expect(gone.status).toBe(404)
  })

  test('a VAT rate outside 0, 6, 12 and 25 is refused naming vat', async () => {
    const response = await api.call('POST', '/item', { title: 'X', price: 1, vat: 7, unit: 'unit' })

    expect(response.status).toBe(400)
    expect(response.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'vat' } })
  })

  test('a unit outside the vendor list is refused naming unit', async () => {
    const response = await api.call('POST', '/item', { title: 'X', price: 1, vat: 25, unit: 'parsec' })

    expect(response.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'unit' } })
  })

  test('a price that is not a number is refused naming price', async () => {
    const response = await api.call('POST', '/item', { title: 'X', price: 'gratis', vat: 25, unit: 'unit' })

    expect(response.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'price' } })
  })

  test('created_at sent back unchanged is tolerated, changed is READ_ONLY_PARAMETER', async () => {
    const created = await api.call('POST', '/item', { title: 'Eko', price: 1, vat: 25, unit: 'unit' })
    const path = `/item/${created.json.data.item_no}`

    const echoed = await api.call('PUT', path, { ...created.json.data, title: 'Eko 2' })
    const changed = await api.call('PUT', path, { created_at: '2001-01-01 00:00:00' })

    expect(echoed.json.data.title).toBe('Eko 2')
    expect(changed.json).toMatchObject({ status: 'READ_ONLY_PARAMETER', data: { field: 'created_at' } })
  })

  test('lists filter by title prefix and free-text search and order by title', async () => {
    await api.call('POST', '/item', { title: 'Lista äpple', price: 1, vat: 12, unit: 'kg' })
    await api.call('POST', '/item', {
      title: 'Lista banan',
      price: 2,
      vat: 12,
      unit: 'kg',
      description: 'gul',
    })

    const prefix = await api.call(
      'GET',
      '/item?filter_type=field-prefix&filter_field=title&filter_value=Lista&order_field=title&order_direction=desc',
    )
    const search = await api.call('GET', '/item?filter_type=special&filter_field=search&filter_value=GUL')

    expect(prefix.json.data.map((item: { title: string }) => item.title)).toEqual([
      'Lista äpple',
      'Lista banan',
    ])
    expect(prefix.json.meta.total_count).toBe(2)
    expect(search.json.data.map((item: { title: string }) => item.title)).toEqual(['Lista banan'])
  })
})
