// Proves the contract checklist of ../shared/reference/billogram.md §7 and provokes every error
// code of its table: envelopes, exact content type, auth challenge, lenient bodies and paths,
// timestamps and whole numbers.

import { connect } from 'node:net'
import { beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../../src/config/config.ts'
import { HTTP_STATUS } from '../../../src/dialects/billogram/errors.ts'
import { billogramDialect } from '../../../src/dialects/billogram/plugin.ts'
import { buildDialectServer, createServices } from '../../../src/http/server.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { basicAuth, PREFIX, useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer } from './support/fixtures.ts'

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

/** The digest's error table (§1): every status string a client knows, with its HTTP status. */
const DIGEST_ERRORS = {
  MISSING_AUTH: 401,
  INVALID_AUTH: 403,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  NOT_AVAILABLE_YET: 404,
  METHOD_NOT_ALLOWED: 405,
  MISSING_QUERY_PARAMETER: 400,
  INVALID_QUERY_PARAMETER: 400,
  INVALID_PARAMETER: 400,
  INVALID_PARAMETER_COMBINATION: 400,
  READ_ONLY_PARAMETER: 400,
  UNKNOWN_PARAMETER: 400,
  INVALID_OBJECT_STATE: 400,
}

/** One raw HTTP/1.1 exchange over a socket: the head of the answer (status line and headers). */
async function rawHead(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request))
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1')
      const end = received.indexOf('\r\n\r\n')
      if (end >= 0) {
        socket.destroy()
        resolve(received.slice(0, end))
      }
    })
    socket.on('error', reject)
  })
}

describeEachEngine('billogram wire contract', ({ storage }) => {
  const api = useBillogramApi(storage)
  let customerNo = 0

  beforeAll(async () => {
    customerNo = await createCustomer(api)
  })

  test('every answer is application/json without a charset, success and error alike', async () => {
    const answers = await Promise.all([
      api.call('GET', '/customer'),
      api.call('GET', `/customer/${customerNo}`),
      api.call('GET', '/no-such-resource'),
      api.call('DELETE', `/customer/${customerNo}`),
      api.app().inject({ url: `${PREFIX}/customer` }),
    ])

    for (const answer of answers) expect(answer.headers['content-type']).toBe('application/json')
  })

  test('over a real socket: HTTP/1.1 200 OK and exactly application/json, an error HTTP/1.1 400', async () => {
    const own = await buildDialectServer(
      createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), api.core()),
      billogramDialect,
    )
    await own.listen({ host: '127.0.0.1', port: 0 })
    const port = (own.server.address() as { port: number }).port
    const ask = (path: string) =>
      rawHead(
        port,
        `GET /api/v2${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${api.authorization()}\r\nConnection: close\r\n\r\n`,
      )

    const ok = await ask(`/customer/${customerNo}`)
    const bad = await ask('/customer?page_size=0')
    await own.close()

    expect(ok.split('\r\n')[0]).toBe('HTTP/1.1 200 OK')
    expect(ok).toMatch(/\r\ncontent-type: application\/json\r\n/i)
    expect(bad.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request')
    expect(bad).toMatch(/\r\ncontent-type: application\/json\r\n/i)
  })

  test('every code of the error table is provoked with its HTTP status, status and data.message', async () => {
    const unattested = await createBillogram(api, customerNo)
    const anonymous = await api.app().inject({ url: `${PREFIX}/billogram` })
    const wrongKey = await api.app().inject({
      url: `${PREFIX}/billogram`,
      headers: { authorization: basicAuth(api.credentials().user, 'nope') },
    })
    const items = [{ title: 'x', price: 1, vat: 25 }]
    const customer = { customer_no: customerNo }
    const answers = {
      MISSING_AUTH: { status: anonymous.statusCode, json: anonymous.json() },
      INVALID_AUTH: { status: wrongKey.statusCode, json: wrongKey.json() },
      PERMISSION_DENIED: await api.call('POST', `/billogram/${unattested.id}/command/send`, {
        method: 'EDI',
      }),
      NOT_FOUND: await api.call('GET', '/billogram/zzzzzzzz'),
      NOT_AVAILABLE_YET: await api.call('GET', `/billogram/${unattested.id}.pdf`),
      METHOD_NOT_ALLOWED: await api.call('DELETE', `/customer/${customerNo}`),
      MISSING_QUERY_PARAMETER: await api.call('GET', '/item?filter_type=field&filter_field=title'),
      INVALID_QUERY_PARAMETER: await api.call('GET', '/item?page=0'),
      INVALID_PARAMETER: await api.call('POST', '/item', { title: 'x', price: 1, vat: 7, unit: 'unit' }),
      INVALID_PARAMETER_COMBINATION: await api.call('POST', '/billogram', {
        customer,
        items,
        due_date: '2026-04-01',
        due_days: 30,
      }),
      READ_ONLY_PARAMETER: await api.call('POST', '/billogram', { customer, items, ocr_number: '1' }),
      UNKNOWN_PARAMETER: await api.call('POST', '/billogram', { customer, items, colour: 'red' }),
      INVALID_OBJECT_STATE: await api.call('POST', `/billogram/${unattested.id}/command/payment`, {
        amount: 1,
      }),
    }

    expect(HTTP_STATUS).toEqual(DIGEST_ERRORS)
    for (const [code, answer] of Object.entries(answers)) {
      expect([code, answer.status, answer.json.status]).toEqual([
        code,
        DIGEST_ERRORS[code as keyof typeof DIGEST_ERRORS],
        code,
      ])
      expect(answer.json.data.message, code).toMatch(/\S/)
    }
    expect(Object.keys(answers).sort()).toEqual(Object.keys(DIGEST_ERRORS).sort())
  })

  test('without credentials: 401 MISSING_AUTH with a Basic challenge; a wrong key: 403 INVALID_AUTH', async () => {
    const missing = await api.app().inject({ url: `${PREFIX}/billogram` })
    const wrong = await api.app().inject({
      url: `${PREFIX}/billogram`,
      headers: { authorization: basicAuth(api.credentials().user, 'nope') },
    })

    expect(missing.statusCode).toBe(401)
    expect(missing.headers['www-authenticate']).toMatch(/^Basic realm="/)
    expect(missing.json()).toMatchObject({ status: 'MISSING_AUTH', data: { message: expect.any(String) } })
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json().status).toBe('INVALID_AUTH')
  })

  test('a list carries meta.total_count of all matches, not of the page', async () => {
    await createCustomer(api, { name: 'Räknad 1' })
    await createCustomer(api, { name: 'Räknad 2' })

    const page = await api.call(
      'GET',
      '/customer?page=2&page_size=1&filter_type=field-prefix&filter_field=name&filter_value=R%C3%A4knad',
    )

    expect(page.json).toMatchObject({ status: 'OK', meta: { total_count: 2 } })
    expect(page.json.data).toHaveLength(1)
  })

  test('a JSON body is read whatever the content type says, or with none', async () => {
    const asText = await api.call('POST', '/customer', JSON.stringify({ name: 'Text AB' }), {
      'content-type': 'text/plain',
    })
    const asForm = await api.call('POST', '/customer', JSON.stringify({ name: 'Form AB' }), {
      'content-type': 'application/x-www-form-urlencoded',
    })
    const untyped = await api.app().inject({
      method: 'POST',
      url: `${PREFIX}/customer`,
      headers: { authorization: api.authorization() },
      payload: Buffer.from(JSON.stringify({ name: 'Untyped AB' })),
    })

    expect(asText.json.data.name).toBe('Text AB')
    expect(asForm.json.data.name).toBe('Form AB')
    expect(untyped.json().data.name).toBe('Untyped AB')
  })

  test('a body that is not JSON is INVALID_PARAMETER naming the body', async () => {
    const response = await api.call('POST', '/customer', '{"name": ', { 'content-type': 'application/json' })

    expect(response.status).toBe(400)
    expect(response.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'body', message: expect.any(String) },
    })
  })

  test('trailing and doubled slashes reach the same resource', async () => {
    const trailing = await api.call('GET', `/customer/${customerNo}/`)
    const doubled = await api.call('GET', `//customer/${customerNo}`)
    const netStyle = await api.call('GET', '/billogram/?page=1&page_size=5')

    expect(trailing.json.data.customer_no).toBe(customerNo)
    expect(doubled.json.data.customer_no).toBe(customerNo)
    expect(netStyle.json.status).toBe('OK')
  })

  test('timestamps are YYYY-MM-DD HH:MM:SS, dates YYYY-MM-DD, ids and counters whole numbers', async () => {
    const billogram = await createBillogram(api, customerNo, {
      on_success: { command: 'send', method: 'Email' },
    })
    const raw = (await api.call('GET', `/billogram/${billogram.id}`)).body

    expect(billogram.created_at).toMatch(TIMESTAMP)
    expect(billogram.attested_at).toMatch(TIMESTAMP)
    expect(billogram.events[1].created_at).toMatch(TIMESTAMP)
    expect(billogram.due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(raw).toMatch(/"invoice_no":\d+,/)
    expect(raw).toMatch(/"customer_no":\d+,/)
    expect(raw).toMatch(/"reminder_count":0,/)
  })

  test('METHOD_NOT_ALLOWED for a known path with another method, NOT_FOUND for an unknown path', async () => {
    const method = await api.call('DELETE', `/customer/${customerNo}`)
    const path = await api.call('GET', '/creditor/1')

    expect(method.status).toBe(405)
    expect(method.json).toMatchObject({ status: 'METHOD_NOT_ALLOWED', data: { message: expect.any(String) } })
    expect(path.status).toBe(404)
    expect(path.json.status).toBe('NOT_FOUND')
  })

  test('MISSING_QUERY_PARAMETER and INVALID_QUERY_PARAMETER name the parameter', async () => {
    const missing = await api.call('GET', '/customer?filter_type=field&filter_field=name')
    const pageSize = await api.call('GET', '/customer?page_size=0')
    const order = await api.call('GET', '/customer?order_field=shoe_size')
    const state = await api.call('GET', '/billogram?filter_type=field&filter_field=state&filter_value=Happy')

    expect(missing.json).toMatchObject({ status: 'MISSING_QUERY_PARAMETER', data: { field: 'filter_value' } })
    expect(pageSize.json).toMatchObject({ status: 'INVALID_QUERY_PARAMETER', data: { field: 'page_size' } })
    expect(order.json).toMatchObject({ status: 'INVALID_QUERY_PARAMETER', data: { field: 'order_field' } })
    expect(state.json).toMatchObject({ status: 'INVALID_QUERY_PARAMETER', data: { field: 'filter_value' } })
    expect(state.status).toBe(400)
  })

  test('INVALID_PARAMETER_COMBINATION when due_date and due_days are both given', async () => {
    const response = await api.call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [{ title: 'x', price: 1, vat: 25 }],
      due_date: '2026-04-01',
      due_days: 30,
    })

    expect(response.status).toBe(400)
    expect(response.json).toMatchObject({
      status: 'INVALID_PARAMETER_COMBINATION',
      data: { field: 'due_days' },
    })
  })

  test('a read-only field of a billogram is refused on create, a nested unknown key with its path', async () => {
    const readOnly = await api.call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [{ title: 'x', price: 1, vat: 25 }],
      state: 'Paid',
    })
    const unknown = await api.call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [{ title: 'x', price: 1, vat: 25, colour: 'red' }],
    })

    expect(readOnly.json).toMatchObject({
      status: 'READ_ONLY_PARAMETER',
      data: { field: 'state', field_path: [] },
    })
    expect(unknown.json).toMatchObject({
      status: 'UNKNOWN_PARAMETER',
      data: { field: 'colour', field_path: ['items', 0] },
    })
  })

  test('the customer snapshot echoed unchanged is accepted; a changed name is READ_ONLY_PARAMETER', async () => {
    const created = await createBillogram(api, customerNo)

    const echoed = await api.call('POST', '/billogram', {
      customer: created.customer,
      items: [{ title: 'x', price: 1, vat: 25 }],
    })
    const renamed = await api.call('POST', '/billogram', {
      customer: { ...created.customer, name: 'Annat AB' },
      items: [{ title: 'x', price: 1, vat: 25 }],
    })

    expect(echoed.status).toBe(200)
    expect(renamed.json).toMatchObject({
      status: 'READ_ONLY_PARAMETER',
      data: { field: 'name', field_path: ['customer'] },
    })
  })

  test('DELETE answers OK with the deleted object as data, never null', async () => {
    const created = await api.call('POST', '/item', { title: 'Kortlivad', price: 1, vat: 25, unit: 'unit' })

    const deleted = await api.call('DELETE', `/item/${created.json.data.item_no}`)

    expect(deleted.json.status).toBe('OK')
    expect(deleted.json.data).not.toBeNull()
  })

  test('the dialect answers at /api/v2 on a server of its own', async () => {
    const own = await buildDialectServer(
      createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), api.core()),
      billogramDialect,
    )

    const response = await own.inject({
      url: `/api/v2/customer/${customerNo}`,
      headers: { authorization: api.authorization() },
    })
    await own.close()

    expect(response.json().data.customer_no).toBe(customerNo)
  })
})
