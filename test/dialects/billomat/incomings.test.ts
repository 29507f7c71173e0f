// Proves /incomings (purchase invoices) and their items, payments, comments, tags and attribute
// values, the inbox and the incoming categories over HTTP on both engines, in XML and JSON: an
// incoming is the core's bill, booked on entry (expense, input VAT, payable), rebooked on every
// edit, paid through bill payments, voided on delete, and shown by Billy as a bill.

import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { loadConfig } from '../../../src/config/config.ts'
import { createCredential } from '../../../src/core/credentials/create-credential.ts'
import { billyDialect } from '../../../src/dialects/billy/plugin.ts'
import { buildServer, createServices } from '../../../src/http/server.ts'
import { accountBalances } from '../../support/core-fixtures.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyClient, billyClient } from '../billy/billy-app.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, unknown>
type Strings = Record<string, string>
const items = <T>(value: T | T[] | undefined | ''): T[] =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]
const PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n').toString('base64')

// Every create field of the appendix (eingangsrechnungen), with two items inline, in XML.
const incomingXml = (supplierId: string) => `<?xml version="1.0" encoding="UTF-8"?>
<incoming>
  <supplier_id>${supplierId}</supplier_id>
  <address>Papier AG
Lagerweg 1
01099 Dresden</address>
  <number>ER-2026-17</number>
  <date>2026-10-20</date>
  <due_date>2026-11-19</due_date>
  <note>Büromaterial Oktober</note>
  <total_net>999</total_net>
  <total_gross>999</total_gross>
  <currency_code>EUR</currency_code>
  <quote>1.0000</quote>
  <base64file>${PDF_BASE64}</base64file>
  <expense_account_number>4900</expense_account_number>
  <label>Büro</label>
  <client_number>KD-555</client_number>
  <category></category>
  <incoming-items>
    <incoming-item><description>Papier</description><total>100</total><tax_name>MwSt</tax_name><tax_rate>19</tax_rate><type>PRODUCT</type><cost_center>10</cost_center></incoming-item>
    <incoming-item><description>Bücher</description><total>50</total><tax_rate>7</tax_rate><expense_account_number>3400</expense_account_number></incoming-item>
  </incoming-items>
</incoming>`

describeEachEngine('billomat incomings', ({ storage }) => {
  let api: Billomat
  let billy: BillyClient
  let billyApp: FastifyInstance
  let supplierId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    billyApp = await buildServer(
      createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), api.core),
      [billyDialect],
    )
    const credential = await createCredential(api.core, {
      organizationId: api.tenant.organizationId,
      dialect: 'billy',
    })
    billy = billyClient(billyApp, credential.secrets.accessToken ?? '')
    supplierId = await newSupplier('Papier AG')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => {
    await billyApp.close()
    await api.close()
  })

  async function newSupplier(name: string): Promise<string> {
    return String(
      ok<{ supplier: Strings }>(await api.json('POST', '/suppliers', { supplier: { name } }), 201).supplier
        .id,
    )
  }
  const create = async (fields: Json, supplier = supplierId) =>
    ok<{ incoming: Strings }>(
      await api.json('POST', '/incomings', {
        incoming: { supplier_id: supplier, date: '2026-10-01', ...fields },
      }),
      201,
    ).incoming
  const get = async (id: string) => ok<{ incoming: Json }>(await api.json('GET', `/incomings/${id}`)).incoming
  const balances = () => accountBalances(storage(), api.tenant.organizationId)

  test('an incoming from XML with every field and items is booked, and Billy shows it as a bill', async () => {
    const before = await balances()

    const created = await api.xml('POST', '/incomings', incomingXml(supplierId))
    const id = /<id type="integer">(\d+)<\/id>/.exec(created.body)?.[1] ?? ''
    const incoming = await get(id)
    const after = await balances()
    const bills = ok<{ bills: Json[] }>(await billy.get('/bills')).bills
    const bill = bills.find((candidate) => candidate.suppliersInvoiceNo === 'ER-2026-17')
    const change = (account: string) => (after.get(account) ?? 0n) - (before.get(account) ?? 0n)

    expect(created.statusCode).toBe(201)
    expect(created.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<incoming><id type="integer">/)
    expect(created.body).toContain('<total_gross type="float">172.5</total_gross>')
    expect(incoming).toMatchObject({
      supplier_id: supplierId,
      number: 'ER-2026-17',
      client_number: 'KD-555',
      date: '2026-10-20',
      due_date: '2026-11-19',
      address: 'Papier AG\nLagerweg 1\n01099 Dresden',
      status: 'OPEN',
      label: 'Büro',
      note: 'Büromaterial Oktober',
      total_net: '150',
      total_gross: '172.5',
      currency_code: 'EUR',
      quote: '1',
      paid_amount: '0',
      open_amount: '172.5',
      expense_account_number: '4900',
      page_count: '1',
      'incoming-property-values': '',
    })
    expect(change('4900')).toBe(10000n)
    expect(change('3400')).toBe(5000n)
    expect(change('1576')).toBe(1900n)
    expect(change('1571')).toBe(350n)
    expect(change('1600')).toBe(-17250n)
    expect(bill).toMatchObject({ state: 'approved', amount: 150, tax: 22.5 })
  })

  test('the items of an incoming are listed, read, added, edited and deleted, rebooking it each time', async () => {
    const incoming = await create({
      number: 'ER-I',
      'incoming-items': { 'incoming-item': { description: 'A', total: 10, tax_rate: 19 } },
    })

    const listed = ok<{ 'incoming-items': Json }>(
      await api.json('GET', `/incoming-items?incoming_id=${incoming.id}`),
    )['incoming-items']
    const first = listed['incoming-item'] as Strings
    const added = ok<{ 'incoming-item': Strings }>(
      await api.xmlToJson(
        'POST',
        '/incoming-items',
        `<incoming-item><incoming_id>${incoming.id}</incoming_id><description>B</description><total>20</total><tax_rate>7</tax_rate><category>Sonstige betriebliche Aufwendungen</category></incoming-item>`,
      ),
      201,
    )['incoming-item']
    const edited = ok<{ 'incoming-item': Strings }>(
      await api.json('PUT', `/incoming-items/${first.id}`, { 'incoming-item': { total: 30 } }),
    )['incoming-item']
    const afterEdit = await get(incoming.id!)
    await api.json('DELETE', `/incoming-items/${added.id}`)
    const afterDelete = await get(incoming.id!)

    expect(first).toMatchObject({
      incoming_id: incoming.id,
      description: 'A',
      total: '10',
      tax_rate: '19',
      position: '1',
    })
    expect(added).toMatchObject({
      description: 'B',
      total_gross: '21.4',
      expense_account_number: '4900',
      category: 'Sonstige betriebliche Aufwendungen',
    })
    expect(edited).toMatchObject({ id: first.id, total: '30', total_gross: '35.7' })
    expect(afterEdit).toMatchObject({ total_net: '50', total_gross: '57.1' })
    expect(afterDelete).toMatchObject({ total_net: '30', total_gross: '35.7' })
    expect((await api.json('GET', `/incoming-items/${added.id}`)).statusCode).toBe(404)
    expect((await api.json('GET', '/incoming-items')).json().errors.error).toContain('incoming_id')
  })

  test('total_net and total_gross alone make one line of the fitting rate; the first item replaces it', async () => {
    const incoming = await create({ number: 'ER-T', total_net: '100', total_gross: '119' })
    const itemsBefore = ok<{ 'incoming-items': Json }>(
      await api.json('GET', `/incoming-items?incoming_id=${incoming.id}`),
    )['incoming-items']

    await api.json('POST', '/incoming-items', {
      'incoming-item': { incoming_id: incoming.id, total: 40, tax_rate: 19 },
    })
    const after = await get(incoming.id!)
    const odd = await api.json('POST', '/incomings', {
      incoming: {
        supplier_id: supplierId,
        number: 'x',
        date: '2026-10-01',
        total_net: '100',
        total_gross: '133.33',
      },
    })

    expect(incoming).toMatchObject({ total_net: '100', total_gross: '119', status: 'OPEN' })
    expect(itemsBefore['@total']).toBe('0')
    expect(after).toMatchObject({ total_net: '40', total_gross: '47.6' })
    expect(odd.statusCode).toBe(400)
    expect(odd.json().errors.error).toContain('total_gross')
  })

  test('payments settle an incoming: partly OPEN, then PAID; a deleted payment makes it owe again', async () => {
    const incoming = await create({ number: 'ER-P', total_net: '100', total_gross: '119' })

    const part = ok<{ 'incoming-payment': Strings }>(
      await api.xmlToJson(
        'POST',
        '/incoming-payments',
        `<incoming-payment><incoming_id>${incoming.id}</incoming_id><date>2026-10-05</date><amount>19</amount><comment>Anzahlung</comment><type>BANK_TRANSFER</type></incoming-payment>`,
      ),
      201,
    )['incoming-payment']
    const partly = await get(incoming.id!)
    const rest = ok<{ 'incoming-payment': Strings }>(
      await api.json('POST', '/incoming-payments', {
        'incoming-payment': {
          incoming_id: incoming.id,
          amount: '100',
          type: 'CASH',
          mark_incoming_as_paid: 1,
        },
      }),
      201,
    )['incoming-payment']
    const paid = await get(incoming.id!)
    const listed = ok<{ 'incoming-payments': Json }>(
      await api.json('GET', `/incoming-payments?incoming_id=${incoming.id}&type=CASH`),
    )['incoming-payments']
    const deleteRefused = await api.json('DELETE', `/incomings/${incoming.id}`)
    await api.json('DELETE', `/incoming-payments/${rest.id}`)
    const again = await get(incoming.id!)

    expect(part).toMatchObject({
      incoming_id: incoming.id,
      amount: '19',
      comment: 'Anzahlung',
      type: 'BANK_TRANSFER',
      date: '2026-10-05',
      user_id: '1',
    })
    expect(partly).toMatchObject({ status: 'OPEN', paid_amount: '19', open_amount: '100' })
    expect(paid).toMatchObject({ status: 'PAID', paid_amount: '119', open_amount: '0' })
    expect((listed['incoming-payment'] as Strings).id).toBe(rest.id)
    expect(deleteRefused.statusCode).toBe(400)
    expect(again).toMatchObject({ status: 'OPEN', paid_amount: '19' })
    expect((await api.json('GET', `/incoming-payments/${rest.id}`)).statusCode).toBe(404)
  })

  test('a payment beyond what is owed, or marked paid short, is refused naming the field', async () => {
    const incoming = await create({ number: 'ER-X', total_net: '10', total_gross: '11.9' })

    const over = await api.json('POST', '/incoming-payments', {
      'incoming-payment': { incoming_id: incoming.id, amount: 12 },
    })
    const short = await api.json('POST', '/incoming-payments', {
      'incoming-payment': { incoming_id: incoming.id, amount: 5, mark_incoming_as_paid: 1 },
    })
    const missing = await api.json('POST', '/incoming-payments', {
      'incoming-payment': { incoming_id: 999999, amount: 5 },
    })

    expect(over.statusCode).toBe(400)
    expect(over.json().errors.error).toContain('amount')
    expect(short.json().errors.error).toContain('mark_incoming_as_paid')
    expect(missing.json().errors.error).toContain('incoming_id')
    expect((await get(incoming.id!)).paid_amount).toBe('0')
  })

  test('the list filters by every parameter of the appendix, orders, and groups by supplier', async () => {
    const other = await newSupplier('Filter Lieferant GmbH')
    const late = await create(
      { number: 'FL-LATE', date: '2026-09-01', due_date: '2026-10-01', note: 'Spät', total_net: 10 },
      other,
    )
    const early = await create({ number: 'FL-EARLY', date: '2026-09-15', note: 'Früh', total_net: 20 }, other)
    await api.json('POST', '/incoming-tags', { 'incoming-tag': { incoming_id: early.id, name: 'Strom' } })
    const numbers = async (query: string) =>
      items(
        ok<{ incomings: { incoming?: Json | Json[] } }>(
          await api.json('GET', `/incomings?supplier_id=${other}&${query}`),
        ).incomings.incoming,
      ).map((incoming) => incoming.number)

    const grouped = ok<{ 'incoming-groups': Json }>(
      await api.json('GET', `/incomings?supplier_id=${other}&group_by=supplier`),
    )['incoming-groups']
    const groupedXml = await api.xml('GET', `/incomings?supplier_id=${other}&group_by=supplier`)

    expect(await numbers('order_by=date+DESC')).toEqual(['FL-EARLY', 'FL-LATE'])
    expect(await numbers('incoming_number=fl-l')).toEqual(['FL-LATE'])
    expect(await numbers('status=OVERDUE')).toEqual(['FL-LATE'])
    expect(await numbers('status=OPEN,PAID')).toEqual(['FL-EARLY'])
    expect(await numbers('from=2026-09-10&to=2026-09-30')).toEqual(['FL-EARLY'])
    expect(await numbers('note=spät')).toEqual(['FL-LATE'])
    expect(await numbers('tags=strom')).toEqual(['FL-EARLY'])
    expect((await get(late.id!)).status).toBe('OVERDUE')
    expect(grouped).toMatchObject({
      '@currency_code': 'EUR',
      'incoming-group': {
        total_net: '30',
        total_gross: '30',
        supplier_id: other,
        'incoming-params': { supplier_id: other },
      },
    })
    expect(groupedXml.body).toContain(
      '<incoming-groups type="array" currency_code="EUR"><incoming-group><total_gross type="float">30</total_gross>',
    )
    expect((await api.json('GET', '/incomings?status=DRAFT')).statusCode).toBe(400)
    expect((await api.json('GET', '/incomings?group_by=month')).statusCode).toBe(400)
    const supplier = ok<{ supplier: Strings }>(await api.json('GET', `/suppliers/${other}`)).supplier
    expect(supplier).toMatchObject({ costs_net: '30', costs_gross: '30' })
    expect(
      items(
        ok<{ suppliers: { supplier?: Json } }>(await api.json('GET', `/suppliers?incoming_id=${late.id}`))
          .suppliers.supplier,
      ).map((s) => (s as Json).id),
    ).toEqual([other])
  })

  test('editing an incoming rebooks it; deleting it voids its bill, which Billy still shows', async () => {
    const incoming = await create({ number: 'ER-E', total_net: '100', total_gross: '107' })

    const edited = ok<{ incoming: Strings }>(
      await api.xmlToJson(
        'PUT',
        `/incomings/${incoming.id}`,
        '<incoming><note>neu</note><date>2026-10-02</date><expense_account_number>4900</expense_account_number></incoming>',
      ),
    ).incoming
    const afterEdit = await balances()
    const deleted = await api.json('DELETE', `/incomings/${incoming.id}`)
    const afterDelete = await balances()
    const bills = ok<{ bills: Json[] }>(await billy.get('/bills')).bills

    expect(edited).toMatchObject({ note: 'neu', date: '2026-10-02', total_gross: '107', number: 'ER-E' })
    expect(afterEdit.get('4900')! - afterDelete.get('4900')!).toBe(10000n)
    expect(deleted.statusCode).toBe(200)
    expect((await api.json('GET', `/incomings/${incoming.id}`)).statusCode).toBe(404)
    expect(bills.find((bill) => bill.suppliersInvoiceNo === 'ER-E')).toMatchObject({ state: 'voided' })
  })

  test('bad input is refused naming the field, and nothing is booked', async () => {
    const before = await balances()

    const noSupplier = await api.json('POST', '/incomings', { incoming: { number: '1', date: '2026-10-01' } })
    const noNumber = await api.json('POST', '/incomings', {
      incoming: { supplier_id: supplierId, date: '2026-10-01' },
    })
    const noDate = await api.xml(
      'POST',
      '/incomings',
      `<incoming><supplier_id>${supplierId}</supplier_id><number>1</number></incoming>`,
    )
    const badAccount = await api.json('POST', '/incomings', {
      incoming: {
        supplier_id: supplierId,
        number: '1',
        date: '2026-10-01',
        total_net: 5,
        expense_account_number: 99999,
      },
    })
    const badCategory = await api.json('POST', '/incomings', {
      incoming: {
        supplier_id: supplierId,
        number: '1',
        date: '2026-10-01',
        total_net: 5,
        category: 'Gibt es nicht',
      },
    })
    const mixed = await api.json('POST', '/incomings', {
      incoming: {
        supplier_id: supplierId,
        number: '1',
        date: '2026-10-01',
        'incoming-items': {
          'incoming-item': [
            { total: 1, tax_included: 1 },
            { total: 1, tax_included: 0 },
          ],
        },
      },
    })

    expect(noSupplier.json().errors.error).toContain('supplier_id')
    expect(noNumber.json().errors.error).toContain('number')
    expect(noDate.body).toContain('date')
    expect(noDate.statusCode).toBe(400)
    expect(badAccount.json().errors.error).toContain('expense_account_number')
    expect(badCategory.json().errors.error).toContain('category')
    expect(mixed.json().errors.error).toContain('tax_included')
    expect(await balances()).toEqual(before)
  })

  test('an incoming of nothing is kept unbooked until it has an amount', async () => {
    const before = await balances()

    const empty = await create({ number: 'ER-0' })
    const unbooked = await balances()
    await api.json('POST', '/incoming-items', {
      'incoming-item': { incoming_id: empty.id, total: 10, tax_rate: 19 },
    })

    expect(empty).toMatchObject({ total_gross: '0', status: 'OPEN' })
    expect(unbooked).toEqual(before)
    expect(await get(empty.id!)).toMatchObject({ total_gross: '11.9' })
  })

  test('the uploaded document is served as the pdf, in its envelope or raw', async () => {
    const incoming = await create({ number: 'ER-PDF', total_net: 1, base64file: PDF_BASE64 })

    const envelope = ok<{ pdf: Strings }>(await api.json('GET', `/incomings/${incoming.id}/pdf`)).pdf
    const raw = await api.json('GET', `/incomings/${incoming.id}/pdf?format=pdf`)
    const none = await create({ number: 'ER-NOPDF', total_net: 1 })

    expect(envelope).toMatchObject({
      incoming_id: incoming.id,
      mimetype: 'application/pdf',
      base64file: PDF_BASE64,
    })
    expect(raw.headers['content-type']).toBe('application/pdf')
    expect(raw.rawPayload.toString('base64')).toBe(PDF_BASE64)
    expect((await api.json('GET', `/incomings/${none.id}/pdf`)).statusCode).toBe(404)
  })

  test('search finds suppliers and incomings by their words', async () => {
    const supplier = await newSupplier('Findbar Lieferant GmbH')
    const incoming = await create({ number: 'FINDBAR-1', total_net: 5 }, supplier)

    const found = ok<{ search: { result?: Json | Json[] } }>(
      await api.json('GET', '/search?query=findbar'),
    ).search

    expect(items(found.result)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: 'supplier', id: supplier, headline: 'Findbar Lieferant GmbH' }),
        expect.objectContaining({ resource: 'incoming', id: incoming.id, headline: 'FINDBAR-1' }),
      ]),
    )
  })

  test('the activity feed names the bookings of an incoming by the incoming', async () => {
    const incoming = await create({ number: 'FEED-1', total_net: 5 })
    await api.json('PUT', `/incomings/${incoming.id}`, { incoming: { total_net: 6 } })

    const feed = ok<{ 'activity-feed': { activity: Strings[] } }>(
      await api.json('GET', '/activity-feed?per_page=5'),
    )['activity-feed'].activity

    expect(feed.slice(0, 2)).toEqual([
      expect.objectContaining({
        resource: 'incoming',
        id: incoming.id,
        title: 'incoming FEED-1 changed',
        text: 'bill.revised',
      }),
      expect.objectContaining({ resource: 'incoming', id: incoming.id, text: 'bill.approved' }),
    ])
  })

  describe('comments, tags and attribute values', () => {
    test('are kept per incoming; attribute values are embedded in the incoming', async () => {
      const incoming = await create({ number: 'ER-C', total_net: 1 })
      const property = ok<{ 'incoming-property': Strings }>(
        await api.json('POST', '/incoming-properties', {
          'incoming-property': { name: 'Projekt', type: 'TEXTFIELD' },
        }),
        201,
      )['incoming-property']

      const comment = ok<{ 'incoming-comment': Strings }>(
        await api.xmlToJson(
          'POST',
          '/incoming-comments',
          `<incoming-comment><incoming_id>${incoming.id}</incoming_id><comment>Geprüft</comment></incoming-comment>`,
        ),
        201,
      )['incoming-comment']
      const comments = ok<{ 'incoming-comments': Json }>(
        await api.json('GET', `/incoming-comments?incoming_id=${incoming.id}&actionkey=COMMENT`),
      )['incoming-comments']
      await api.json('POST', '/incoming-property-values', {
        'incoming-property-value': {
          incoming_id: incoming.id,
          incoming_property_id: property.id,
          value: 'P1',
        },
      })
      const read = await get(incoming.id!)
      const filtered = ok<{ incomings: Json }>(
        await api.json('GET', `/incomings?property${property.id}=P1`),
      ).incomings
      const values = ok<{ 'incoming-property-values': Json }>(
        await api.json('GET', `/incoming-property-values?incoming_id=${incoming.id}&value=P1`),
      )['incoming-property-values']

      expect(comment).toMatchObject({ incoming_id: incoming.id, comment: 'Geprüft', actionkey: 'COMMENT' })
      expect(comments['@total']).toBe('1')
      expect(read['incoming-property-values']).toMatchObject({
        'incoming-property-value': { incoming_id: incoming.id, name: 'Projekt', value: 'P1' },
      })
      expect((filtered.incoming as Json).id).toBe(incoming.id)
      expect(values['@total']).toBe('1')
      expect((await api.json('DELETE', `/incoming-comments/${comment.id}`)).statusCode).toBe(200)
      expect((await api.json('GET', '/incoming-comments')).statusCode).toBe(400)
    })
  })

  describe('inbox documents and incoming categories', () => {
    test('an inbox document keeps its file and metadata, and is deleted', async () => {
      const created = ok<{ 'inbox-document': Json }>(
        await api.json('POST', '/inbox-documents', {
          'inbox-document': {
            filename: 'beleg.pdf',
            document_type: 'RECEIPT',
            base64file: PDF_BASE64,
            metadata: {
              data: [
                { key: 'TOTAL_NET', value: '25.5' },
                { key: 'CURRENCY_CODE', value: 'EUR' },
              ],
            },
          },
        }),
        201,
      )['inbox-document']

      const listed = await api.xml('GET', '/inbox-documents?order_by=id+DESC')
      const read = ok<{ 'inbox-document': Json }>(await api.json('GET', `/inbox-documents/${created.id}`))[
        'inbox-document'
      ]
      const deleted = await api.json('DELETE', `/inbox-documents/${created.id}`)

      expect(read).toMatchObject({
        filename: 'beleg.pdf',
        mimetype: 'application/pdf',
        document_type: 'RECEIPT',
        page_count: '1',
        user_id: '1',
        base64file: PDF_BASE64,
        metadata: {
          data: [
            { key: 'TOTAL_NET', value: '25.5' },
            { key: 'CURRENCY_CODE', value: 'EUR' },
          ],
        },
      })
      expect(listed.body).toContain(
        '<inbox-documents type="array" page="1" per_page="100" total="1"><inbox-document>',
      )
      expect(listed.body).not.toContain('base64file')
      expect(deleted.statusCode).toBe(200)
      expect((await api.json('GET', `/inbox-documents/${created.id}`)).statusCode).toBe(404)
      expect(
        (await api.json('POST', '/inbox-documents', { 'inbox-document': { filename: 'x' } })).json().errors
          .error,
      ).toContain('base64file')
    })

    test('incoming categories are the expense accounts, and a category books to its account', async () => {
      const categories = ok<{ 'incoming-categories': { 'incoming-category': Strings[] } }>(
        await api.json('GET', '/incoming-categories'),
      )['incoming-categories']['incoming-category']
      const other = categories.find((category) => category.id === '4900')
      const before = await balances()

      await create({ number: 'ER-K', category: other?.name, total_net: 10 })
      const after = await balances()

      expect(categories.map((category) => category.id)).toEqual(
        expect.arrayContaining(['3400', '4900', '4970']),
      )
      expect(other).toMatchObject({
        name: 'Sonstige betriebliche Aufwendungen',
        expense_account_number: '4900',
      })
      expect(
        ok<{ 'incoming-category': Strings }>(await api.json('GET', '/incoming-categories/4900'))[
          'incoming-category'
        ].id,
      ).toBe('4900')
      expect((after.get('4900') ?? 0n) - (before.get('4900') ?? 0n)).toBe(1000n)
      expect((await api.json('GET', '/incoming-categories/1200')).statusCode).toBe(404)
    })
  })
})
