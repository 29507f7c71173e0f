// Proves journal entries are refused unless they balance and move money, and that reversal mirrors them.
import { describe, expect, it } from 'vitest'
import { AssertionError } from '../assert.ts'
import {
  composeEntry,
  isIsoDate,
  type JournalEntryDraft,
  MAX_ENTRY_LINES,
  MAX_LINE_AMOUNT_MINOR,
  reverseEntry,
  signedAmountFromSides,
  validateEntry,
} from './journal-entry.ts'

const header = { entryDate: '2024-03-15', description: 'Invoice 1001', currency: 'DKK' } as const

function entryWith(lines: JournalEntryDraft['lines']): JournalEntryDraft {
  return { ...header, lines }
}

const sale = entryWith([
  { accountNumber: '5810', amountMinor: 12500n, contactId: 'c1', invoiceId: 'i1' },
  { accountNumber: '1110', amountMinor: -10000n },
  { accountNumber: '7410', amountMinor: -2500n },
])

describe('validateEntry', () => {
  it('passes a balanced entry through unchanged', () => {
    const validated = validateEntry(sale)

    expect(validated).toBe(sale)
  })

  it('refuses an entry whose debits and credits differ, with both totals', () => {
    const entry = entryWith([
      { accountNumber: '5810', amountMinor: 12500n },
      { accountNumber: '1110', amountMinor: -10000n },
    ])

    const act = () => validateEntry(entry)

    expect(act).toThrow(
      expect.objectContaining({
        code: 'unbalanced_entry',
        details: { field: 'lines', debitTotalMinor: '12500', creditTotalMinor: '10000' },
      }),
    )
  })

  it.each([
    ['no lines', []],
    ['only zero lines', [{ accountNumber: '5810', amountMinor: 0n }]],
  ])('refuses an entry with %s as unbalanced', (_, lines) => {
    const act = () => validateEntry(entryWith(lines))

    expect(act).toThrow(expect.objectContaining({ code: 'unbalanced_entry' }))
  })

  it.each([
    [
      'a zero line among others',
      'lines[3].amountMinor',
      [...sale.lines, { accountNumber: '1110', amountMinor: 0n }],
    ],
    [
      'an amount above the limit',
      'lines[0].amountMinor',
      [
        { accountNumber: '5810', amountMinor: MAX_LINE_AMOUNT_MINOR + 1n },
        { accountNumber: '1110', amountMinor: -MAX_LINE_AMOUNT_MINOR - 1n },
      ],
    ],
    [
      'an account number with letters',
      'lines[1].accountNumber',
      [
        { accountNumber: '5810', amountMinor: 1n },
        { accountNumber: 'sales', amountMinor: -1n },
      ],
    ],
  ])('refuses %s naming the field', (_, field, lines) => {
    const act = () => validateEntry(entryWith(lines))

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field } }))
  })

  it.each(['2024-02-30', '2024-3-15', '15.03.2024', ''])('refuses the entry date %j', (entryDate) => {
    const act = () => validateEntry({ ...sale, entryDate })

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'entryDate' } }))
  })

  it('refuses a line on an account the organization does not have', () => {
    const accountNumbers = new Set(['5810', '1110'])

    const act = () => validateEntry(sale, { accountNumbers })

    expect(act).toThrow(
      expect.objectContaining({ code: 'invalid_field', details: { field: 'lines[2].accountNumber' } }),
    )
  })

  it('refuses more lines than the limit', () => {
    const lines = Array.from({ length: MAX_ENTRY_LINES + 2 }, (_, index) => ({
      accountNumber: '1930',
      amountMinor: index % 2 === 0 ? 1n : -1n,
    }))

    const act = () => validateEntry(entryWith(lines))

    expect(act).toThrow(expect.objectContaining({ code: 'limit_exceeded' }))
  })

  it('refuses a description longer than the limit', () => {
    const act = () => validateEntry({ ...sale, description: 'x'.repeat(501) })

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'description' } }))
  })
})

describe('signedAmountFromSides', () => {
  it.each([
    [12500n, 0n, 12500n],
    [0n, 2500n, -2500n],
    [0n, 0n, 0n],
  ])('turns debit %d and credit %d into %d', (debit, credit, expected) => {
    const amountMinor = signedAmountFromSides(debit, credit, 'lines[0]')

    expect(amountMinor).toBe(expected)
  })

  it('refuses a line with both a debit and a credit as unbalanced', () => {
    const act = () => signedAmountFromSides(100n, 100n, 'lines[3]')

    expect(act).toThrow(expect.objectContaining({ code: 'unbalanced_entry', details: { field: 'lines[3]' } }))
  })

  it('refuses a negative column', () => {
    const act = () => signedAmountFromSides(-1n, 0n, 'lines[0]')

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field' }))
  })
})

describe('reverseEntry', () => {
  it('moves every line to the other side on the new date', () => {
    const reversal = reverseEntry(sale, '2024-04-01', 'Reversal of invoice 1001')

    expect(reversal.entryDate).toBe('2024-04-01')
    expect(reversal.description).toBe('Reversal of invoice 1001')
    expect(reversal.lines.map((line) => line.amountMinor)).toEqual([-12500n, 10000n, 2500n])
    expect(reversal.lines[0]).toMatchObject({ contactId: 'c1', invoiceId: 'i1' })
  })

  it('gives back the original when reversed twice', () => {
    const twice = reverseEntry(reverseEntry(sale, '2024-04-01', 'Reversal'), sale.entryDate, sale.description)

    expect(twice).toEqual(sale)
  })

  it('refuses an invalid reversal date', () => {
    const act = () => reverseEntry(sale, '2024-13-01')

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'entryDate' } }))
  })
})

describe('composeEntry', () => {
  it('drops zero lines and keeps only header fields', () => {
    const input = { ...header, invoiceId: 'i1' }

    const entry = composeEntry(input, [...sale.lines, { accountNumber: '1860', amountMinor: 0n }])

    expect(entry).toEqual(sale)
  })

  it('answers null when nothing moves', () => {
    const entry = composeEntry(header, [{ accountNumber: '5810', amountMinor: 0n }])

    expect(entry).toBeNull()
  })

  it('treats a rule that does not balance as a bug', () => {
    const act = () => composeEntry(header, [{ accountNumber: '5810', amountMinor: 1n }])

    expect(act).toThrow(AssertionError)
  })
})

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-12-31', true],
    ['2024-00-10', false],
    ['20240101', false],
  ])('judges %s a date: %s', (value, expected) => {
    const valid = isIsoDate(value)

    expect(valid).toBe(expected)
  })
})
