// Proves the daily report files: a day's payments and its invoice journal are listed once the day
// has ended, with the vendor's paging, filter and order, and served as base64 CSV whose figures are
// the day's payments and the ledger postings of the day's invoices and credit notes.

import { expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer } from './support/fixtures.ts'

/** RFC 4180 fields: quoted ones may hold commas (an account's name does) and doubled quotes. */
function fieldsOf(line: string): string[] {
  const fields: string[] = []
  let rest = line
  for (;;) {
    const quoted = /^"((?:[^"]|"")*)"/.exec(rest)
    const field = quoted ? (quoted[1] ?? '').replaceAll('""', '"') : (/^[^,]*/.exec(rest)?.[0] ?? '')
    fields.push(field)
    rest = rest.slice(quoted ? quoted[0].length : field.length)
    if (!rest.startsWith(',')) return fields
    rest = rest.slice(1)
  }
}

function csvOf(content: string): string[][] {
  const text = Buffer.from(content, 'base64').toString('utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  return text.slice(1).trimEnd().split('\r\n').map(fieldsOf)
}

function column(rows: string[][], name: string): string[] {
  const index = rows[0]?.indexOf(name) ?? -1
  return rows.slice(1).map((row) => row[index] ?? '')
}

function sumOf(values: readonly string[]): number {
  return values.reduce((sum, value) => sum + Math.round(Number(value) * 100), 0)
}

describeEachEngine('billogram reports', ({ storage }) => {
  const api = useBillogramApi(storage, '2026-04-06T09:00:00.000Z')

  test('a day with payments and invoices has both reports once it has ended', async () => {
    const customerNo = await createCustomer(api)
    const sent = await createBillogram(api, customerNo, { on_success: { command: 'send', method: 'Email' } })
    const credited = await createBillogram(api, customerNo, {
      on_success: { command: 'send', method: 'Email' },
    })
    await api.call('POST', `/billogram/${sent.id}/command/payment`, { amount: 500 })
    await api.call('POST', `/billogram/${credited.id}/command/credit`, { mode: 'amount', amount: 125 })

    const sameDay = await api.call('GET', '/report')
    api.setNow('2026-04-07T08:00:00.000Z')
    const nextDay = await api.call('GET', '/report?order_field=filename&order_direction=asc')
    const payments = await api.call('GET', '/report/payments-2026-04-06.csv')
    const journal = await api.call('GET', '/report/debtors-ledger-journal-2026-04-06.csv')

    expect(sameDay.json).toEqual({ status: 'OK', meta: { total_count: 0 }, data: [] })
    expect(nextDay.json.meta.total_count).toBe(2)
    expect(nextDay.json.data).toEqual([
      {
        filename: 'debtors-ledger-journal-2026-04-06.csv',
        type: 'debtors ledger journal',
        file_type: 'text/csv',
        info: 'Invoices and credit notes booked 2026-04-06',
        created_at: '2026-04-07 00:00:00',
      },
      {
        filename: 'payments-2026-04-06.csv',
        type: 'payments',
        file_type: 'text/csv',
        info: 'Payments dated 2026-04-06',
        created_at: '2026-04-07 00:00:00',
      },
    ])
    const paymentRows = csvOf(payments.json.data.content)
    expect(payments.json.data).toMatchObject({ filename: 'payments-2026-04-06.csv', file_type: 'text/csv' })
    expect(paymentRows).toHaveLength(2)
    expect(column(paymentRows, 'billogram_id')).toEqual([sent.id])
    expect(column(paymentRows, 'invoice_no')).toEqual([String(sent.invoice_no)])
    expect(column(paymentRows, 'amount')).toEqual(['500.00'])
    expect(column(paymentRows, 'currency')).toEqual(['SEK'])
    expect(column(paymentRows, 'customer_no')).toEqual([String(customerNo)])
    const journalRows = csvOf(journal.json.data.content)
    const kinds = column(journalRows, 'kind')
    expect(new Set(column(journalRows, 'billogram_id'))).toEqual(new Set([sent.id, credited.id]))
    expect(kinds.filter((kind) => kind === 'credit').length).toBeGreaterThan(0)
    expect(sumOf(column(journalRows, 'debit'))).toBe(sumOf(column(journalRows, 'credit')))
    const invoiceLines = journalRows.slice(1).filter((_row, index) => kinds[index] === 'invoice')
    const vatAt25 = invoiceLines.filter((row) => row[9] === '25' && row[11] !== '0.00')
    expect(sumOf(vatAt25.map((row) => row[11] ?? ''))).toBe(2 * (100_000 + 25_000))
    expect(sumOf(invoiceLines.map((row) => row[10] ?? ''))).toBe(2 * 125_000)
  })

  test('the list pages, filters by filename and orders; unknown files are NOT_FOUND', async () => {
    api.setNow('2026-04-07T08:00:00.000Z')

    const prefix = await api.call(
      'GET',
      '/report?filter_type=field-prefix&filter_field=filename&filter_value=payments',
    )
    const exact = await api.call(
      'GET',
      '/report?filter_type=field&filter_field=filename&filter_value=payments-2026-04-06.csv',
    )
    const paged = await api.call(
      'GET',
      '/report?page=2&page_size=1&order_field=filename&order_direction=desc',
    )
    const badField = await api.call('GET', '/report?filter_type=field&filter_field=type&filter_value=sie4')
    const badOrder = await api.call('GET', '/report?order_field=type')
    const today = await api.call('GET', '/report/payments-2026-04-07.csv')
    const unknown = await api.call('GET', '/report/sie4-2026-04-06.se')

    expect(prefix.json.data.map((report: { filename: string }) => report.filename)).toEqual([
      'payments-2026-04-06.csv',
    ])
    expect(exact.json.meta.total_count).toBe(1)
    expect(paged.json.meta.total_count).toBe(2)
    expect(paged.json.data.map((report: { filename: string }) => report.filename)).toEqual([
      'debtors-ledger-journal-2026-04-06.csv',
    ])
    expect(badField.json).toMatchObject({
      status: 'INVALID_QUERY_PARAMETER',
      data: { field: 'filter_field' },
    })
    expect(badOrder.json).toMatchObject({ status: 'INVALID_QUERY_PARAMETER', data: { field: 'order_field' } })
    expect(today.json).toMatchObject({ status: 'NOT_FOUND', data: { field: 'filename' } })
    expect(unknown.status).toBe(404)
  })
})
