// Proves the due dates of the three kinds of payment terms, month ends and leap years included.

import { describe, expect, test } from 'vitest'
import { DomainError } from '../errors.ts'
import { dueDateFor } from './payment-terms.ts'

describe('dueDateFor', () => {
  test.each([
    ['net', 14, '2024-01-20', null, '2024-02-03'],
    ['net', 0, '2024-01-20', null, '2024-01-20'],
    ['netEndOfMonth', 0, '2024-02-10', null, '2024-02-29'],
    ['netEndOfMonth', 15, '2023-02-10', null, '2023-03-15'],
    ['netEndOfMonth', 1, '2024-12-31', null, '2025-01-01'],
    ['date', 0, '2024-01-20', '2024-03-01', '2024-03-01'],
  ] as const)('%s %i days from %s is due %s', (mode, days, entryDate, fixed, expected) => {
    const due = dueDateFor(mode, days, entryDate, fixed)

    expect(due).toBe(expected)
  })

  test('a fixed date before the entry date is refused naming dueDate', () => {
    const compute = () => dueDateFor('date', 0, '2024-01-20', '2024-01-19')

    expect(compute).toThrowError(DomainError)
    expect(compute).toThrowError(/due date/)
  })

  test('negative days are refused naming paymentTermsDays', () => {
    const compute = () => dueDateFor('net', -1, '2024-01-20')

    expect(compute).toThrowError(/paymentTermsDays|payment terms/)
  })
})
