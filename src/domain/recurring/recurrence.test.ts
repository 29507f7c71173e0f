// Proves that a recurring series' occurrences are counted from its anchor: month ends are kept,
// every cycle steps as named, and end dates and counts end the series.
import { describe, expect, test } from 'vitest'
import { DomainError } from '../errors.ts'
import { addMonthsClamped, checkRecurrence, nextCreationOn, occurrenceOn } from './recurrence.ts'

describe('addMonthsClamped', () => {
  test.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-01-31', 2, '2027-03-31'],
    ['2027-01-31', 3, '2027-04-30'],
    ['2027-01-30', 1, '2027-02-28'],
    ['2027-12-15', 1, '2028-01-15'],
    ['2027-11-30', 14, '2029-01-30'],
    ['2028-02-29', 12, '2029-02-28'],
  ])('%s plus %i months is %s', (from, months, expected) => {
    expect(addMonthsClamped(from, months)).toBe(expected)
  })
})

describe('occurrenceOn', () => {
  test('a monthly series begun on 31 January keeps the month end for a year', () => {
    const dates = Array.from({ length: 12 }, (_, step) =>
      occurrenceOn('2027-01-31', { cycle: 'monthly', cycleNumber: 1 }, step),
    )

    expect(dates).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
      '2027-08-31',
      '2027-09-30',
      '2027-10-31',
      '2027-11-30',
      '2027-12-31',
    ])
  })

  test.each([
    ['daily', 3, 2, '2027-01-07'],
    ['weekly', 2, 1, '2027-01-15'],
    ['monthly', 3, 1, '2027-04-01'],
    ['yearly', 1, 2, '2029-01-01'],
  ] as const)('%s every %i, step %i from 1 January 2027 is %s', (cycle, cycleNumber, step, expected) => {
    expect(occurrenceOn('2027-01-01', { cycle, cycleNumber }, step)).toBe(expected)
  })
})

describe('nextCreationOn', () => {
  const monthly = { cycle: 'monthly', cycleNumber: 1 } as const

  test('the next occurrence follows while the series runs', () => {
    expect(nextCreationOn('2027-01-31', monthly, 1, 1, { endOn: null, iterations: null })).toBe('2027-02-28')
  })

  test('an end date before the next occurrence ends the series', () => {
    expect(nextCreationOn('2027-01-31', monthly, 1, 1, { endOn: '2027-02-27', iterations: null })).toBeNull()
  })

  test('an occurrence on the end date itself is still made', () => {
    expect(nextCreationOn('2027-01-31', monthly, 1, 1, { endOn: '2027-02-28', iterations: null })).toBe(
      '2027-02-28',
    )
  })

  test('the last of its iterations ends the series', () => {
    expect(nextCreationOn('2027-01-31', monthly, 3, 3, { endOn: null, iterations: 3 })).toBeNull()
  })
})

describe('checkRecurrence', () => {
  test.each([0, -1, 1.5, 121])('refuses a cycle number of %s', (cycleNumber) => {
    expect(() => checkRecurrence({ cycle: 'monthly', cycleNumber })).toThrow(DomainError)
  })
})
