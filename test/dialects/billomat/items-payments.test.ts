// Proves /invoice-items and /invoice-payments over HTTP on both engines: items appended, edited
// and deleted only in DRAFT with stable ids and renumbered positions; payments taken for OPEN and
// OVERDUE invoices, listed by their filters, PAID when the total is reached, and deleted back to
// OPEN or OVERDUE; after each test the ledger balances.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, string>
const items = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

describeEachEngine('billomat items and payments', ({ storage }) => {
  let api: Billomat
  let clientId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Posten GmbH')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  const draft = async (fields: Record<string, unknown> = {}) =>
    ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          'invoice-items': {
            'invoice-item': { title: 'Erster', quantity: 1, unit_price: 100, tax_rate: 19 },
          },
          ...fields,
        },
      }),
      201,
    ).invoice
  const listItems = async (invoiceId: string) =>
    items(
      ok<{ 'invoice-items': { 'invoice-item'?: Json | Json[] } }>(
        await api.json('GET', `/invoice-items?invoice_id=${invoiceId}`),
      )['invoice-items']['invoice-item'],
    )

  describe('invoice items', () => {
    test('items are appended, edited and deleted in a DRAFT; ids stay, positions close up', async () => {
      const invoice = await draft()
      const second = ok<{ 'invoice-item': Json }>(
        await api.xmlToJson(
          'POST',
          '/invoice-items',
          `<invoice-item><invoice_id>${invoice.id}</invoice_id><title>Zweiter</title><quantity>2</quantity><unit_price>10</unit_price><tax_rate>7</tax_rate></invoice-item>`,
        ),
        201,
      )['invoice-item']
      const third = ok<{ 'invoice-item': Json }>(
        await api.json('POST', '/invoice-items', {
          'invoice-item': { invoice_id: invoice.id, title: 'Dritter', quantity: 1, unit_price: 5 },
        }),
        201,
      )['invoice-item']
      const [first] = await listItems(invoice.id!)

      const edited = ok<{ 'invoice-item': Json }>(
        await api.json('PUT', `/invoice-items/${second.id}`, {
          'invoice-item': { quantity: 3, invoice_id: 1 },
        }),
      )['invoice-item']
      await api.json('DELETE', `/invoice-items/${first!.id}`)
      const after = await listItems(invoice.id!)
      const total = ok<{ invoice: Json }>(await api.json('GET', `/invoices/${invoice.id}`)).invoice

      expect(second).toMatchObject({
        position: '2',
        total_net: '20',
        total_gross: '21.4',
        invoice_id: invoice.id,
      })
      expect(third).toMatchObject({ position: '3', tax_rate: '19' })
      expect(edited).toMatchObject({ id: second.id, quantity: '3', total_net: '30', invoice_id: invoice.id })
      expect(after.map((item) => [item.id, item.position])).toEqual([
        [second.id, '1'],
        [third.id, '2'],
      ])
      expect(
        ok<{ 'invoice-item': Json }>(await api.json('GET', `/invoice-items/${third.id}`))['invoice-item']
          .title,
      ).toBe('Dritter')
      expect(total).toMatchObject({ total_net: '35', total_gross: '38.05' })
      expect((await api.json('GET', `/invoice-items/${first!.id}`)).statusCode).toBe(404)
    })

    test('items of a completed invoice cannot change', async () => {
      const invoice = await draft()
      const [item] = await listItems(invoice.id!)
      await api.json('PUT', `/invoices/${invoice.id}/complete`)

      const added = await api.json('POST', '/invoice-items', {
        'invoice-item': { invoice_id: invoice.id, title: 'spät' },
      })
      const edited = await api.json('PUT', `/invoice-items/${item!.id}`, { 'invoice-item': { quantity: 9 } })
      const deleted = await api.json('DELETE', `/invoice-items/${item!.id}`)

      expect([added.statusCode, edited.statusCode, deleted.statusCode]).toEqual([400, 400, 400])
    })

    test('a list of items needs invoice_id', async () => {
      const response = await api.json('GET', '/invoice-items')

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('invoice_id')
    })
  })

  describe('invoice payments', () => {
    let invoice: Json
    beforeAll(async () => {
      invoice = await draft({ date: '2026-11-02', due_date: '2026-11-20' })
      await api.json('PUT', `/invoices/${invoice.id}/complete`)
    })

    test('a payment on a DRAFT is refused', async () => {
      const unfinished = await draft()

      const response = await api.json('POST', '/invoice-payments', {
        'invoice-payment': { invoice_id: unfinished.id, amount: 10 },
      })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('OPEN and OVERDUE')
    })

    test('an amount with more decimals than the currency, or none, is refused naming amount', async () => {
      const tooPrecise = await api.json('POST', '/invoice-payments', {
        'invoice-payment': { invoice_id: invoice.id, amount: '1.005' },
      })
      const negative = await api.json('POST', '/invoice-payments', {
        'invoice-payment': { invoice_id: invoice.id, amount: '-5' },
      })

      expect(tooPrecise.json().errors.error).toContain('amount')
      expect(negative.json().errors.error).toContain('amount')
    })

    test('payments are listed by invoice, date, type and user, and the last one marks it PAID', async () => {
      const part = ok<{ 'invoice-payment': Json }>(
        await api.xmlToJson(
          'POST',
          '/invoice-payments',
          `<recurring-item><invoice_id>${invoice.id}</invoice_id><amount>19.00</amount><date>2026-11-05</date><type>CASH</type><comment>Anzahlung</comment></recurring-item>`,
        ),
        201,
      )['invoice-payment']
      const midway = ok<{ invoice: Json }>(await api.json('GET', `/invoices/${invoice.id}`)).invoice
      await api.json('POST', '/invoice-payments', {
        'invoice-payment': {
          invoice_id: invoice.id,
          amount: '100',
          date: '2026-11-06',
          type: 'BANK_TRANSFER',
        },
      })
      const paid = ok<{ invoice: Json }>(await api.json('GET', `/invoices/${invoice.id}`)).invoice
      const count = async (query: string) =>
        Number(
          ok<{ 'invoice-payments': Json }>(
            await api.json('GET', `/invoice-payments?invoice_id=${invoice.id}&${query}`),
          )['invoice-payments']['@total'],
        )

      expect(part).toMatchObject({
        amount: '19',
        comment: 'Anzahlung',
        type: 'CASH',
        date: '2026-11-05',
        invoice_id: invoice.id,
        user_id: '1',
      })
      expect(midway).toMatchObject({ status: 'OPEN', paid_amount: '19', open_amount: '100' })
      expect(paid).toMatchObject({ status: 'PAID', paid_amount: '119', open_amount: '0' })
      expect(await count('')).toBe(2)
      expect(await count('type=CASH,PAYPAL')).toBe(1)
      expect(await count('from=2026-11-06&to=2026-11-30')).toBe(1)
      expect(await count('user_id=1')).toBe(2)
      expect(await count('user_id=2')).toBe(0)
      expect(
        ok<{ 'invoice-payment': Json }>(await api.json('GET', `/invoice-payments/${part.id}`))[
          'invoice-payment'
        ].amount,
      ).toBe('19')
    })

    test('deleting a payment takes a paid invoice back to OVERDUE once its due date has passed', async () => {
      const late = await draft({ date: '2026-10-01', due_date: '2026-10-15' })
      await api.json('PUT', `/invoices/${late.id}/complete`)
      const payment = ok<{ 'invoice-payment': Json }>(
        await api.json('POST', '/invoice-payments', {
          'invoice-payment': { invoice_id: late.id, amount: '119' },
        }),
        201,
      )['invoice-payment']

      const deleted = await api.json('DELETE', `/invoice-payments/${payment.id}`)
      const after = ok<{ invoice: Json }>(await api.json('GET', `/invoices/${late.id}`)).invoice

      expect(deleted.statusCode).toBe(200)
      expect(after).toMatchObject({ status: 'OVERDUE', paid_amount: '0', open_amount: '119' })
      expect((await api.json('GET', `/invoice-payments/${payment.id}`)).statusCode).toBe(404)
    })
  })
})
