// Proves the statutory table is read on the right day: rates and margins per debtor, periods cut at
// every change, fixed amounts only in the law's currency, and a mistyped row refused.
import { describe, expect, it } from 'vitest'
import {
  checkStatutoryTable,
  fixedAmountMinorOn,
  interestRateUnitsOn,
  ratePeriods,
} from './statutory-rules.ts'
import { STATUTORY_TABLE, type StatutoryRow } from './statutory-table.ts'

describe('interestRateUnitsOn', () => {
  it.each([
    ['SE', 'consumer', '2025-06-30', 110_000n],
    ['SE', 'business', '2025-07-01', 100_000n],
    ['DE', 'consumer', '2025-07-01', 62_700n],
    ['DE', 'business', '2025-07-01', 102_700n],
    ['DE', 'business', '2024-12-31', 123_700n],
    ['DK', 'consumer', '2024-01-01', 117_500n],
  ] as const)('reads %s %s on %s as %d ten-thousandths of a percent', (country, debtor, on, expected) => {
    expect(interestRateUnitsOn(STATUTORY_TABLE, country, debtor, on)).toBe(expected)
  })

  it('has no rate before the table starts or for a country it lacks', () => {
    expect(interestRateUnitsOn(STATUTORY_TABLE, 'SE', 'consumer', '2022-12-31')).toBeUndefined()
    expect(interestRateUnitsOn(STATUTORY_TABLE, 'NO', 'consumer', '2025-01-01')).toBeUndefined()
  })
})

describe('ratePeriods', () => {
  it('cuts a span at the 1 July change', () => {
    const periods = ratePeriods(STATUTORY_TABLE, 'SE', 'consumer', '2025-06-20', '2025-07-10')

    expect(periods).toEqual([
      { fromOn: '2025-06-20', toOn: '2025-06-30', rateUnits: 110_000n },
      { fromOn: '2025-07-01', toOn: '2025-07-10', rateUnits: 100_000n },
    ])
  })

  it('gives one period when nothing changes and none for an empty span', () => {
    expect(ratePeriods(STATUTORY_TABLE, 'DK', 'business', '2025-08-01', '2025-08-31')).toHaveLength(1)
    expect(ratePeriods(STATUTORY_TABLE, 'DK', 'business', '2025-08-02', '2025-08-01')).toEqual([])
  })
})

describe('fixedAmountMinorOn', () => {
  it('reads fees and compensation in the law currency only', () => {
    expect(fixedAmountMinorOn(STATUTORY_TABLE, 'SE', 'reminderFeeMax', '2025-01-01', 'SEK')).toBe(6000n)
    expect(fixedAmountMinorOn(STATUTORY_TABLE, 'DK', 'businessCompensation', '2025-01-01', 'DKK')).toBe(
      31000n,
    )
    expect(fixedAmountMinorOn(STATUTORY_TABLE, 'DE', 'businessCompensation', '2025-01-01', 'EUR')).toBe(4000n)
    expect(fixedAmountMinorOn(STATUTORY_TABLE, 'SE', 'reminderFeeMax', '2025-01-01', 'EUR')).toBeUndefined()
    expect(fixedAmountMinorOn(STATUTORY_TABLE, 'DE', 'reminderFeeMax', '2025-01-01', 'EUR')).toBeUndefined()
  })
})

describe('checkStatutoryTable', () => {
  const row: StatutoryRow = {
    country: 'SE',
    item: 'referenceRatePercent',
    validFrom: '2030-01-01',
    value: '1.5',
    source: 'test',
  }

  it('accepts the shipped table', () => {
    expect(() => checkStatutoryTable(STATUTORY_TABLE)).not.toThrow()
  })

  it.each([
    [{ ...row, validFrom: '2030-02-30' }, 'validFrom'],
    [{ ...row, value: '1,5' }, 'plain decimal'],
    [{ ...row, source: ' ' }, 'source'],
    [{ ...row, country: 'se' }, 'country'],
  ])('refuses a mistyped row (%o)', (bad, message) => {
    expect(() => checkStatutoryTable([bad])).toThrow(message)
  })

  it('refuses the same day twice', () => {
    expect(() => checkStatutoryTable([row, row])).toThrow('twice')
  })
})
