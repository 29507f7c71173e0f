// Proves a write-off recovers output VAT per rate in proportion, with parts summing to the amount exactly.
import { describe, expect, it } from 'vitest'
import { SWEDISH_BAS_CHART } from './charts/swedish-bas.ts'
import { type WriteOffPosting, writeOffEntry } from './write-off-entry.ts'

const breakdown = {
  netMinor: 90000n, // 80000 at 25 %, 10000 at 12 %
  vat: [
    { vatRatePercent: '25', vatMinor: 20000n },
    { vatRatePercent: '12', vatMinor: 1200n },
  ],
} as const

const writeOff: WriteOffPosting = {
  entryDate: '2024-09-30',
  description: 'Konstaterad kundförlust faktura 42',
  currency: 'SEK',
  invoiceId: 'inv-42',
  contactId: 'c-1',
  amountMinor: 111200n,
  breakdown,
}

describe('writeOffEntry', () => {
  it('takes back exactly the invoice VAT when the whole gross is written off', () => {
    const entry = writeOffEntry(SWEDISH_BAS_CHART, writeOff)

    expect(entry.lines).toEqual([
      { accountNumber: '6352', amountMinor: 90000n },
      { accountNumber: '2611', amountMinor: 20000n, vatRatePercent: '25' },
      { accountNumber: '2621', amountMinor: 1200n, vatRatePercent: '12' },
      { accountNumber: '1510', amountMinor: -111200n, contactId: 'c-1', invoiceId: 'inv-42' },
    ])
  })

  it('splits a partial write-off by largest remainder so the parts sum to the amount', () => {
    // 1000 over 90000 : 20000 : 1200 is 809.35 : 179.85 : 10.79; floors 809 + 179 + 10 = 998,
    // and the two units left go to the largest remainders, .85 then .79.
    const partial = { ...writeOff, amountMinor: 1000n }

    const entry = writeOffEntry(SWEDISH_BAS_CHART, partial)

    expect(entry.lines.map((line) => line.amountMinor)).toEqual([809n, 180n, 11n, -1000n])
  })

  it('gives a tie to the earlier part', () => {
    const even = {
      ...writeOff,
      amountMinor: 1n,
      breakdown: { netMinor: 100n, vat: [{ vatRatePercent: '25', vatMinor: 100n }] },
    }

    const entry = writeOffEntry(SWEDISH_BAS_CHART, even)

    expect(entry.lines.map((line) => line.amountMinor)).toEqual([1n, -1n])
  })

  it('writes reminder fees and interest off as bad debt whole, without VAT', () => {
    const entry = writeOffEntry(SWEDISH_BAS_CHART, { ...writeOff, amountMinor: 119_597n, feesMinor: 8_397n })

    expect(entry.lines).toEqual([
      { accountNumber: '6352', amountMinor: 90000n },
      { accountNumber: '2611', amountMinor: 20000n, vatRatePercent: '25' },
      { accountNumber: '2621', amountMinor: 1200n, vatRatePercent: '12' },
      { accountNumber: '6352', amountMinor: 8_397n },
      { accountNumber: '1510', amountMinor: -119_597n, contactId: 'c-1', invoiceId: 'inv-42' },
    ])
  })

  it('writes the whole amount off as bad debt when no breakdown is given', () => {
    const { breakdown: _, ...simple } = writeOff

    const entry = writeOffEntry(SWEDISH_BAS_CHART, simple)

    expect(entry.lines).toEqual([
      { accountNumber: '6352', amountMinor: 111200n },
      { accountNumber: '1510', amountMinor: -111200n, contactId: 'c-1', invoiceId: 'inv-42' },
    ])
  })

  it.each([
    ['amountMinor', { amountMinor: 0n }],
    ['amountMinor', { amountMinor: 111201n }], // more than the invoice's gross
    ['feesMinor', { feesMinor: 3n }], // more than the amount
    ['breakdown', { breakdown: { netMinor: -1n, vat: [] } }],
    [
      'breakdown.vat[0].vatRatePercent',
      { breakdown: { netMinor: 1n, vat: [{ vatRatePercent: 'x', vatMinor: 1n }] } },
    ],
  ] as const)('refuses a bad %s', (field, change) => {
    const act = () => writeOffEntry(SWEDISH_BAS_CHART, { ...writeOff, amountMinor: 2n, ...change })

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field } }))
  })
})
