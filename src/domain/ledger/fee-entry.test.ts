// Proves reminder fees and interest raise the invoice's receivable and credit income without VAT.
import { describe, expect, it } from 'vitest'
import { GERMAN_SKR03_CHART } from './charts/german-skr03.ts'
import { SWEDISH_BAS_CHART } from './charts/swedish-bas.ts'
import { type FeePosting, feeEntry } from './fee-entry.ts'

const fee: FeePosting = {
  entryDate: '2024-05-01',
  description: 'Påminnelseavgift faktura 42',
  currency: 'SEK',
  kind: 'reminderFee',
  invoiceId: 'inv-42',
  contactId: 'c-1',
  amountMinor: 6000n,
}

describe('feeEntry', () => {
  it.each([
    { chartName: 'BAS', chart: SWEDISH_BAS_CHART, kind: 'reminderFee', receivables: '1510', income: '3591' },
    { chartName: 'BAS', chart: SWEDISH_BAS_CHART, kind: 'interest', receivables: '1510', income: '8313' },
    {
      chartName: 'SKR03',
      chart: GERMAN_SKR03_CHART,
      kind: 'reminderFee',
      receivables: '1400',
      income: '2700',
    },
    { chartName: 'SKR03', chart: GERMAN_SKR03_CHART, kind: 'interest', receivables: '1400', income: '2650' },
  ] as const)(
    'posts under $chartName a $kind from $receivables to $income',
    ({ chart, kind, receivables, income }) => {
      const entry = feeEntry(chart, { ...fee, kind })

      expect(entry.lines).toEqual([
        { accountNumber: receivables, amountMinor: 6000n, contactId: 'c-1', invoiceId: 'inv-42' },
        { accountNumber: income, amountMinor: -6000n },
      ])
    },
  )

  it('refuses a fee that is not positive', () => {
    const act = () => feeEntry(SWEDISH_BAS_CHART, { ...fee, amountMinor: 0n })

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'amountMinor' } }))
  })
})
