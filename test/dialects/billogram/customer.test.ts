// Proves the Billogram customer resource: automatic and chosen customer_no, company types and
// Swedish identity-number checks, partial updates, echoed read-only fields, and list filters.

import { expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'

describeEachEngine('billogram customer', ({ storage }) => {
  const api = useBillogramApi(storage)

  test('creating a customer assigns the next customer_no and echoes the fields', async () => {
    const response = await api.call('POST', '/customer', {
      name: 'ACME Corp',
      contact: { email: 'acme@example.org' },
      company_type: 'business',
    })

    expect(response.status).toBe(200)
    expect(response.json.status).toBe('OK')
    expect(response.json.data).toMatchObject({
      customer_no: expect.any(Number),
      name: 'ACME Corp',
      company_type: 'business',
      contact: { email: 'acme@example.org', name: '', phone: '' },
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    })
  })

  test('a client may choose the customer_no, and a taken one is refused naming customer_no', async () => {
    const first = await api.call('POST', '/customer', { customer_no: 9001, name: 'Vald AB' })

    const second = await api.call('POST', '/customer', { customer_no: 9001, name: 'Dubblett AB' })

    expect(first.json.data.customer_no).toBe(9001)
    expect(second.status).toBe(400)
    expect(second.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'customer_no', field_path: [] },
    })
  })

  test('an individual needs a valid personal identity number', async () => {
    const bad = await api.call('POST', '/customer', {
      name: 'Peter',
      company_type: 'individual',
      org_no: '811218-9875',
    })
    const good = await api.call('POST', '/customer', {
      name: 'Peter',
      company_type: 'individual',
      org_no: '811218-9876',
    })

    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'org_no' } })
    expect(bad.json.data.message).toContain('personal identity number')
    expect(good.json.data.org_no).toBe('811218-9876')
  })

  test('a business accepts an organisation number and refuses a wrong check digit', async () => {
    const good = await api.call('POST', '/customer', {
      name: 'Org AB',
      company_type: 'business',
      org_no: '556036-0793',
    })
    const bad = await api.call('POST', '/customer', {
      name: 'Org AB',
      company_type: 'business',
      org_no: '556036-0794',
    })

    expect(good.json.data.company_type).toBe('business')
    expect(bad.json.status).toBe('INVALID_PARAMETER')
  })

  test('a foreign business may carry any org_no', async () => {
    const response = await api.call('POST', '/customer', {
      name: 'GmbH',
      company_type: 'foreign business',
      org_no: 'HRB 12345',
      address: { country: 'de', city: 'Berlin' },
    })

    expect(response.json.data).toMatchObject({ company_type: 'foreign business', address: { country: 'DE' } })
  })

  test('a customer without a name is refused naming name', async () => {
    const response = await api.call('POST', '/customer', { company_type: 'business' })

    expect(response.status).toBe(400)
    expect(response.json.data.field).toBe('name')
  })

  test('an unknown key is refused with UNKNOWN_PARAMETER, nested ones with their path', async () => {
    const top = await api.call('POST', '/customer', { name: 'X', item_id: 3 })
    const nested = await api.call('POST', '/customer', { name: 'X', address: { street: 'Gatan 1' } })

    expect(top.json).toEqual({
      status: 'UNKNOWN_PARAMETER',
      data: { message: 'unexpected key: item_id', field: 'item_id', field_path: [] },
    })
    expect(nested.json.data).toMatchObject({ field: 'street', field_path: ['address'] })
  })

  test('a read-only field is refused on create and tolerated when echoed unchanged on update', async () => {
    const refused = await api.call('POST', '/customer', { name: 'X', created_at: '2020-01-01 00:00:00' })
    const created = await api.call('POST', '/customer', { name: 'Eko AB', company_type: 'business' })
    const echoed = { ...created.json.data, notes: 'ändrad' }

    const updated = await api.call('PUT', `/customer/${created.json.data.customer_no}`, echoed)
    const changedKey = await api.call('PUT', `/customer/${created.json.data.customer_no}`, {
      customer_no: 1234567,
    })

    expect(refused.json).toMatchObject({ status: 'READ_ONLY_PARAMETER', data: { field: 'created_at' } })
    expect(updated.status).toBe(200)
    expect(updated.json.data.notes).toBe('ändrad')
    expect(changedKey.json).toMatchObject({ status: 'READ_ONLY_PARAMETER', data: { field: 'customer_no' } })
  })

  test('an update changes only what it names', async () => {
    const created = await api.call('POST', '/customer', {
      name: 'Del AB',
      contact: { email: 'a@del.example', phone: '+46701234567' },
      address: { street_address: 'Storgatan 1', zipcode: '11122', city: 'Stockholm', country: 'SE' },
    })
    const path = `/customer/${created.json.data.customer_no}`

    const updated = await api.call('PUT', path, { address: { city: 'Uppsala' }, contact: null })
    const fetched = await api.call('GET', path)

    expect(updated.json.data.address).toMatchObject({ street_address: 'Storgatan 1', city: 'Uppsala' })
    expect(fetched.json.data.contact).toMatchObject({ email: 'a@del.example', phone: '+46701234567' })
  })

  test('an unknown customer_no answers 404 NOT_FOUND', async () => {
    const response = await api.call('GET', '/customer/987654')

    expect(response.status).toBe(404)
    expect(response.json.status).toBe('NOT_FOUND')
  })

  test('lists filter by exact field, prefix, search and company type, with the total count', async () => {
    await api.call('POST', '/customer', {
      name: 'Lista Alfa AB',
      company_type: 'business',
      address: { city: 'Malmö' },
    })
    await api.call('POST', '/customer', {
      name: 'Lista Beta AB',
      company_type: 'business',
      address: { city: 'Malmö' },
    })
    await api.call('POST', '/customer', { name: 'Lista Person', company_type: 'individual' })

    const prefix = await api.call(
      'GET',
      '/customer?filter_type=field-prefix&filter_field=name&filter_value=lista&page_size=1',
    )
    const exact = await api.call(
      'GET',
      '/customer?filter_type=field&filter_field=address:city&filter_value=Malm%C3%B6',
    )
    const search = await api.call(
      'GET',
      '/customer?filter_type=special&filter_field=search&filter_value=beta',
    )
    const people = await api.call(
      'GET',
      '/customer?filter_type=field&filter_field=company_type&filter_value=individual',
    )

    expect(prefix.json.meta.total_count).toBe(3)
    expect(prefix.json.data).toHaveLength(1)
    expect(exact.json.meta.total_count).toBe(2)
    expect(search.json.data.map((c: { name: string }) => c.name)).toEqual(['Lista Beta AB'])
    expect(people.json.data.every((c: { company_type: string }) => c.company_type === 'individual')).toBe(
      true,
    )
  })

  test('lists order by name descending', async () => {
    const response = await api.call('GET', '/customer?order_field=name&order_direction=desc&page_size=500')

    const names = response.json.data.map((c: { name: string }) => c.name)
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)))
  })
})
