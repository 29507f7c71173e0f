// Proves the bill posting rules: expenses and input VAT against payables, and a withdrawal that
// settles the bill with cash less the bank's fee, on the Danish chart.

import { describe, expect, test } from 'vitest'
import { computeBillTotals } from '../purchases/bill.ts'
import { billEntry, billPaymentEntry } from './bill-entry.ts'
import { DANISH_STANDARD_CHART } from './charts/danish-standard.ts'

const HEADER = { entryDate: '2024-05-01', description: 'Regning', currency: 'DKK' } as const

describe('bill totals and postings', () => {
  test('net lines get VAT per rate, rounded once over the bill', () => {
    const totals = computeBillTotals('DKK', 'net', [
      {
        accountNumber: '1840',
        description: 'Papir',
        amount: '0.10',
        vatRatePercent: '25',
        taxTreatment: 'standard',
      },
      {
        accountNumber: '1840',
        description: 'Blyanter',
        amount: '0.10',
        vatRatePercent: '25',
        taxTreatment: 'standard',
      },
      { accountNumber: '1210', description: 'Porto', amount: '50', vatRatePercent: null, taxTreatment: null },
    ])

    expect([totals.netMinor, totals.vatMinor, totals.grossMinor]).toEqual([5020n, 5n, 5025n])
  })

  test('approval debits expenses and input VAT and credits the supplier', () => {
    const entry = billEntry(DANISH_STANDARD_CHART, {
      ...HEADER,
      contactId: 'supplier',
      lines: [
        { accountNumber: '1840', netMinor: 8000n, vatMinor: 2000n, vatRatePercent: '25' },
        { accountNumber: '1210', netMinor: 500n, vatMinor: 0n, vatRatePercent: null },
      ],
    })

    expect(entry.lines.map((line) => [line.accountNumber, line.amountMinor])).toEqual([
      ['1840', 8000n],
      ['7420', 2000n],
      ['1210', 500n],
      ['7310', -10500n],
    ])
  })

  test('a withdrawal of 105 with a fee of 5 settles 100 of payables', () => {
    const entry = billPaymentEntry(DANISH_STANDARD_CHART, {
      ...HEADER,
      contactId: 'supplier',
      settledMinor: 10000n,
      feeMinor: 500n,
    })

    expect(entry.lines.map((line) => [line.accountNumber, line.amountMinor])).toEqual([
      ['7310', 10000n],
      ['1860', 500n],
      ['5710', -10500n],
    ])
  })
})
