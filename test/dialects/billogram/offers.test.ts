// Proves offers attached through the API over a real socket: a banner and a sale posted to a sent
// billogram show on its recipient page, accepting the sale there bills its items in the same case
// (SaleAccepted in the billogram's events, the sums grown by the sale), and bad offers are refused
// in the vendor's error shape naming the field.

import { afterAll, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { PREFIX, useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer, eventTypes } from './support/fixtures.ts'

const BANNER = {
  offer_id: 'banner001',
  type: 'banner',
  title: 'Sommarrea',
  text: '30 % på allt till september.',
  info_link: 'https://example.com/rea',
}

const SALE = {
  offer_id: 'support1',
  type: 'sale',
  title: 'Support i ett år',
  text: 'Lägg till support för 500 kr.',
  info_link: 'https://example.com/support',
  items: [{ title: 'Support', price: 500, vat: 25, count: 1 }],
}

describeEachEngine('billogram offers', ({ storage }) => {
  const api = useBillogramApi(storage)
  let origin = ''
  let customerNo = 0

  beforeAll(async () => {
    origin = await api.app().listen({ host: '127.0.0.1', port: 0 })
    customerNo = await createCustomer(api)
  })
  afterAll(async () => api.app().close())

  async function http(method: string, path: string, body?: unknown) {
    const response = await fetch(`${origin}${PREFIX}${path}`, {
      method,
      headers: { authorization: api.authorization(), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    // biome-ignore lint/suspicious/noExplicitAny: tests read the vendor's JSON by its documented shape
    const json: any = await response.json()
    return { status: response.status, json }
  }

  test('a banner and a sale posted to a billogram show on its page; accepting the sale bills it', async () => {
    const billogram = await createBillogram(api, customerNo, {
      on_success: { command: 'send', method: 'Email' },
    })

    const banner = await http('POST', `/billogram/${billogram.id}/offer`, BANNER)
    const sale = await http('POST', `/billogram/${billogram.id}/offer`, SALE)
    const pagePath = new URL(billogram.url).pathname
    const page = await (await fetch(`${origin}${pagePath}`)).text()
    const accepted = await fetch(`${origin}${pagePath}/offers/support1/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    })
    const after = await http('GET', `/billogram/${billogram.id}`)
    const offers = await http('GET', `/billogram/${billogram.id}/offer`)

    expect(banner.json).toMatchObject({ status: 'OK', data: { ...BANNER, accepted_at: null } })
    expect(sale.json.data).toMatchObject({ offer_id: 'support1', type: 'sale', items: SALE.items })
    expect(page).toContain('href="https://example.com/rea"')
    expect(page).toContain('30 % på allt till september.')
    expect(page).toContain('Support i ett år')
    expect(accepted.status).toBe(303)
    expect(eventTypes(after.json.data)).toContain('SaleAccepted')
    expect(after.json.data.events.at(-1).data).toMatchObject({
      offer_id: 'support1',
      item_title: 'Support i ett år',
    })
    expect(after.json.data.total_sum).toBe(billogram.total_sum + 625)
    expect(after.json.data.remaining_sum).toBe(billogram.remaining_sum + 625)
    expect(offers.json.meta.total_count).toBe(2)
    expect(offers.json.data[1].accepted_at).toEqual(expect.any(String))
  })

  test('one offer is read by its id, whatever its case; an unknown one is NOT_FOUND', async () => {
    const billogram = await createBillogram(api, customerNo)
    await http('POST', `/billogram/${billogram.id}/offer`, BANNER)

    const found = await http('GET', `/billogram/${billogram.id}/offer/BANNER001`)
    const missing = await http('GET', `/billogram/${billogram.id}/offer/nothing`)

    expect(found.json.data.offer_id).toBe('banner001')
    expect(missing.status).toBe(404)
    expect(missing.json).toMatchObject({ status: 'NOT_FOUND', data: { field: 'offer_id' } })
  })

  test('bad offers are refused naming the field, and nothing is attached', async () => {
    const billogram = await createBillogram(api, customerNo)
    const path = `/billogram/${billogram.id}/offer`

    const noLink = await http('POST', path, { ...BANNER, info_link: undefined })
    const badLink = await http('POST', path, { ...BANNER, info_link: 'ftp://example.com' })
    const badType = await http('POST', path, { ...BANNER, type: 'popup' })
    const badId = await http('POST', path, { ...BANNER, offer_id: 'ban-ner' })
    const unknown = await http('POST', path, { ...BANNER, colour: 'red' })
    const noItems = await http('POST', path, { ...SALE, items: [] })
    const badVat = await http('POST', path, { ...SALE, items: [{ title: 'Support', price: 500, vat: 7 }] })
    const badPrice = await http('POST', path, { ...SALE, items: [{ title: 'Support', price: 'x', vat: 25 }] })
    const first = await http('POST', path, BANNER)
    const twice = await http('POST', path, { ...BANNER, offer_id: 'BANNER001' })
    const offers = await http('GET', path)

    expect(noLink.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'info_link' } })
    expect(badLink.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'info_link' } })
    expect(badType.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'type' } })
    expect(badId.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'offer_id' } })
    expect(unknown.json).toMatchObject({ status: 'UNKNOWN_PARAMETER', data: { field: 'colour' } })
    expect(noItems.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'items' } })
    expect(badVat.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'vat', field_path: ['items', 0] },
    })
    expect(badPrice.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'price', field_path: ['items', 0] },
    })
    expect(first.status).toBe(200)
    expect(twice.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'offer_id' } })
    expect(offers.json.meta.total_count).toBe(1)
  })

  test('an unknown billogram is NOT_FOUND and other methods are 405', async () => {
    const missing = await http('POST', '/billogram/zzzzzzzz/offer', BANNER)
    const put = await http('PUT', '/billogram/zzzzzzzz/offer', BANNER)

    expect(missing.json.status).toBe('NOT_FOUND')
    expect(put.status).toBe(405)
  })
})
