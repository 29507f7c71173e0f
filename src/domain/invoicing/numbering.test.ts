// Proves invoice numbers format as prefix plus zero-padded number, with date placeholders, and that bad series are refused.
import { describe, expect, it } from 'vitest'
import { AssertionError } from '../assert.ts'
import {
  expandPrefix,
  formatInvoiceNumber,
  hasDatePlaceholders,
  MAX_PADDING,
  validateNumberingSeries,
} from './numbering.ts'

describe('formatInvoiceNumber', () => {
  it.each([
    ['RE-', 5, 42, undefined, 'RE-00042'],
    ['', 0, 17, undefined, '17'], // Billomat's number_length 0: no padding
    ['I', 0, 5, undefined, 'I5'], // Billomat's own example
    ['RE', 3, 123456, undefined, 'RE123456'], // a longer number is never cut
    ['', MAX_PADDING, 1, undefined, '00000000000000000001'],
    ['RE-[YYYY]-', 5, 1, '2024-03-15', 'RE-2024-00001'],
    ['[YYYY][MM][DD]-', 0, 7, '2024-03-05', '20240305-7'],
    ['[DD].[MM].[YYYY]/', 2, 3, '2024-12-31', '31.12.2024/03'],
    ['[yyyy]-[QQ]-', 1, 3, '2024-12-31', '[yyyy]-[QQ]-3'], // unknown brackets are plain text
  ])('formats prefix %j, padding %i, number %i dated %s as %s', (prefix, padding, n, issuedOn, expected) => {
    const invoiceNumber = formatInvoiceNumber({ prefix, padding }, n, issuedOn)

    expect(invoiceNumber).toBe(expected)
  })

  it.each([
    ['number', { prefix: 'RE-', padding: 5 }, 0],
    ['number', { prefix: 'RE-', padding: 5 }, -3],
    ['number', { prefix: 'RE-', padding: 5 }, 1.5],
    ['number', { prefix: 'RE-', padding: 5 }, Number.MAX_SAFE_INTEGER + 1],
    ['padding', { prefix: 'RE-', padding: 21 }, 1],
    ['padding', { prefix: 'RE-', padding: -1 }, 1],
    ['padding', { prefix: 'RE-', padding: 2.5 }, 1],
    ['prefix', { prefix: 'R'.repeat(31), padding: 0 }, 1],
    ['prefix', { prefix: 'RE-\n', padding: 0 }, 1],
  ])('refuses a bad %s', (field, series, n) => {
    const act = () => formatInvoiceNumber(series, n)

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field } }))
  })

  it('refuses an invoice date that is not a calendar date', () => {
    const act = () => formatInvoiceNumber({ prefix: 'RE-[YYYY]-', padding: 5 }, 1, '2023-02-29')

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'issuedOn' } }))
  })

  it('treats a date prefix without a date as a bug, since the domain has no clock', () => {
    const act = () => formatInvoiceNumber({ prefix: 'RE-[YYYY]-', padding: 5 }, 1)

    expect(act).toThrow(AssertionError)
  })
})

describe('expandPrefix', () => {
  it('gives two dates of one year the same counter key', () => {
    const march = expandPrefix('RE-[YYYY]-', '2024-03-15')
    const december = expandPrefix('RE-[YYYY]-', '2024-12-31')

    expect(march).toBe('RE-2024-')
    expect(december).toBe(march)
  })

  it('leaves a prefix without placeholders alone, with or without a date', () => {
    const expanded = expandPrefix('RE-', undefined)

    expect(expanded).toBe('RE-')
  })

  it.each([
    ['RE-[YYYY]-', true],
    ['[MM]', true],
    ['RE-', false],
    ['[YY]', false],
  ])('finds placeholders in %j: %s', (prefix, expected) => {
    const found = hasDatePlaceholders(prefix)

    expect(found).toBe(expected)
  })
})

describe('validateNumberingSeries', () => {
  it('passes a valid series through unchanged', () => {
    const series = { prefix: 'RE-', padding: 5, nextNumber: 1 }

    const validated = validateNumberingSeries(series)

    expect(validated).toBe(series)
  })

  it.each([
    ['numberingSeries.prefix', { prefix: 'x'.repeat(31), padding: 0, nextNumber: 1 }],
    ['numberingSeries.padding', { prefix: '', padding: 21, nextNumber: 1 }],
    ['numberingSeries.nextNumber', { prefix: '', padding: 0, nextNumber: 0 }],
  ])('refuses a bad series naming %s', (field, series) => {
    const act = () => validateNumberingSeries(series)

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field } }))
  })

  it('names fields under the path the caller gives', () => {
    const act = () =>
      validateNumberingSeries({ prefix: '', padding: 99, nextNumber: 1 }, 'settings.creditNoteSeries')

    expect(act).toThrow(expect.objectContaining({ details: { field: 'settings.creditNoteSeries.padding' } }))
  })
})
