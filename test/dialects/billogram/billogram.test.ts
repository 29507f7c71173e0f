// Proves the billogram resource: create (unattested, or sent at once with on_success), the full
// and compact forms, updates and deletes while unattested, and the list's filters and orders.

import { beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'

describeEachEngine('billogram resource', ({ storage }) => {
  const api = useBillogramApi(storage)
  let customerNo = 0

  beforeAll(async () => {
    const customer = await api.call('POST', '/customer', {
      name: 'ACME Corp',
      company_type: 'business',
      org_no: '556036-0793',
      contact: { email: 'acme@example.org' },
      address: { street_address: 'Gatan 2', zipcode: '11444', city: 'Stockholm', country: 'SE' },
    })
    customerNo = customer.json.data.customer_no
    await api.call('POST', '/item', { item_no: 'SW', title: 'Software', price: 300, vat: 25, unit: 'hour' })
  })

  const billogram = (extra: Record<string, unknown> = {}) => ({
    customer: { customer_no: customerNo },
    items: [{ title: 'Consulting Services', count: 10, vat: 25, price: 1500, unit: 'hour' }],
    ...extra,
  })

  test('a new billogram is Unattested, with sums, items and its BillogramCreated event', async () => {
    const created = await api.call('POST', '/billogram', billogram({ info: { message: 'Tack!' } }))

    expect(created.status).toBe(200)
    expect(created.json.data).toMatchObject({
      id: expect.stringMatching(/^[0-9A-Za-z]{8}$/),
      state: 'Unattested',
      invoice_no: null,
      total_sum: 18750,
      remaining_sum: 18750,
      currency: 'SEK',
      customer: { customer_no: customerNo, name: 'ACME Corp' },
      items: [{ title: 'Consulting Services', count: 10, price: 1500, vat: 25, unit: 'hour' }],
      info: { message: 'Tack!' },
      detailed_sums: { net_sum: 15000, vat_sum: 3750, gross_sum: 18750, paid_sum: 0 },
      attested_at: null,
    })
    expect(created.json.data.events.map((event: { type: string }) => event.type)).toEqual([
      'BillogramCreated',
    ])
    expect(created.json.data.events[0].data).toBeNull()
  })

  test('on_success send attests and sends in one request: BillogramCreated then BillogramSent', async () => {
    const created = await api.call(
      'POST',
      '/billogram',
      billogram({ on_success: { command: 'send', method: 'Email' } }),
    )

    expect(created.json.data).toMatchObject({
      state: 'Unpaid',
      invoice_no: expect.any(Number),
      ocr_number: expect.stringMatching(/^\d+$/),
      delivery_method: 'Email',
      attested_at: '2026-03-02 09:00:00',
      invoice_date: '2026-03-02',
      due_date: '2026-04-01',
    })
    expect(created.json.data.events.map((event: { type: string }) => event.type)).toEqual([
      'BillogramCreated',
      'BillogramSent',
    ])
    expect(created.json.data.events[1].data).toMatchObject({
      delivery_method: 'Email',
      total_sum: 18750,
      remaining_sum: 18750,
    })
  })

  test('an item named by item_no takes its title, price and VAT from the item', async () => {
    const created = await api.call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [{ item_no: 'SW', count: 2 }],
    })

    expect(created.json.data.items[0]).toMatchObject({
      item_no: 'SW',
      title: 'Software',
      price: 300,
      vat: 25,
      count: 2,
    })
    expect(created.json.data.total_sum).toBe(750)
  })

  test('an item without title is refused with the field and its path', async () => {
    const response = await api.call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [
        { title: 'ok', price: 1, vat: 25 },
        { title: 'ok', price: 1, vat: 25 },
        { price: 1, vat: 25 },
      ],
    })

    expect(response.status).toBe(400)
    expect(response.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'title', field_path: ['items', 2] },
    })
  })

  test('a billogram GET returns the full form and an unknown id 404 NOT_FOUND', async () => {
    const created = await api.call('POST', '/billogram', billogram())

    const fetched = await api.call('GET', `/billogram/${created.json.data.id}`)
    const missing = await api.call('GET', '/billogram/AAAAAAAA')

    expect(fetched.json.data).toEqual(created.json.data)
    expect(missing.status).toBe(404)
    expect(missing.json.status).toBe('NOT_FOUND')
  })

  test('an unattested billogram is updated and deleted; its items are replaced', async () => {
    const created = await api.call('POST', '/billogram', billogram())
    const path = `/billogram/${created.json.data.id}`

    const updated = await api.call('PUT', path, {
      items: [{ title: 'Ny rad', price: 100, vat: 12, count: 1 }],
      due_days: 10,
    })
    const deleted = await api.call('DELETE', path)
    const gone = await api.call('GET', path)

    expect(updated.json.data).toMatchObject({ total_sum: 112, due_days: 10, items: [{ title: 'Ny rad' }] })
    expect(deleted.json.data.state).toBe('Deleted')
    expect(gone.status).toBe(404)
  })

  test('a sent billogram is neither edited nor deleted: INVALID_OBJECT_STATE', async () => {
    const created = await api.call(
      'POST',
      '/billogram',
      billogram({ on_success: { command: 'send', method: 'Letter' } }),
    )
    const path = `/billogram/${created.json.data.id}`

    const edit = await api.call('PUT', path, { items: [{ title: 'x', price: 1, vat: 25 }] })
    const remove = await api.call('DELETE', path)
    const echo = await api.call('PUT', path, created.json.data)

    expect(edit.json.status).toBe('INVALID_OBJECT_STATE')
    expect(remove.json.status).toBe('INVALID_OBJECT_STATE')
    expect(echo.status).toBe(200)
  })

  test('the list is compact, counts all matches, and filters states with a comma list', async () => {
    const list = await api.call(
      'GET',
      '/billogram?page=1&page_size=2&order_field=invoice_no&order_direction=desc',
    )
    const states = await api.call(
      'GET',
      '/billogram?filter_type=field&filter_field=state&filter_value=Unpaid,Unattested&page_size=100',
    )
    const unpaid = await api.call(
      'GET',
      '/billogram?filter_type=field&filter_field=state&filter_value=Unpaid',
    )

    expect(list.json.data).toHaveLength(2)
    expect(list.json.data[0].events).toBeUndefined()
    expect(list.json.meta.total_count).toBe(states.json.meta.total_count)
    expect(unpaid.json.data.every((b: { state: string }) => b.state === 'Unpaid')).toBe(true)
    expect(unpaid.json.meta.total_count).toBeGreaterThan(0)
  })

  test('a SEK total is rounded to whole kronor by a rounding line that is not an item, and credited with the rest', async () => {
    const created = await api.call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [{ title: 'Småsak', price: 0.9, vat: 25, count: 1 }],
      on_success: { command: 'send', method: 'Email' },
    })

    const credited = await api.call('POST', `/billogram/${created.json.data.id}/command/credit`, {
      mode: 'full',
    })

    expect(created.json.data).toMatchObject({ total_sum: 1, remaining_sum: 1, rounding_value: -0.13 })
    expect(created.json.data.items).toHaveLength(1)
    expect(credited.json.data).toMatchObject({
      state: 'Credited',
      remaining_sum: 0,
      detailed_sums: { credited_sum: 1 },
    })
  })
})
