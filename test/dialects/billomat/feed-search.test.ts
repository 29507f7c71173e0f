// Proves the activity feed, the free-text search, roles and the customfield endpoints over HTTP
// on both engines.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, string>
const items = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

describeEachEngine('billomat feed, search, roles and customfield', ({ storage }) => {
  let api: Billomat
  let clientId: string
  let invoice: Json
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Suchbar Handels GmbH')
    await api.json('POST', '/articles', { article: { title: 'Suchbarer Artikel', sales_price: 3 } })
    invoice = ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          label: 'Suchbares Projekt',
          'invoice-items': { 'invoice-item': { title: 'x', quantity: 1, unit_price: 10, tax_rate: 19 } },
        },
      }),
      201,
    ).invoice
    invoice = ok<{ invoice: Json }>(await api.json('PUT', `/invoices/${invoice.id}/complete`)).invoice
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  test('the activity feed lists the organization’s events, newest first', async () => {
    const feed = ok<{ 'activity-feed': { activity: Json[] } }>(await api.json('GET', '/activity-feed'))[
      'activity-feed'
    ]

    expect(feed.activity[0]).toMatchObject({
      resource: 'invoice',
      id: invoice.id,
      title: `invoice ${invoice.invoice_number} completed`,
      user_id: '1',
    })
    expect(feed.activity.at(-1)).toMatchObject({ title: `invoice ${invoice.invoice_number} created` })
  })

  test('search finds clients, articles and invoices by their words', async () => {
    const found = items(
      ok<{ search: { result?: Json | Json[] } }>(await api.json('GET', '/search?query=suchbar')).search
        .result,
    )

    expect(found.map((result) => result.resource).sort()).toEqual(['article', 'client', 'invoice'])
    expect(found.find((result) => result.resource === 'invoice')).toMatchObject({
      id: invoice.id,
      sublineline: 'Suchbares Projekt',
    })
    expect((await api.json('GET', '/search')).statusCode).toBe(400)
  })

  test('roles are kept with their permissions', async () => {
    const role = ok<{ role: Json }>(
      await api.json('POST', '/roles', { role: { name: 'Buchhaltung', invoices: 'UPDATE' } }),
      201,
    ).role

    expect(role).toMatchObject({ name: 'Buchhaltung', invoices: 'UPDATE', clients: 'NONE' })
    expect((await api.json('POST', '/roles', { role: { name: 'x', invoices: 'ALL' } })).statusCode).toBe(400)
  })

  test('customfield is read and written on a completed invoice, a client and an article', async () => {
    const onInvoice = ok<{ invoice: Json }>(
      await api.json('PUT', `/invoices/${invoice.id}/customfield`, { invoice: { customfield: 'ERP-4711' } }),
    ).invoice
    const onClient = ok<{ client: Json }>(
      await api.xmlToJson(
        'PUT',
        `/clients/${clientId}/customfield`,
        '<client><customfield>K-1</customfield></client>',
      ),
    ).client
    const read = ok<{ invoice: Json }>(await api.json('GET', `/invoices/${invoice.id}/customfield`)).invoice
    const filtered = ok<{ invoices: Json }>(await api.json('GET', '/invoices?customfield=ERP-4711')).invoices

    expect(onInvoice).toEqual({ customfield: 'ERP-4711' })
    expect(onClient).toEqual({ customfield: 'K-1' })
    expect(read.customfield).toBe('ERP-4711')
    expect(filtered['@total']).toBe('1')
  })
})
