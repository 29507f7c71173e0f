// Proves the Billomat wire contract on both engines: XML by default with typed elements, JSON in
// Billomat's shape (string scalars, @ attributes, one item as an object, none without its key,
// nested wrappers), status codes, error bodies, rate-limit headers, HEAD, paging, ordering and
// the lenient bodies and query strings real clients send.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

describeEachEngine('billomat wire contract', ({ storage }) => {
  let api: Billomat
  let clientId: string
  const invoiceIds: string[] = []
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client()
    for (const title of ['Alpha', 'Beta', 'Gamma']) {
      const created = ok<{ invoice: { id: string } }>(
        await api.json('POST', '/invoices', {
          invoice: {
            client_id: clientId,
            label: `Projekt ${title}`,
            'invoice-items': { 'invoice-item': { title, quantity: 1, unit_price: 100, tax_rate: 19 } },
          },
        }),
        201,
      )
      invoiceIds.push(created.invoice.id)
    }
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  describe('formats', () => {
    test('XML is the default and carries typed elements', async () => {
      const response = await api.xml('GET', `/invoices/${invoiceIds[0]}`)

      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toMatch(/^application\/xml/)
      expect(response.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<invoice>')).toBe(true)
      expect(response.body).toContain(`<id type="integer">${invoiceIds[0]}</id>`)
      expect(response.body).toContain('<total_gross type="float">119</total_gross>')
      expect(response.body).toMatch(/<date type="date">\d{4}-\d{2}-\d{2}<\/date>/)
      expect(response.body).toMatch(
        /<created type="datetime">\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00<\/created>/,
      )
      expect(response.body).toContain('<contact_id type="integer"></contact_id>')
      expect(response.body).toContain('<taxes type="array"><tax><name>MwSt</name>')
      expect(response.body).toContain('<status>DRAFT</status>')
    })

    test('JSON is chosen by the Accept header or format=json, with every scalar a string', async () => {
      const byAccept = ok<{ invoice: Record<string, unknown> }>(
        await api.json('GET', `/invoices/${invoiceIds[0]}`),
      )
      const byQuery = await api.xml('GET', `/invoices/${invoiceIds[0]}?format=json`)

      expect(byQuery.headers['content-type']).toMatch(/^application\/json/)
      expect(byQuery.json()).toEqual(byAccept)
      expect(byAccept.invoice.id).toBe(invoiceIds[0])
      expect(byAccept.invoice.total_gross).toBe('119')
      expect(byAccept.invoice.contact_id).toBe('')
      const scalars = Object.values(byAccept.invoice).filter((value) => typeof value !== 'object')
      expect(scalars.every((value) => typeof value === 'string')).toBe(true)
    })

    test('format=xml wins over an Accept header asking for JSON', async () => {
      const response = await api.json('GET', `/invoices/${invoiceIds[0]}?format=xml`)

      expect(response.headers['content-type']).toMatch(/^application\/xml/)
    })

    test('a list carries its paging as @ attributes of strings and its items in an array', async () => {
      const body = ok<{ invoices: Record<string, unknown> }>(await api.json('GET', '/invoices'))

      expect(body.invoices['@page']).toBe('1')
      expect(body.invoices['@per_page']).toBe('100')
      expect(body.invoices['@total']).toBe('3')
      expect(Array.isArray(body.invoices.invoice)).toBe(true)
    })

    test('a list of one item holds it as an object, not an array', async () => {
      const body = ok<{ invoices: Record<string, unknown> }>(await api.json('GET', `/invoices?label=Beta`))

      expect(body.invoices['@total']).toBe('1')
      expect(Array.isArray(body.invoices.invoice)).toBe(false)
      expect((body.invoices.invoice as { label: string }).label).toBe('Projekt Beta')
    })

    test('an empty list has no item key at all', async () => {
      const body = ok<{ invoices: Record<string, unknown> }>(
        await api.json('GET', '/invoices?label=nothing-like-this'),
      )

      expect(body).toEqual({ invoices: { '@page': '1', '@per_page': '100', '@total': '0' } })
    })

    test('nested collections stay in their wrappers: one tax as an object', async () => {
      const body = ok<{ invoice: { taxes: { tax: Record<string, string> } } }>(
        await api.json('GET', `/invoices/${invoiceIds[0]}`),
      )

      expect(body.invoice.taxes.tax).toMatchObject({ name: 'MwSt', rate: '19', amount: '19' })
    })

    test('nested collections: two taxes as an array, none as an empty string', async () => {
      const twoRates = ok<{ invoice: { id: string; taxes: { tax: Array<Record<string, string>> } } }>(
        await api.json('POST', '/invoices', {
          invoice: {
            client_id: clientId,
            'invoice-items': {
              'invoice-item': [
                { title: 'Full', quantity: 1, unit_price: 100, tax_rate: 19 },
                { title: 'Reduced', quantity: 1, unit_price: 100, tax_rate: 7 },
              ],
            },
          },
        }),
        201,
      )
      const noItems = ok<{ invoice: { id: string; taxes: unknown } }>(
        await api.json('POST', '/invoices', { invoice: { client_id: clientId } }),
        201,
      )

      expect(twoRates.invoice.taxes.tax.map((tax) => tax.rate).sort()).toEqual(['19', '7'])
      expect(noItems.invoice.taxes).toBe('')
      // Later tests count the three invoices made in beforeAll; these drafts must not stay.
      for (const id of [twoRates.invoice.id, noItems.invoice.id]) {
        expect((await api.json('DELETE', `/invoices/${id}`)).statusCode).toBe(200)
      }
    })

    test('JSONP wraps the JSON in the named callback', async () => {
      const response = await api.xml('GET', `/invoices/${invoiceIds[0]}?format=json&jsonp=handle`)

      expect(response.headers['content-type']).toMatch(/^application\/javascript/)
      expect(response.body).toMatch(/^handle\(\{"invoice":/)
    })
  })

  describe('status codes and errors', () => {
    test('create answers 201 with the full object', async () => {
      const response = await api.json('POST', '/invoices', { invoice: { client_id: clientId } })

      expect(response.statusCode).toBe(201)
      expect(response.json().invoice.status).toBe('DRAFT')
      await api.json('DELETE', `/invoices/${response.json().invoice.id}`)
    })

    test('a bad field gets 400 with an XML error naming it', async () => {
      const response = await api.xml(
        'POST',
        '/invoices',
        '<invoice><client_id>1</client_id><date>yesterday</date></invoice>',
      )

      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toMatch(/^application\/xml/)
      expect(response.body).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<errors><error>date must be a date/,
      )
    })

    test('a bad field gets a JSON error body when JSON was asked for', async () => {
      const response = await api.json('POST', '/invoices', {
        invoice: { client_id: clientId, net_gross: 'BOTH' },
      })

      expect(response.statusCode).toBe(400)
      expect(response.json()).toEqual({ errors: { error: expect.stringContaining('net_gross') } })
    })

    test('an unknown or non-numeric id is 404 row not found', async () => {
      const unknown = await api.json('GET', '/invoices/999999')
      const word = await api.json('GET', '/invoices/abc')

      expect(unknown.statusCode).toBe(404)
      expect(word.statusCode).toBe(404)
      expect(unknown.json().errors.error).toContain('999999')
    })

    test('a body that is not XML is refused, naming the body', async () => {
      const response = await api.xml('POST', '/invoices', '<invoice><client_id>1</invoice>')

      expect(response.statusCode).toBe(400)
      expect(response.body).toContain('not well-formed XML')
    })

    test('a DOCTYPE in an XML body is refused', async () => {
      const response = await api.xml(
        'POST',
        '/invoices',
        '<!DOCTYPE x [<!ENTITY a "b">]><invoice><note>&a;</note></invoice>',
      )

      expect(response.statusCode).toBe(400)
      expect(response.body).toContain('DOCTYPE')
    })
  })

  describe('rate limit, HEAD, paging, order', () => {
    test('every answer carries X-Rate-Limit-Remaining and a reset at the next quarter hour', async () => {
      const first = await api.json('GET', '/invoices')
      const second = await api.json('GET', '/invoices/999999')

      expect(Number(first.headers['x-rate-limit-remaining'])).toBeGreaterThan(0)
      expect(Number(second.headers['x-rate-limit-remaining'])).toBe(
        Number(first.headers['x-rate-limit-remaining']) - 1,
      )
      // The harness clock stands at 10:00:00 UTC on 2026-11-02: the window ends at 10:15.
      expect(first.headers['x-rate-limit-reset']).toBe(String(Date.parse('2026-11-02T10:15:00Z') / 1000))
    })

    test('HEAD answers the total in X-Total-Count without a body', async () => {
      const response = await api.app.inject({
        method: 'HEAD',
        url: '/billomat/api/invoices?label=Projekt',
        headers: { 'x-billomatapikey': api.apiKey },
      })

      expect(response.statusCode).toBe(200)
      expect(response.headers['x-total-count']).toBe('3')
      expect(response.body).toBe('')
    })

    test('page and per_page select a page and report it', async () => {
      const body = ok<{ invoices: { invoice: { id: string }; '@page': string; '@per_page': string } }>(
        await api.json('GET', '/invoices?per_page=2&page=2&order_by=id'),
      )

      expect(body.invoices['@page']).toBe('2')
      expect(body.invoices['@per_page']).toBe('2')
      expect(body.invoices.invoice.id).toBe(invoiceIds[2])
    })

    test('per_page above 1000 is refused, naming per_page', async () => {
      const response = await api.json('GET', '/invoices?per_page=1001')

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('per_page')
    })

    test('order_by takes a direction, with + or %20 as the space', async () => {
      const plus = ok<{ invoices: { invoice: { id: string }[] } }>(
        await api.json('GET', '/invoices?order_by=id+DESC'),
      )
      const encoded = ok<{ invoices: { invoice: { id: string }[] } }>(
        await api.json('GET', '/invoices?order_by=id%20DESC'),
      )

      expect(plus.invoices.invoice.map((invoice) => invoice.id)).toEqual([...invoiceIds].reverse())
      expect(encoded).toEqual(plus)
    })

    test('an unknown order_by field is refused, naming order_by', async () => {
      const response = await api.json('GET', '/invoices?order_by=colour')

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('order_by')
    })

    test('list parameters take comma lists and key[] repeats alike', async () => {
      const commas = ok<{ invoices: { '@total': string } }>(
        await api.json('GET', `/invoices?client_id=${clientId},99999`),
      )
      const brackets = ok<{ invoices: { '@total': string } }>(
        await api.json('GET', `/invoices?client_id[]=${clientId}&client_id[]=99999`),
      )

      expect(commas.invoices['@total']).toBe('3')
      expect(brackets.invoices['@total']).toBe('3')
    })
  })

  describe('idempotency', () => {
    test('a create repeated with the same Idempotency-Key replays the first answer; another body is refused', async () => {
      const send = (label: string) =>
        api.app.inject({
          method: 'POST',
          url: '/billomat/api/invoices',
          headers: {
            'x-billomatapikey': api.apiKey,
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': 'bm-create-1',
          },
          payload: JSON.stringify({ invoice: { client_id: clientId, label } }),
        })

      const first = await send('einmal')
      const again = await send('einmal')
      const other = await send('anders')

      expect(first.statusCode).toBe(201)
      expect(again.statusCode).toBe(201)
      expect(again.json().invoice.id).toBe(first.json().invoice.id)
      expect(other.statusCode).toBe(400)
      expect(
        ok<{ invoices: { '@total': string } }>(await api.json('GET', '/invoices?label=einmal')).invoices[
          '@total'
        ],
      ).toBe('1')
      await api.json('DELETE', `/invoices/${first.json().invoice.id}`)
    })
  })

  describe('lenient bodies', () => {
    test('read-only fields a client echoes back are ignored', async () => {
      const response = await api.json('POST', '/invoices', {
        invoice: {
          id: '0',
          created: '0001-01-01T00:00:00.0000000',
          client_id: clientId,
          invoice_number: null,
          due_date: '0001-01-01',
          total_gross: '0',
          status: 'PAID',
        },
      })

      const body = ok<{ invoice: { status: string; due_date: string } }>(response, 201)
      expect(body.invoice.status).toBe('DRAFT')
      await api.json('DELETE', `/invoices/${response.json().invoice.id}`)
    })

    test('a body of the literal null is no body', async () => {
      const response = await api.app.inject({
        method: 'PUT',
        url: `/billomat/api/invoices/${invoiceIds[0]}`,
        headers: {
          'x-billomatapikey': api.apiKey,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        payload: 'null',
      })

      expect(response.statusCode).toBe(200)
    })

    test('numbers may come as JSON numbers or strings', async () => {
      const asNumbers = await api.json('PUT', `/invoices/${invoiceIds[1]}`, { invoice: { due_days: 21 } })
      const asStrings = await api.json('PUT', `/invoices/${invoiceIds[1]}`, { invoice: { due_days: '21' } })

      expect(ok<{ invoice: { due_days: string } }>(asNumbers).invoice.due_days).toBe('21')
      expect(ok<{ invoice: { due_days: string } }>(asStrings).invoice.due_days).toBe('21')
    })
  })
})

describeEachEngine('billomat rate limit', ({ storage }) => {
  let api: Billomat
  beforeAll(async () => {
    api = await openBillomat(storage(), {
      rateLimit: { perWindow: 3, perWindowWithApp: 5, windowSeconds: 900 },
    })
  })
  afterAll(async () => api.close())

  test('past the quota the answer is 429 with Billomat message, and app headers raise the quota', async () => {
    const answers = []
    for (let index = 0; index < 4; index += 1) answers.push(await api.json('GET', '/invoices'))
    const withApp = await api.app.inject({
      url: '/billomat/api/invoices',
      headers: {
        'x-billomatapikey': api.apiKey,
        'x-appid': 'app',
        'x-appsecret': 'secret',
        accept: 'application/json',
      },
    })
    const emptyApp = await api.app.inject({
      url: '/billomat/api/invoices',
      headers: {
        'x-billomatapikey': api.apiKey,
        'x-appid': '',
        'x-appsecret': '',
        accept: 'application/json',
      },
    })

    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 429])
    expect(answers[3]?.json().errors.error).toMatch(
      /^Maximum number of requests \(3 per 15 minutes\) reached\. Try again in \d+ seconds\.$/,
    )
    expect(answers[3]?.headers['x-rate-limit-remaining']).toBe('0')
    expect(withApp.statusCode).toBe(200)
    expect(withApp.headers['x-rate-limit-remaining']).toBe('4')
    expect(emptyApp.statusCode).toBe(429)
  })
})
