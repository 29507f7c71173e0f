// Proves the billogram list's filters and orders (../shared/reference/billogram.md §2), colon
// paths like customer:customer_no included, and the billogram_event list of one billogram.

import { beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer } from './support/fixtures.ts'

describeEachEngine('billogram lists', ({ storage }) => {
  const api = useBillogramApi(storage)
  let alfa = 0
  let beta = 0
  const sent: Awaited<ReturnType<typeof createBillogram>>[] = []

  beforeAll(async () => {
    alfa = await createCustomer(api, { name: 'Alfa Handel AB' })
    beta = await createCustomer(api, { name: 'Beta Bygg AB', org_no: '802006-1233' })
    api.setNow('2026-01-15T09:00:00.000Z')
    sent.push(await createBillogram(api, alfa, { on_success: { command: 'send', method: 'Email' } }))
    api.setNow('2026-02-10T09:00:00.000Z')
    sent.push(await createBillogram(api, beta, { on_success: { command: 'send', method: 'Email' } }))
    await createBillogram(api, beta)
  })

  const ids = (response: { json: { data: { id: string }[] } }) =>
    response.json.data.map((billogram) => billogram.id)
  const list = (query: string) => api.call('GET', `/billogram?${query}`)

  test('customer:customer_no and customer:name filter by the customer', async () => {
    const byNo = await list(`filter_type=field&filter_field=customer:customer_no&filter_value=${beta}`)
    const byName = await list('filter_type=field-prefix&filter_field=customer:name&filter_value=alfa')
    const byOrgNo = await list('filter_type=field&filter_field=customer:org_no&filter_value=802006-1233')

    expect(byNo.json.meta.total_count).toBe(2)
    expect(ids(byName)).toEqual([sent[0]?.id])
    expect(byOrgNo.json.meta.total_count).toBe(2)
  })

  test('id, invoice_no and ocr_number find one billogram', async () => {
    const target = sent[1] as { id: string; invoice_no: number; ocr_number: string }

    const byId = await list(`filter_type=field&filter_field=id&filter_value=${target.id}`)
    const byNo = await list(`filter_type=field&filter_field=invoice_no&filter_value=${target.invoice_no}`)
    const byOcr = await list(`filter_type=field&filter_field=ocr_number&filter_value=${target.ocr_number}`)

    expect(ids(byId)).toEqual([target.id])
    expect(ids(byNo)).toEqual([target.id])
    expect(ids(byOcr)).toEqual([target.id])
  })

  test('invoice_date filters by a day or a month prefix', async () => {
    const january = await list('filter_type=field-prefix&filter_field=invoice_date&filter_value=2026-01')
    const day = await list('filter_type=field&filter_field=invoice_date&filter_value=2026-02-10')
    const badPrefix = await list('filter_type=field-prefix&filter_field=invoice_date&filter_value=2026-13')

    expect(ids(january)).toEqual([sent[0]?.id])
    expect(ids(day)).toEqual([sent[1]?.id])
    expect(badPrefix.json.status).toBe('INVALID_QUERY_PARAMETER')
  })

  test('due_date orders descending and the free-text search finds the customer name', async () => {
    const ordered = await list(
      'filter_type=field&filter_field=state&filter_value=Unpaid&order_field=due_date&order_direction=desc',
    )
    const search = await list('filter_type=special&filter_field=search&filter_value=bygg')

    expect(ids(ordered)).toEqual([sent[1]?.id, sent[0]?.id])
    expect(search.json.meta.total_count).toBe(2)
  })

  test('a field outside the list is INVALID_QUERY_PARAMETER naming the parameter', async () => {
    const response = await list('filter_type=field&filter_field=colour&filter_value=red')

    expect(response.json).toMatchObject({
      status: 'INVALID_QUERY_PARAMETER',
      data: { field: 'filter_field' },
    })
  })

  test('billogram_event lists one billogram events in order, paged, with the total count', async () => {
    const target = sent[0] as { id: string }
    await api.call('POST', `/billogram/${target.id}/command/payment`, { amount: 100 })

    const all = await api.call(
      'GET',
      `/billogram_event?filter_type=field&filter_field=billogram_id&filter_value=${target.id}`,
    )
    const page = await api.call(
      'GET',
      `/billogram_event?filter_type=field&filter_field=billogram_id&filter_value=${target.id}&page=2&page_size=1&order_field=created_at`,
    )
    const unfiltered = await api.call('GET', '/billogram_event')

    expect(all.json.data.map((event: { type: string }) => event.type)).toEqual([
      'BillogramCreated',
      'BillogramSent',
      'Payment',
    ])
    expect(all.json.data[0]).toMatchObject({ billogram_id: target.id, event_uuid: expect.any(String) })
    expect(page.json).toMatchObject({ meta: { total_count: 3 }, data: [{ type: 'BillogramSent' }] })
    expect(unfiltered.json.status).toBe('MISSING_QUERY_PARAMETER')
  })
})
