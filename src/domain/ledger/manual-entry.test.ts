// Proves the manual-entry rule: contra accounts, VAT split out of the amount per direction,
// refusal of unbalanced entries and unknown accounts with the field to blame.

import { describe, expect, test } from 'vitest'
import { DomainError } from '../errors.ts'
import { DANISH_STANDARD_CHART } from './charts/danish-standard.ts'
import { manualEntry } from './manual-entry.ts'

const HEADER = { entryDate: '2024-05-01', description: 'Dagens salg', currency: 'DKK' } as const

function refusal(run: () => unknown): [string, unknown] {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    return [(error as DomainError).code, (error as DomainError).details.field]
  }
  throw new Error('expected a refusal')
}

describe('manualEntry', () => {
  test('a line with a contra account posts both sides', () => {
    const entry = manualEntry(DANISH_STANDARD_CHART, {
      ...HEADER,
      lines: [{ accountNumber: '5710', contraAccountNumber: '5720', side: 'debit', amountMinor: 10000n }],
    })

    expect(entry.lines.map((line) => [line.accountNumber, line.amountMinor])).toEqual([
      ['5710', 10000n],
      ['5720', -10000n],
    ])
  })

  test('a sales line with VAT books net revenue and output VAT out of the gross amount', () => {
    const entry = manualEntry(DANISH_STANDARD_CHART, {
      ...HEADER,
      lines: [
        {
          accountNumber: '1110',
          contraAccountNumber: '5720',
          side: 'credit',
          amountMinor: 12500n,
          vat: { vatRatePercent: '25', taxTreatment: 'standard', direction: 'sales' },
        },
      ],
    })

    expect(entry.lines.map((line) => [line.accountNumber, line.amountMinor])).toEqual([
      ['1110', -10000n],
      ['7410', -2500n],
      ['5720', 12500n],
    ])
  })

  test('a purchase line with VAT books input VAT on its own side', () => {
    const entry = manualEntry(DANISH_STANDARD_CHART, {
      ...HEADER,
      lines: [
        {
          accountNumber: '1840',
          contraAccountNumber: '5710',
          side: 'debit',
          amountMinor: 1001n,
          vat: { vatRatePercent: '25', taxTreatment: 'standard', direction: 'purchase' },
        },
      ],
    })

    expect(entry.lines.map((line) => [line.accountNumber, line.amountMinor])).toEqual([
      ['1840', 801n],
      ['7420', 200n],
      ['5710', -1001n],
    ])
  })

  test('lines that do not balance are refused as unbalanced', () => {
    const run = () =>
      manualEntry(DANISH_STANDARD_CHART, {
        ...HEADER,
        lines: [
          { accountNumber: '5710', side: 'debit', amountMinor: 100n },
          { accountNumber: '1110', side: 'credit', amountMinor: 99n },
        ],
      })

    expect(refusal(run)).toEqual(['unbalanced_entry', 'lines'])
  })

  test('an unknown account and a non-positive amount name their line', () => {
    const unknown = () =>
      manualEntry(DANISH_STANDARD_CHART, {
        ...HEADER,
        lines: [{ accountNumber: '9999', side: 'debit', amountMinor: 1n }],
      })
    const zero = () =>
      manualEntry(DANISH_STANDARD_CHART, {
        ...HEADER,
        lines: [{ accountNumber: '5710', side: 'debit', amountMinor: 0n }],
      })

    expect(refusal(unknown)).toEqual(['invalid_field', 'lines.0.accountNumber'])
    expect(refusal(zero)).toEqual(['invalid_field', 'lines.0.amount'])
  })
})
