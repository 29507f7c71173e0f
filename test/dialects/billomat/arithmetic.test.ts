// Proves Billomat's invoice arithmetic to the cent on both engines, with a table of worked
// invoices: NET and GROSS price bases, several tax rates, item and document reductions (absolute
// and percent, split across the rates), cash discount, unreduced totals, the taxes per rate,
// another currency and quote; each is completed and its receivable equals its total_gross.

import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Item = Readonly<{
  quantity: string
  unit_price: string
  tax_rate: string
  reduction?: string
  tax_name?: string
}>
type Tax = Readonly<{ rate: string; amount: string; amount_net: string; amount_gross: string }>
type ItemTotals = Readonly<{
  total_net: string
  total_gross: string
  total_net_unreduced: string
  total_gross_unreduced: string
}>

type Worked = Readonly<{
  name: string
  invoice: Readonly<Record<string, string>>
  items: readonly Item[]
  totals: Readonly<Record<string, string>>
  taxes: readonly Tax[]
  itemTotals?: readonly ItemTotals[]
}>

const WORKED: readonly Worked[] = [
  {
    name: 'NET, one item with an absolute reduction (the digest example 5.2 × 10 less 10)',
    invoice: { net_gross: 'NET' },
    items: [{ quantity: '5.2', unit_price: '10.0', tax_rate: '19', reduction: '10' }],
    totals: {
      total_net: '42',
      total_gross: '49.98',
      total_reduction: '0',
      total_net_unreduced: '42',
      total_gross_unreduced: '49.98',
    },
    taxes: [{ rate: '19', amount: '7.98', amount_net: '42', amount_gross: '49.98' }],
    itemTotals: [
      { total_net: '42', total_gross: '49.98', total_net_unreduced: '52', total_gross_unreduced: '61.88' },
    ],
  },
  {
    name: 'NET, two rates with cash discount (the real invoice 1322705)',
    invoice: { net_gross: 'NET', date: '2015-09-04', due_days: '14', discount_rate: '2', discount_days: '7' },
    items: [
      { quantity: '1', unit_price: '3800', tax_rate: '19', tax_name: 'ust' },
      { quantity: '1', unit_price: '85', tax_rate: '10', tax_name: 'gtr' },
    ],
    totals: {
      total_net: '3885',
      total_gross: '4615.5',
      total_net_unreduced: '3885',
      total_gross_unreduced: '4615.5',
      discount_amount: '92.31',
      discount_date: '2015-09-11',
      due_date: '2015-09-18',
    },
    taxes: [
      { rate: '19', amount: '722', amount_net: '3800', amount_gross: '4522' },
      { rate: '10', amount: '8.5', amount_net: '85', amount_gross: '93.5' },
    ],
  },
  {
    name: 'NET, a percent document reduction split across two rates',
    invoice: { net_gross: 'NET', reduction: '10%' },
    items: [
      { quantity: '1', unit_price: '100', tax_rate: '19' },
      { quantity: '1', unit_price: '50', tax_rate: '7' },
    ],
    totals: {
      total_net: '135',
      total_gross: '155.25',
      total_reduction: '15',
      total_net_unreduced: '150',
      total_gross_unreduced: '172.5',
    },
    taxes: [
      { rate: '19', amount: '17.1', amount_net: '90', amount_gross: '107.1' },
      { rate: '7', amount: '3.15', amount_net: '45', amount_gross: '48.15' },
    ],
  },
  {
    name: 'NET, an absolute document reduction split by largest remainder',
    invoice: { net_gross: 'NET', reduction: '10' },
    items: [
      { quantity: '1', unit_price: '100', tax_rate: '19' },
      { quantity: '1', unit_price: '33.33', tax_rate: '7' },
    ],
    totals: {
      total_net: '123.33',
      total_gross: '143.07',
      total_reduction: '10',
      total_net_unreduced: '133.33',
      total_gross_unreduced: '154.66',
    },
    taxes: [
      { rate: '19', amount: '17.58', amount_net: '92.5', amount_gross: '110.08' },
      { rate: '7', amount: '2.16', amount_net: '30.83', amount_gross: '32.99' },
    ],
  },
  {
    name: 'GROSS, an item reduction in percent and a second rate',
    invoice: { net_gross: 'GROSS' },
    items: [
      { quantity: '1', unit_price: '119', tax_rate: '19', reduction: '10%' },
      { quantity: '3', unit_price: '10.70', tax_rate: '7' },
    ],
    totals: {
      total_net: '120',
      total_gross: '139.2',
      total_reduction: '0',
      total_net_unreduced: '120',
      total_gross_unreduced: '139.2',
    },
    taxes: [
      { rate: '19', amount: '17.1', amount_net: '90', amount_gross: '107.1' },
      { rate: '7', amount: '2.1', amount_net: '30', amount_gross: '32.1' },
    ],
    itemTotals: [
      { total_net: '90', total_gross: '107.1', total_net_unreduced: '100', total_gross_unreduced: '119' },
      { total_net: '30', total_gross: '32.1', total_net_unreduced: '30', total_gross_unreduced: '32.1' },
    ],
  },
  {
    name: 'GROSS, an absolute document reduction split across two rates',
    invoice: { net_gross: 'GROSS', reduction: '20' },
    items: [
      { quantity: '1', unit_price: '119', tax_rate: '19', reduction: '10%' },
      { quantity: '3', unit_price: '10.70', tax_rate: '7' },
    ],
    totals: {
      total_net: '102.76',
      total_gross: '119.2',
      total_reduction: '20',
      total_net_unreduced: '120',
      total_gross_unreduced: '139.2',
    },
    taxes: [
      { rate: '19', amount: '14.64', amount_net: '77.07', amount_gross: '91.71' },
      { rate: '7', amount: '1.8', amount_net: '25.69', amount_gross: '27.49' },
    ],
  },
  {
    name: 'NET, tax rounded once per rate, not per item (7 × 0.07 at 7%)',
    invoice: { net_gross: 'NET' },
    items: Array.from({ length: 7 }, () => ({ quantity: '1', unit_price: '0.07', tax_rate: '7' })),
    totals: { total_net: '0.49', total_gross: '0.52' },
    taxes: [{ rate: '7', amount: '0.03', amount_net: '0.49', amount_gross: '0.52' }],
  },
  {
    name: 'NET, fractional quantity and a four-decimal price',
    invoice: { net_gross: 'NET', discount_rate: '3', discount_days: '10', date: '2026-01-15' },
    items: [{ quantity: '2.125', unit_price: '3.3333', tax_rate: '19' }],
    totals: { total_net: '7.08', total_gross: '8.43', discount_amount: '0.25', discount_date: '2026-01-25' },
    taxes: [{ rate: '19', amount: '1.35', amount_net: '7.08', amount_gross: '8.43' }],
  },
  {
    name: 'JPY has no minor unit; the quote is kept as given',
    invoice: { net_gross: 'NET', currency_code: 'JPY', quote: '0.0061' },
    items: [{ quantity: '3', unit_price: '1000', tax_rate: '10' }],
    totals: { total_net: '3000', total_gross: '3300', currency_code: 'JPY', quote: '0.0061' },
    taxes: [{ rate: '10', amount: '300', amount_net: '3000', amount_gross: '3300' }],
  },
]

describeEachEngine('billomat invoice arithmetic', ({ storage }) => {
  let api: Billomat
  let clientId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Rechen GmbH')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  for (const worked of WORKED) {
    test(`${worked.name} adds up to the cent, as a draft and once completed`, async () => {
      const created = ok<{ invoice: Record<string, unknown> }>(
        await api.json('POST', '/invoices', {
          invoice: {
            client_id: clientId,
            ...worked.invoice,
            'invoice-items': { 'invoice-item': worked.items },
          },
        }),
        201,
      ).invoice
      const items = ok<{
        'invoice-items': { 'invoice-item': Record<string, string> | Record<string, string>[] }
      }>(await api.json('GET', `/invoice-items?invoice_id=${created.id}`))['invoice-items']['invoice-item']
      const completed = ok<{ invoice: Record<string, unknown> }>(
        await api.json('PUT', `/invoices/${created.id}/complete`),
      ).invoice

      for (const invoice of [created, completed]) {
        expect(invoice).toMatchObject(worked.totals)
        const taxes = (invoice.taxes as { tax: Tax | Tax[] }).tax
        expect(Array.isArray(taxes) ? taxes : [taxes]).toEqual(
          worked.taxes.map((tax) => expect.objectContaining(tax)),
        )
      }
      if (worked.itemTotals)
        expect(Array.isArray(items) ? items : [items]).toEqual(
          worked.itemTotals.map((item) => expect.objectContaining(item)),
        )
      const receivable = await sql<{ debit: bigint }>`
        select coalesce(sum(l.debit_minor), 0) as debit from journal_lines l
        join journal_entries e on e.organization_id = l.organization_id and e.entry_id = l.entry_id
        where l.organization_id = ${api.tenant.organizationId} and e.source_type = 'invoice'
          and l.invoice_id = (select invoice_id from invoices where organization_id = ${api.tenant.organizationId} and invoice_seq = ${BigInt(String(created.id))})`.execute(
        storage().db,
      )
      const exponent = worked.invoice.currency_code === 'JPY' ? 0 : 2
      expect(BigInt(receivable.rows[0]!.debit)).toBe(
        BigInt(Math.round(Number(worked.totals.total_gross) * 10 ** exponent)),
      )
    })
  }

  test('a paid_amount short by the cash discount and marked as paid closes the invoice as PAID', async () => {
    const created = ok<{ invoice: Record<string, string> }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          ...WORKED[1]!.invoice,
          'invoice-items': { 'invoice-item': WORKED[1]!.items },
        },
      }),
      201,
    ).invoice
    await api.json('PUT', `/invoices/${created.id}/complete`)

    const payment = await api.json('POST', '/invoice-payments', {
      'invoice-payment': {
        invoice_id: created.id,
        amount: '4523.19',
        date: '2015-09-10',
        type: 'BANK_TRANSFER',
        mark_invoice_as_paid: 1,
      },
    })
    const invoice = ok<{ invoice: Record<string, string> }>(
      await api.json('GET', `/invoices/${created.id}`),
    ).invoice

    expect(payment.statusCode).toBe(201)
    expect(invoice).toMatchObject({
      status: 'PAID',
      paid_amount: '4523.19',
      open_amount: '0',
      total_gross: '4615.5',
    })
  })
})
