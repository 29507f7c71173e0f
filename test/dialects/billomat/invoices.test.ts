// Proves /invoices over HTTP on both engines: create in DRAFT from the seed's XML example with
// items inline, every list filter of seed 002, group_by with its totals, edit in DRAFT only, and
// delete; after each test the organization's ledger balances.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { getInvoice } from '../../../src/core/invoices/get-invoice.ts'
import { searchInvoices } from '../../../src/core/invoices/search-invoices.ts'
import { createProduct } from '../../../src/core/products/create-product.ts'
import { createRecord } from '../../../src/core/records/create-record.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, unknown>
type InvoiceBody = { invoice: Record<string, string> }

const SEED_CREATE = (clientId: string) => `<?xml version="1.0" encoding="UTF-8"?>
<invoice>
    <client_id>${clientId}</client_id>
    <date>2009-11-18</date>
    <supply_date>2009-11-18</supply_date>
    <supply_date_type>SUPPLY_DATE</supply_date_type>
    <intro>We are pleased to offer you the following items into account:</intro>
    <note>Thank you for your order</note>
    <invoice-items>
        <invoice-item>
            <unit>Stück</unit>
            <unit_price>10.0</unit_price>
            <quantity>1</quantity>
            <title>Bolt</title>
        </invoice-item>
    </invoice-items>
</invoice>`

describeEachEngine('billomat invoices', ({ storage }) => {
  let api: Billomat
  let clientA: string
  let clientB: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientA = await api.client('Alpha GmbH')
    clientB = await api.client('Beta KG')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  const create = async (invoice: Json) =>
    ok<InvoiceBody>(await api.json('POST', '/invoices', { invoice }), 201).invoice
  const complete = async (id: string) =>
    ok<InvoiceBody>(await api.json('PUT', `/invoices/${id}/complete`, {})).invoice
  const total = async (query: string) =>
    Number(ok<{ invoices: Json }>(await api.json('GET', `/invoices?${query}`)).invoices['@total'])

  describe('create, get, edit, delete', () => {
    test('the seed XML example creates a DRAFT, answered in the seed shape', async () => {
      const response = await api.xml('POST', '/invoices', SEED_CREATE(clientA))

      expect(response.statusCode).toBe(201)
      const body = response.body
      for (const element of [
        '<id type="integer">',
        `<client_id type="integer">${clientA}</client_id>`,
        '<contact_id type="integer"></contact_id>',
        '<created type="datetime">',
        '<number type="integer"></number>',
        '<date type="date">2009-11-18</date>',
        '<due_date type="date">',
        '<due_days type="integer">',
        '<discount_rate type="float">',
        '<total_gross type="float">11.9</total_gross>',
        '<total_net type="float">10</total_net>',
        '<total_gross_unreduced type="float">11.9</total_gross_unreduced>',
        '<total_net_unreduced type="float">10</total_net_unreduced>',
        '<paid_amount type="float">0</paid_amount>',
        '<open_amount type="float">11.9</open_amount>',
        '<quote type="float">1</quote>',
        '<taxes type="array"><tax>',
        '<rate type="float">19</rate>',
        '<amount type="float">1.9</amount>',
        '<note>Thank you for your order</note>',
        '<status>DRAFT</status>',
        '<invoice_number></invoice_number>',
        '<supply_date>2009-11-18</supply_date>',
      ])
        expect(body).toContain(element)
    })

    test('a create without client_id is refused, naming client_id', async () => {
      const response = await api.json('POST', '/invoices', { invoice: { label: 'x' } })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('client_id')
    })

    test('an item with a bad quantity is refused, naming the item and field', async () => {
      const response = await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientA,
          'invoice-items': { 'invoice-item': [{ title: 'a' }, { title: 'b', quantity: 'lots' }] },
        },
      })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('invoice-item[1].quantity')
      expect(await total('label=never-created')).toBe(0)
    })

    test('an item taken from an article copies its title, price and tax', async () => {
      const product = await createProduct(api.core, api.tenant, {
        name: 'Schraube',
        unit: 'Stk',
        vatRatePercent: '7',
        prices: [{ currency: 'EUR', unitPrice: '2.50' }],
      })

      const invoice = await create({
        client_id: clientA,
        'invoice-items': { 'invoice-item': { article_id: String(product.productSeq), quantity: '4' } },
      })
      const items = ok<{ 'invoice-items': { 'invoice-item': Record<string, string> } }>(
        await api.json('GET', `/invoice-items?invoice_id=${invoice.id}`),
      )

      expect(items['invoice-items']['invoice-item']).toMatchObject({
        article_id: String(product.productSeq),
        title: 'Schraube',
        unit: 'Stk',
        unit_price: '2.5',
        tax_rate: '7',
        total_net: '10',
        total_gross: '10.7',
      })
    })

    test('edit changes a DRAFT and recomputes its totals', async () => {
      const invoice = await create({
        client_id: clientA,
        'invoice-items': { 'invoice-item': { title: 'a', quantity: 1, unit_price: 100 } },
      })

      const edited = ok<InvoiceBody>(
        await api.json('PUT', `/invoices/${invoice.id}`, {
          invoice: { reduction: '10%', label: 'neu', client_id: clientB },
        }),
      ).invoice

      expect(edited).toMatchObject({
        reduction: '10%',
        total_net: '90',
        total_gross: '107.1',
        label: 'neu',
        client_id: clientB,
      })
    })

    test('edit of a completed invoice is refused with 400', async () => {
      const invoice = await create({
        client_id: clientA,
        'invoice-items': { 'invoice-item': { title: 'a', quantity: 1, unit_price: 5 } },
      })
      await complete(invoice.id!)

      const response = await api.json('PUT', `/invoices/${invoice.id}`, { invoice: { label: 'late' } })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('only drafts can be edited')
    })

    test('delete removes a DRAFT with its items and tags; a completed invoice stays', async () => {
      const draft = await create({
        client_id: clientA,
        'invoice-items': { 'invoice-item': { title: 'a', quantity: 1, unit_price: 5 } },
      })
      const done = await create({
        client_id: clientA,
        'invoice-items': { 'invoice-item': { title: 'a', quantity: 1, unit_price: 5 } },
      })
      await complete(done.id!)

      const deleted = await api.json('DELETE', `/invoices/${draft.id}`)
      const refused = await api.json('DELETE', `/invoices/${done.id}`)

      expect(deleted.statusCode).toBe(200)
      expect((await api.json('GET', `/invoices/${draft.id}`)).statusCode).toBe(404)
      expect(refused.statusCode).toBe(400)
      expect((await api.json('GET', `/invoices/${done.id}`)).statusCode).toBe(200)
    })
  })

  describe('list filters', () => {
    let ids: Record<string, string>
    beforeAll(async () => {
      const product = await createProduct(api.core, api.tenant, {
        name: 'Filterartikel',
        prices: [{ currency: 'EUR', unitPrice: '1' }],
      })
      const line = (price: number) => ({
        'invoice-items': { 'invoice-item': { title: 'x', quantity: 1, unit_price: price } },
      })
      const one = await create({
        client_id: clientA,
        date: '2030-01-10',
        label: 'Filter Umbau',
        intro: 'Sehr geehrte',
        note: 'Zahlbar sofort',
        ...line(10),
      })
      const two = await create({
        client_id: clientB,
        date: '2030-02-20',
        label: 'filter wartung',
        'invoice-items': { 'invoice-item': { article_id: String(product.productSeq), quantity: 3 } },
      })
      const three = await create({
        client_id: clientB,
        date: '2030-03-30',
        label: 'Filter Neubau',
        number_pre: 'FX-',
        number: 901,
        ...line(30),
      })
      await complete(three.id!)
      const record = await getInvoice(
        api.core,
        api.tenant,
        (
          await searchInvoices(api.core, api.tenant, {
            filters: [{ field: 'invoiceSeq', op: 'eq', value: BigInt(one.id!) }],
            limit: 1,
            offset: 0,
          })
        ).items[0]!.invoiceId,
      )
      await createRecord(api.core, api.tenant, {
        resource: 'invoice-tag',
        ownerId: record.invoiceId,
        data: { name: 'Dringend' },
      })
      ids = { one: one.id!, two: two.id!, three: three.id!, article: String(product.productSeq) }
    })
    const idsOf = async (query: string) => {
      const body = ok<{ invoices: { invoice?: { id: string } | { id: string }[] } }>(
        await api.json('GET', `/invoices?label=Filter&${query}`),
      )
      const items = body.invoices.invoice
      return (items === undefined ? [] : Array.isArray(items) ? items : [items]).map((item) => item.id).sort()
    }

    test('client_id takes one id or an OR list', async () => {
      expect(await idsOf(`client_id=${clientA}`)).toEqual([ids.one])
      expect(await idsOf(`client_id=${clientA},${clientB}`)).toEqual([ids.one, ids.two, ids.three].sort())
    })

    test('invoice_number matches a substring, ignoring case', async () => {
      expect(await idsOf('invoice_number=fx-90')).toEqual([ids.three])
    })

    test('status takes an OR list', async () => {
      expect(await idsOf('status=OPEN')).toEqual([ids.three])
      expect(await idsOf('status=DRAFT,OPEN')).toEqual([ids.one, ids.two, ids.three].sort())
      expect((await api.json('GET', '/invoices?status=LOST')).statusCode).toBe(400)
    })

    test('from and to are inclusive bounds on the date', async () => {
      expect(await idsOf('from=2030-02-20&to=2030-03-30')).toEqual([ids.two, ids.three].sort())
      expect(await idsOf('to=2030-01-10')).toEqual([ids.one])
    })

    test('label, intro and note are case-insensitive substrings', async () => {
      expect(await idsOf('intro=SEHR')).toEqual([ids.one])
      expect(await idsOf('note=zahlbar')).toEqual([ids.one])
      expect((await idsOf('')).length).toBe(3)
    })

    test('tags, article_id and contact_id find their invoices', async () => {
      expect(await idsOf('tags=dringend,other')).toEqual([ids.one])
      expect(await idsOf(`article_id=${ids.article}`)).toEqual([ids.two])
      expect(await idsOf('contact_id=5')).toEqual([])
    })

    test('payment_type finds invoices paid that way', async () => {
      await api.json('POST', '/invoice-payments', {
        'invoice-payment': { invoice_id: ids.three, amount: '1', type: 'PAYPAL' },
      })

      expect(await idsOf('payment_type=CASH,PAYPAL')).toEqual([ids.three])
      expect(await idsOf('payment_type=CASH')).toEqual([])
    })
  })

  describe('group_by', () => {
    let groupClient: string
    beforeAll(async () => {
      groupClient = await api.client('Gruppen AG')
      const line = (price: string) => ({
        'invoice-items': { 'invoice-item': { title: 'x', quantity: 1, unit_price: price, tax_rate: 19 } },
      })
      for (const [date, price] of [
        ['2031-01-05', '100'],
        ['2031-01-07', '50.5'],
        ['2031-02-01', '10'],
        ['2032-03-01', '1'],
      ] as const)
        await create({ client_id: groupClient, date, label: 'Gruppe', ...line(price) })
    })
    const groups = async (query: string) =>
      ok<{ 'invoice-groups': { 'invoice-group'?: Json | Json[]; '@currency_code': string } }>(
        await api.json('GET', `/invoices?client_id=${groupClient}&${query}`),
      )['invoice-groups']
    const asList = (value: Json | Json[] | undefined) =>
      value === undefined ? [] : Array.isArray(value) ? value : [value]

    test('by client sums the totals of the filtered invoices', async () => {
      const body = await groups('group_by=client')

      expect(body['@currency_code']).toBe('EUR')
      expect(body['invoice-group']).toMatchObject({
        total_net: '161.5',
        total_gross: '192.19',
        client_id: groupClient,
      })
    })

    test('by month and by year, and combined in the order given', async () => {
      const months = asList((await groups('group_by=month'))['invoice-group'])
      const clientYear = asList((await groups('group_by=client,year'))['invoice-group'])

      expect(months.map((group) => [group.month, group.total_net])).toEqual([
        ['2031-01', '150.5'],
        ['2031-02', '10'],
        ['2032-03', '1'],
      ])
      expect(clientYear.map((group) => [group.client_id, group.year, group.total_gross])).toEqual([
        [groupClient, '2031', '191'],
        [groupClient, '2032', '1.19'],
      ])
      expect(clientYear[0]?.['invoice-params']).toMatchObject({
        client_id: groupClient,
        from: '2031-01-01',
        to: '2031-12-31',
      })
    })

    test('month and day combined list each group by its day in one from/to pair', async () => {
      const groupsOf = asList((await groups('group_by=month,day'))['invoice-group'])

      expect(groupsOf[0]).toMatchObject({ month: '2031-01', day: '2031-01-05' })
      expect(groupsOf[0]?.['invoice-params']).toEqual({ from: '2031-01-05', to: '2031-01-05' })
    })

    test('by day and by week (from Monday) and by status', async () => {
      const days = asList((await groups('group_by=day'))['invoice-group'])
      const weeks = asList((await groups('group_by=week'))['invoice-group'])
      const statuses = asList((await groups('group_by=status'))['invoice-group'])

      expect(days.map((group) => group.day)).toEqual(['2031-01-05', '2031-01-07', '2031-02-01', '2032-03-01'])
      // 2031-01-05 is a Sunday, 2031-01-07 a Tuesday: two weeks.
      expect(weeks.map((group) => group.week)).toEqual([
        '2030-12-30',
        '2031-01-06',
        '2031-01-27',
        '2032-03-01',
      ])
      expect(statuses).toEqual([expect.objectContaining({ status: 'DRAFT', total_net: '161.5' })])
    })

    test('groups combine with filters and render as XML', async () => {
      const response = await api.xml(
        'GET',
        `/invoices?client_id=${groupClient}&from=2031-02-01&group_by=client`,
      )

      expect(response.body).toContain('<invoice-groups type="array" currency_code="EUR"><invoice-group>')
      expect(response.body).toContain(
        `<total_net type="float">11</total_net><client_id type="integer">${groupClient}</client_id>`,
      )
      expect(response.body).toContain(
        `<invoice-params><client_id type="integer">${groupClient}</client_id></invoice-params>`,
      )
    })

    test('an unknown grouping is refused, naming group_by', async () => {
      const response = await api.json('GET', '/invoices?group_by=colour')

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('group_by')
    })
  })
})
