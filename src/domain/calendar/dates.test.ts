// Proves calendar-day parsing and arithmetic, month ends and leap years included.

import { expect, test } from 'vitest'
import { addDays, daysBetween, isIsoDate, parseIsoDate } from './dates.ts'

test('accepts real dates and refuses impossible ones', () => {
  expect(isIsoDate('2028-02-29')).toBe(true)
  expect(isIsoDate('2026-02-29')).toBe(false)
  expect(isIsoDate('2026-13-01')).toBe(false)
  expect(isIsoDate('2026-1-01')).toBe(false)
  expect(() => parseIsoDate('tomorrow', 'dueDate')).toThrow(/dueDate/)
})

test('adds days across month and year ends', () => {
  expect(addDays('2026-12-20', 30)).toBe('2027-01-19')
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
})

test('counts the days between two dates', () => {
  expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364)
  expect(daysBetween('2026-02-01', '2026-01-01')).toBe(-31)
})
